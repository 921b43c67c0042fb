#include <gtest/gtest.h>

#include "model/edit.h"
#include "stamp/markup_test_support.h"
#include "stamp/stamp.h"

namespace archtag::stamp {
namespace {

using testing::html_layout;

constexpr std::string_view k_hidden =
    "<span class=\"archtag-visually-hidden\" style=\"position:absolute;width:1px;height:1px;"
    "margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap\">";

Notice arch() {
    return Notice{NoticeKind::archival, "Archival story.", "en", "https://x.org/s", "Learn more."};
}
Notice age(int years = 9) {
    return Notice{NoticeKind::age, "More than " + std::to_string(years) + " years old.", "en", "",
                  ""};
}

std::string arch_stamp() {
    return "<!-- archtag:archival v1 --><aside class=\"archtag-notice archtag-archival\" "
           "role=\"note\"><p>" +
           std::string(k_hidden) +
           "Archival notice: </span>Archival story. <a href=\"https://x.org/s\">Learn "
           "more.</a></p></aside><!-- /archtag:archival -->";
}
std::string age_stamp(int years = 9) {
    return "<!-- archtag:age v1 --><aside class=\"archtag-notice archtag-age\" role=\"note\"><p>" +
           std::string(k_hidden) + "Age notice: </span>More than " + std::to_string(years) +
           " years old.</p></aside><!-- /archtag:age -->";
}

Placement at(HtmlAnchor anchor, std::string selector = "") {
    Placement p;
    p.html = anchor;
    p.html_selector = std::move(selector);
    return p;
}

std::string stamped(std::string_view bytes, const std::vector<Notice>& notices,
                    const Placement& placement = Placement{}) {
    return testing::stamped_as(bytes, html_layout(bytes), notices, placement);
}

std::string unstamped(std::string_view bytes) {
    return testing::unstamped_as(bytes, html_layout(bytes));
}

Plan must(Expected<Plan> p) {
    EXPECT_TRUE(p.has_value()) << (p ? "" : p.error().describe());
    return p ? std::move(*p) : Plan{};
}

std::string plan_error(std::string_view bytes, const std::vector<Notice>& notices,
                       const Placement& placement) {
    Expected<Plan> p = plan(bytes, html_layout(bytes), notices, placement);
    EXPECT_FALSE(p);
    return p ? "" : p.error().headline();
}

std::string find_error(std::string_view bytes) {
    Expected<std::vector<FoundStamp>> found = find(bytes, html_layout(bytes), Placement{});
    EXPECT_FALSE(found);
    if (found)
        return "";
    Error e = found.error();
    e.path = "a.html";
    return e.headline();
}

constexpr std::string_view k_page =
    "<!DOCTYPE html>\n<html>\n<head><title>T</title></head>\n<body>\n"
    "  <article class=\"story\">\n    <h1>Title</h1>\n    <p>Text.</p>\n  </article>\n"
    "</body>\n</html>\n";

std::string page_with(std::string_view stamps) {
    return "<!DOCTYPE html>\n<html>\n<head><title>T</title></head>\n<body>\n"
           "  <article class=\"story\">\n" +
           std::string(stamps) +
           "    <h1>Title</h1>\n    <p>Text.</p>\n  </article>\n</body>\n</html>\n";
}

TEST(Html, StampsOnTheirOwnLinesFirstInTheArticle) {
    std::string out = stamped(k_page, {arch(), age()});
    EXPECT_EQ(out, page_with("    " + arch_stamp() + "\n    " + age_stamp() + "\n"));
    EXPECT_EQ(unstamped(out), k_page);
    EXPECT_TRUE(must(plan(out, html_layout(out), {arch(), age()}, Placement{})).edits.empty());
}

TEST(Html, MinifiedPagesGetInlineStamps) {
    std::string page = "<html><body><article><h1>T</h1></article></body></html>";
    std::string out = stamped(page, {arch(), age()});
    EXPECT_EQ(out, "<html><body><article>" + arch_stamp() + age_stamp() +
                       "<h1>T</h1></article></body></html>");
    EXPECT_EQ(unstamped(out), page);
}

TEST(Html, CrlfAndBomAreKept) {
    std::string page = "\xEF\xBB\xBF<body>\r\n\t<p>x</p>\r\n</body>";
    std::string out = stamped(page, {age()});
    EXPECT_EQ(out, "\xEF\xBB\xBF<body>\r\n\t" + age_stamp() + "\r\n\t<p>x</p>\r\n</body>");
    EXPECT_EQ(unstamped(out), page);
}

TEST(Html, ArticleStartFallsBackToBody) {
    std::string page = "<html>\n<body>\n<p>x</p>\n</body>\n</html>\n";
    EXPECT_EQ(stamped(page, {age()}),
              "<html>\n<body>\n" + age_stamp() + "\n<p>x</p>\n</body>\n</html>\n");
}

TEST(Html, ImpliedBodyStartsWhereTheReaderSays) {
    std::string page = "<title>x</title>\n<p>Text</p>\n";
    DocumentLayout layout = html_layout(page);
    ElementSpan body;
    body.tag = "body";
    body.open_begin = body.open_end = 17;  // "<p>"
    body.close_begin = body.close_end = page.size();
    layout.elements.push_back(body);
    EXPECT_EQ(testing::stamped_as(page, layout, {age()}, Placement{}),
              "<title>x</title>\n" + age_stamp() + "\n<p>Text</p>\n");
}

TEST(Html, NoBodyElementAtAllMeansAfterTheHead) {
    std::string page = "<head><title>x</title></head><p>Text</p>";
    EXPECT_EQ(stamped(page, {age()}, at(HtmlAnchor::body_start)),
              "<head><title>x</title></head>" + age_stamp() + "<p>Text</p>");
}

TEST(Html, BeforeAnElementNamedByClassWord) {
    std::string page =
        "<body>\n  <div class=\"story-headers\">a</div>\n  <header class=\"wide story-header\">\n"
        "    <h1>T</h1>\n  </header>\n</body>\n";
    std::string out = stamped(page, {age()}, at(HtmlAnchor::before_element, ".story-header"));
    EXPECT_EQ(
        out,
        "<body>\n  <div class=\"story-headers\">a</div>\n  " + age_stamp() +
            "\n  <header class=\"wide story-header\">\n    <h1>T</h1>\n  </header>\n</body>\n");
    EXPECT_EQ(unstamped(out), page);
}

TEST(Html, AfterAndInsideAnElementNamedById) {
    std::string page =
        "<body>\n  <header id=\"top\">\n    <h1>T</h1>\n  </header>\n  <p>x</p>\n</body>\n";
    EXPECT_EQ(stamped(page, {age()}, at(HtmlAnchor::after_element, "#top")),
              "<body>\n  <header id=\"top\">\n    <h1>T</h1>\n  </header>\n  " + age_stamp() +
                  "\n  <p>x</p>\n</body>\n");
    EXPECT_EQ(stamped(page, {age()}, at(HtmlAnchor::element_start, "#top")),
              "<body>\n  <header id=\"top\">\n    " + age_stamp() +
                  "\n    <h1>T</h1>\n  </header>\n  <p>x</p>\n</body>\n");
    std::string inline_page = "<p>a <span id=\"d\">1 May</span> b</p>";
    EXPECT_EQ(stamped(inline_page, {age()}, at(HtmlAnchor::after_element, "#d")),
              "<p>a <span id=\"d\">1 May</span>" + age_stamp() + " b</p>");
}

TEST(Html, AnElementAtTheEndOfTheLastLine) {
    std::string page = "<body>\n<div id=\"x\"></div>";
    std::string out = stamped(page, {age()}, at(HtmlAnchor::after_element, "#x"));
    EXPECT_EQ(out, "<body>\n<div id=\"x\"></div>" + age_stamp());
    EXPECT_EQ(unstamped(out), page);
}

TEST(Html, SelectorErrors) {
    std::string page = "<body><div class=\"story\"></div></body>";
    EXPECT_EQ(plan_error(page, {age()}, at(HtmlAnchor::before_element, ".story-header")),
              "no element matches '.story-header' for the HTML stamp");
    EXPECT_EQ(plan_error(page, {age()}, at(HtmlAnchor::after_element, "div")),
              "HTML stamp selector 'div' must be '#id' or '.class'");
    EXPECT_EQ(plan_error(page, {age()}, at(HtmlAnchor::element_start, "")),
              "HTML stamp selector '' must be '#id' or '.class'");
}

TEST(Html, EscapesTextAndAttributes) {
    Notice n{NoticeKind::archival, "<b>\"A\" & 'B'</b>\nnext", "en", "https://x.org/?a=1&b=\"2\"",
             "<more>"};
    std::string out = stamped("<body>\n</body>", {n});
    EXPECT_NE(out.find("</span>&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt; next <a "
                       "href=\"https://x.org/?a=1&amp;b=&quot;2&quot;\">&lt;more&gt;</a></p>"),
              std::string::npos)
        << out;
    auto found = find(out, html_layout(out), Placement{});
    ASSERT_TRUE(found);
    EXPECT_EQ((*found)[0].text, "<b>\"A\" & 'B'</b> next <more> (https://x.org/?a=1&b=\"2\")");
}

TEST(Html, RefusesLinksThatAreNotWebLinks) {
    std::string page = "<body>\n</body>";
    for (std::string url : {"javascript:alert(1)", "JavaScript:x", "java\tscript:x",
                            "data:text/html,x", "vbscript:x"}) {
        Notice n = arch();
        n.link_url = url;
        EXPECT_EQ(plan_error(page, {n}, Placement{}),
                  "link URL '" + url +
                      "' is not allowed in an HTML stamp (only http, https and mailto links, or "
                      "relative ones)");
    }
    for (std::string url : {"https://x.org/a:b", "HTTP://x", "mailto:ed@x.org", "/about",
                            "//x.org/s", "about/a:b", "?q=a:b"}) {
        Notice n = arch();
        n.link_url = url;
        EXPECT_TRUE(plan(page, html_layout(page), {n}, Placement{})) << url;
    }
}

TEST(Html, TemplateFromThePolicy) {
    Placement p;
    p.html_template = "<div class=\"{kind}\">\n  {text} {link}\n</div>";
    std::string page = "<body>\r\n<p>x</p>\r\n</body>\r\n";
    Notice n = arch();
    n.text = "A & B";
    std::string out = stamped(page, {n, age()}, p);
    EXPECT_EQ(out,
              "<body>\r\n<!-- archtag:archival v1 --><div class=\"archival\">\r\n  A &amp; B <a "
              "href=\"https://x.org/s\">Learn more.</a>\r\n</div><!-- /archtag:archival -->\r\n"
              "<!-- archtag:age v1 --><div class=\"age\">\r\n  More than 9 years old. \r\n</div>"
              "<!-- /archtag:age -->\r\n<p>x</p>\r\n</body>\r\n");
    EXPECT_EQ(unstamped(out), page);
    EXPECT_TRUE(must(plan(out, html_layout(out), {n, age()}, p)).edits.empty());
    Placement bad;
    bad.html_template = "<!-- archtag:age v1 -->{text}";
    EXPECT_EQ(plan_error(page, {age()}, bad),
              "the policy's HTML stamp template must not contain archtag's stamp markers");
}

TEST(Html, StampMarkupNeverCountsAsAnAnchor) {
    Placement p = at(HtmlAnchor::before_element, ".story-header");
    p.html_template = "<p class=\"story-header\">{text}</p>";
    std::string page = "<body>\n  <h1 class=\"story-header\">T</h1>\n</body>\n";
    std::string once = stamped(page, {arch(), age()}, p);
    Plan again = must(plan(once, html_layout(once), {arch(), age(10)}, p));
    std::string twice = apply_edits(once, again.edits);
    EXPECT_EQ(twice, stamped(page, {arch(), age(10)}, p));
}

TEST(Html, UpdatesAndRemovesInPlace) {
    std::string once = stamped(k_page, {arch(), age(9)});
    Plan update = must(plan(once, html_layout(once), {arch(), age(10)}, Placement{}));
    ASSERT_EQ(update.edits.size(), 1u);
    EXPECT_EQ(update.edits[0].offset, once.find("    <!-- archtag:age"));
    EXPECT_EQ(update.edits[0].text, "    " + age_stamp(10));
    EXPECT_EQ(update.changes[0].change, Change::keep);
    EXPECT_EQ(update.changes[1].change, Change::update);
    Plan remove = must(plan(once, html_layout(once), {age(9)}, Placement{}));
    EXPECT_EQ(apply_edits(once, remove.edits), stamped(k_page, {age(9)}));
    EXPECT_EQ(remove.changes[0].change, Change::remove);
    EXPECT_EQ(remove.changes[0].text, "Archival story. Learn more. (https://x.org/s)");
}

TEST(Html, ArchivalAddedLaterGoesBeforeTheAgeStampWhereverItIs) {
    std::string page =
        "<body>\n<p>x</p>\n<div>\n  " + age_stamp() + "\n  <p>y</p>\n</div>\n</body>\n";
    EXPECT_EQ(stamped(page, {arch(), age()}), "<body>\n<p>x</p>\n<div>\n  " + arch_stamp() +
                                                  "\n  " + age_stamp() +
                                                  "\n  <p>y</p>\n</div>\n</body>\n");
}

TEST(Html, MarkersInScriptsCommentsAndAttributesAreText) {
    std::string page =
        "<body>\n<script>var s = \"<!-- archtag:age v1 -->\";</script>\n"
        "<!-- example: <!-- /archtag:age --> -->\n<p title=\"<!-- /archtag:age -->\">x</p>\n"
        "<textarea><!-- archtag:archival v1 --></textarea>\n</body>\n";
    auto found = find(page, html_layout(page), Placement{});
    ASSERT_TRUE(found) << found.error().describe();
    EXPECT_TRUE(found->empty());
}

TEST(Html, RawTextEndsAtItsEndTagInAnyCase) {
    std::string page =
        "<body>\n<SCRIPT>var s = \"<!-- archtag:age v1 -->\";</Script>\n"
        "<style>p::before { content: \"<!-- archtag:age v1 -->\" }</STYLE>\n"
        "<!-- archtag:age v1 -->x<!-- /archtag:age -->\n</body>\n";
    auto found = find(page, html_layout(page), Placement{});
    ASSERT_TRUE(found) << found.error().describe();
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ(found->front().begin, page.rfind("<!-- archtag:age v1 -->"));
}

TEST(Html, MalformedStampsPointAtTheirMarker) {
    EXPECT_EQ(find_error("<body>\n  <!-- archtag:age v1 --><p>x</p>\n</body>"),
              "a.html:2:3: archtag stamp 'age' is not closed (expected <!-- /archtag:age -->)");
    EXPECT_EQ(find_error("<p>a</p><!-- archtag:age v1 --><!-- archtag:archival v1 -->"
                         "<!-- /archtag:archival --><!-- /archtag:age -->"),
              "a.html:1:9: archtag stamp 'age' is not closed (expected <!-- /archtag:age -->)");
    EXPECT_EQ(find_error("<p>\n x <!-- /archtag:archival --></p>"),
              "a.html:2:4: archtag end marker <!-- /archtag:archival --> has no begin marker "
              "(expected <!-- archtag:archival v1 --> before it)");
    EXPECT_EQ(find_error("<p><!-- archtag:age v2 -->x<!-- /archtag:age --></p>"),
              "a.html:1:4: archtag stamp 'age' has unknown version v2 (this archtag writes v1)");
    EXPECT_EQ(find_error("<body>\n" + age_stamp() + "\n<p>x</p> " + age_stamp() + "\n</body>"),
              "a.html:3:10: archtag stamp 'age' appears twice (first on line 2)");
}

TEST(Html, EncodesForTheDeclaredCharset) {
    Notice n{NoticeKind::age, "Plus de 9 ans \xE2\x80\x99 caf\xC3\xA9 \xE2\x82\xAC", "fr", "", ""};
    std::string latin1 = "<meta charset=\"iso-8859-1\">\n<body>\n</body>\n";
    std::string out = stamped(latin1, {n});
    EXPECT_NE(out.find("Plus de 9 ans &#8217; caf\xE9 &#8364;</p>"), std::string::npos) << out;
    auto found = find(out, html_layout(out), Placement{});
    ASSERT_TRUE(found);
    EXPECT_EQ((*found)[0].text, n.text);
    std::string cp1252 = "<meta charset=\"windows-1252\">\n<body>\n</body>\n";
    out = stamped(cp1252, {n});
    EXPECT_NE(out.find("Plus de 9 ans \x92 caf\xE9 \x80</p>"), std::string::npos) << out;
    found = find(out, html_layout(out), Placement{});
    ASSERT_TRUE(found);
    EXPECT_EQ((*found)[0].text, n.text);
}

TEST(Html, RefusesEncodingsThatAreNotAsciiCompatible) {
    DocumentLayout l = html_layout("<body></body>");
    l.encoding = "utf-16le";
    Expected<Plan> p = plan("<body></body>", l, {age()}, Placement{});
    ASSERT_FALSE(p);
    EXPECT_EQ(p.error().message,
              "archtag cannot stamp html files in encoding 'utf-16le' (it writes "
              "ASCII-compatible encodings only)");
}

}  // namespace
}  // namespace archtag::stamp
