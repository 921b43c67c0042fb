#include <gtest/gtest.h>

#include "model/edit.h"
#include "stamp/escape.h"
#include "stamp/markup_test_support.h"
#include "stamp/stamp.h"

namespace archtag::stamp {
namespace {

using testing::xml_layout;

Notice arch() {
    return Notice{NoticeKind::archival, "Archival story.", "en", "https://x.org/s", "Learn more."};
}
Notice age(int years = 9) {
    return Notice{NoticeKind::age, "More than " + std::to_string(years) + " years old.", "en", "",
                  ""};
}

std::string stamped(std::string_view bytes, const std::vector<Notice>& notices) {
    return testing::stamped_as(bytes, xml_layout(bytes), notices, Placement{});
}

std::string unstamped(std::string_view bytes) {
    return testing::unstamped_as(bytes, xml_layout(bytes));
}

Plan must(Expected<Plan> p) {
    EXPECT_TRUE(p.has_value()) << (p ? "" : p.error().describe());
    return p ? std::move(*p) : Plan{};
}

std::string plan_error(std::string_view bytes, const std::vector<Notice>& notices) {
    Expected<Plan> p = plan(bytes, xml_layout(bytes), notices, Placement{});
    EXPECT_FALSE(p);
    return p ? "" : p.error().headline();
}

void expect_round_trip(const std::string& original, const std::string& out,
                       const std::vector<Notice>& notices) {
    EXPECT_EQ(unstamped(out), original);
    Plan again = must(plan(out, xml_layout(out), notices, Placement{}));
    EXPECT_TRUE(again.edits.empty());
}

TEST(Xml, NitfEdMsgIsTheFirstChildOfDocdata) {
    std::string nitf =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<nitf>\n  <head>\n    <docdata>\n"
        "      <ed-msg msg-type=\"editor\" info=\"Hold for legal\"/>\n"
        "      <doc-id id-string=\"a1\"/>\n    </docdata>\n  </head>\n</nitf>\n";
    Notice n = arch();
    n.text = "Archival \xE2\x80\x9Cstory\xE2\x80\x9D & <caf\xC3\xA9>\tnow";
    std::string out = stamped(nitf, {n, age()});
    EXPECT_EQ(out,
              "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<nitf>\n  <head>\n    <docdata>\n"
              "      <!-- archtag:archival v1 --><ed-msg msg-type=\"archtag:archival\" "
              "info=\"Archival &#8220;story&#8221; &amp; &lt;caf\xE9&gt;&#9;now Learn more. "
              "(https://x.org/s)\"/><!-- /archtag:archival -->\n"
              "      <!-- archtag:age v1 --><ed-msg msg-type=\"archtag:age\" info=\"More than 9 "
              "years old.\"/><!-- /archtag:age -->\n"
              "      <ed-msg msg-type=\"editor\" info=\"Hold for legal\"/>\n"
              "      <doc-id id-string=\"a1\"/>\n    </docdata>\n  </head>\n</nitf>\n");
    expect_round_trip(nitf, out, {n, age()});
    auto found = find(out, xml_layout(out), Placement{});
    ASSERT_TRUE(found);
    EXPECT_EQ((*found)[0].text, plain_text(n));
    // Removing both leaves the editor's own ed-msg alone.
    EXPECT_EQ(apply_edits(out, must(plan(out, xml_layout(out), {}, Placement{})).edits), nitf);
}

TEST(Xml, NitfWithoutDocdataIsAnError) {
    EXPECT_EQ(plan_error("<nitf><head><title>x</title></head><body/></nitf>", {age()}),
              "NITF document has no <docdata> for archtag's <ed-msg> (archtag adds no other "
              "elements)");
    EXPECT_EQ(plan_error("<nitf><head><docdata/></head></nitf>", {age()}),
              "<docdata/> is empty; archtag puts its stamp inside <docdata>...</docdata> and "
              "adds no other elements");
}

constexpr std::string_view k_news_message =
    "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">\n"
    "  <itemSet>\n"
    "    <newsItem guid=\"a\">\n"
    "      <itemMeta>\n"
    "        <itemClass qcode=\"ninat:text\"/>\n"
    "        <title>A</title>\n"
    "        <edNote>Embargoed until noon</edNote>\n"
    "        <link rel=\"x\"/>\n"
    "      </itemMeta>\n"
    "      <contentMeta><headline>A</headline></contentMeta>\n"
    "    </newsItem>\n"
    "    <newsItem guid=\"b\"><itemMeta><itemClass qcode=\"ninat:text\"/></itemMeta>"
    "<contentMeta/></newsItem>\n"
    "  </itemSet>\n"
    "</newsMessage>\n";

TEST(Xml, EveryNewsItemGetsItsOwnEdNote) {
    std::string original(k_news_message);
    std::string out = stamped(original, {age()});
    std::string stamp =
        "<!-- archtag:age v1 --><edNote role=\"archtag:age\">More than 9 years "
        "old.</edNote><!-- /archtag:age -->";
    std::string expected = original;
    expected.insert(expected.find("        <link"), "        " + stamp + "\n");
    expected.insert(expected.find("\"ninat:text\"/></itemMeta>") + 14, stamp);
    EXPECT_EQ(out, expected);
    expect_round_trip(original, out, {age()});

    Plan update = must(plan(out, xml_layout(out), {arch(), age(10)}, Placement{}));
    EXPECT_EQ(update.edits.size(), 2u);  // one per newsItem
    EXPECT_EQ(update.changes[0].change, Change::add);
    EXPECT_EQ(update.changes[1].change, Change::update);
    std::string updated = apply_edits(out, update.edits);
    EXPECT_EQ(updated, stamped(original, {arch(), age(10)}));
    Plan keep = must(plan(updated, xml_layout(updated), {arch(), age(10)}, Placement{}));
    EXPECT_TRUE(keep.edits.empty());
    EXPECT_EQ(keep.changes[0].change, Change::keep);
    EXPECT_EQ(keep.changes[1].change, Change::keep);
}

TEST(Xml, EachNewsItemMayHoldOneStampOfAKind) {
    std::string stamp =
        "<!-- archtag:age v1 --><edNote role=\"archtag:age\">x</edNote><!-- /archtag:age -->";
    std::string doc = "<newsItem>\n<itemMeta>" + stamp + stamp + "</itemMeta>\n</newsItem>";
    Expected<std::vector<FoundStamp>> found = find(doc, xml_layout(doc), Placement{});
    ASSERT_FALSE(found);
    Error e = found.error();
    e.path = "a.xml";
    EXPECT_EQ(e.headline(), "a.xml:2:92: archtag stamp 'age' appears twice (first on line 2)");
}

TEST(Xml, JatsNotesFollowArticleMeta) {
    std::string jats =
        "<article>\r\n  <front>\r\n    <article-meta>\r\n      <title-group/>\r\n"
        "    </article-meta>\r\n  </front>\r\n</article>";
    std::string out = stamped(jats, {age()});
    EXPECT_EQ(out,
              "<article>\r\n  <front>\r\n    <article-meta>\r\n      <title-group/>\r\n"
              "    </article-meta>\r\n    <!-- archtag:age v1 --><notes notes-type=\"archtag:age\">"
              "<p>More than 9 years old.</p></notes><!-- /archtag:age -->\r\n  </front>\r\n"
              "</article>");
    expect_round_trip(jats, out, {age()});
}

TEST(Xml, AtomEntriesAndRssItemsStartWithTheNotice) {
    std::string atom = "\xEF\xBB\xBF<feed><entry><title>a</title></entry><entry/></feed>";
    EXPECT_EQ(plan_error(atom, {age()}),
              "<entry/> is empty; archtag puts its stamp inside <entry>...</entry> and adds no "
              "other elements");
    atom = "\xEF\xBB\xBF<entry xmlns=\"http://www.w3.org/2005/Atom\"><title>a</title></entry>";
    std::string out = stamped(atom, {age()});
    EXPECT_EQ(out,
              "\xEF\xBB\xBF<entry xmlns=\"http://www.w3.org/2005/Atom\"><!-- archtag:age v1 -->"
              "<archtag:notice xmlns:archtag=\"urn:archtag:notice:1\" kind=\"archtag:age\">More "
              "than 9 years old.</archtag:notice><!-- /archtag:age --><title>a</title></entry>");
    expect_round_trip(atom, out, {age()});

    std::string rss =
        "<rss version=\"2.0\">\n<channel>\n<item>\n<title>a</title>\n</item>\n<item>\n"
        "<title>b</title>\n</item>\n</channel>\n</rss>\n";
    out = stamped(rss, {arch()});
    auto found = find(out, xml_layout(out), Placement{});
    ASSERT_TRUE(found);
    ASSERT_EQ(found->size(), 2u);
    EXPECT_EQ((*found)[1].line, 8);
    EXPECT_EQ((*found)[1].text, "Archival story. Learn more. (https://x.org/s)");
    expect_round_trip(rss, out, {arch()});
}

TEST(Xml, UnknownVocabularyIsAnError) {
    EXPECT_EQ(plan_error("<doc><p>x</p></doc>", {age()}),
              "archtag does not know where to stamp this XML document (expected NITF <docdata>, "
              "NewsML-G2 <itemMeta>, JATS <article-meta>, an Atom <entry> or an RSS <item>)");
    // Nothing to do is not an error.
    EXPECT_TRUE(must(plan("<doc/>", xml_layout("<doc/>"), {}, Placement{})).edits.empty());
}

TEST(Xml, MarkersInCdataAndCommentsAreText) {
    std::string doc =
        "<entry><![CDATA[<!-- archtag:age v1 -->]]><!-- <!-- /archtag:age --> --></entry>";
    auto found = find(doc, xml_layout(doc), Placement{});
    ASSERT_TRUE(found) << found.error().describe();
    EXPECT_TRUE(found->empty());
    std::string out = stamped(doc, {age()});
    expect_round_trip(doc, out, {age()});
}

TEST(Xml, ForeignElementsThatLookLikeOursAreLeftAlone) {
    std::string doc = "<entry>\n  <edNote role=\"archtag:age\">someone else's</edNote>\n</entry>\n";
    std::string out = stamped(doc, {age()});
    EXPECT_NE(out.find("<edNote role=\"archtag:age\">someone else's</edNote>"), std::string::npos);
    EXPECT_EQ(unstamped(out), doc);
}

}  // namespace
}  // namespace archtag::stamp
