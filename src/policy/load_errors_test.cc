// Every way a policy file can be wrong, with the exact message and place.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "policy/load.h"

namespace archtag::policy {
namespace {

std::string error_of(std::string_view xml) {
    auto p = load_from_string(xml, "p.xml");
    return p ? "(loaded)" : p.error().headline();
}

// A policy with `body` after the time zone (line 3 on).
std::string policy_with(std::string_view body) {
    return "<policy id=\"p\" name=\"P\">\n  <time-zone>UTC</time-zone>\n" + std::string(body) +
           "</policy>\n";
}

TEST(PolicyErrors, NotWellFormed) {
    auto p = load_from_string(policy_with("  <ownership>\n"), "p.xml");
    ASSERT_FALSE(p);
    EXPECT_EQ(
        p.error().headline(),
        "p.xml:3: XML is not well-formed: an element is not closed (expected a matching end tag) "
        "in <ownership> (XML_ERROR_MISMATCHED_ELEMENT)");
    EXPECT_EQ(p.error().source_line, "  <ownership>");
    EXPECT_EQ(error_of(""),
              "p.xml: XML is not well-formed: the document is empty (expected a root "
              "element) (XML_ERROR_EMPTY_DOCUMENT)");
    EXPECT_EQ(error_of("<?xml version=\"1.0\"?>\n<!-- nothing yet -->\n"),
              "p.xml: the document has no element (expected a root element)");
    EXPECT_EQ(error_of("<policy id=\"a\" id=\"b\"/>"),
              "p.xml:1: XML is not well-formed: cannot read an attribute (expected name=\"value\", "
              "each name at most once) in <policy> (XML_ERROR_PARSING_ATTRIBUTE)");
}

TEST(PolicyErrors, RootElement) {
    EXPECT_EQ(error_of("<rules/>"),
              "p.xml:1:1: unexpected root element <rules> (expected <policy>)");
    EXPECT_EQ(
        error_of("<policy id=\"p\" name=\"P\"><time-zone>UTC</time-zone></policy>\n<policy/>"),
        "p.xml:2:1: unexpected second top-level element <policy> (expected a single <policy> "
        "root)");
    EXPECT_EQ(error_of("<policy name=\"P\"><time-zone>UTC</time-zone></policy>"),
              "p.xml:1:1: missing required attribute 'id' on <policy>");
    EXPECT_EQ(error_of("<policy id=\" \" name=\"P\"><time-zone>UTC</time-zone></policy>"),
              "p.xml:1:9: empty attribute 'id' on <policy> (expected a value)");
    EXPECT_EQ(error_of("<policy id=\"la ist\" name=\"P\"><time-zone>UTC</time-zone></policy>"),
              "p.xml:1:9: policy id 'la ist' contains white space (expected a short name such as "
              "\"laist\")");
    EXPECT_EQ(
        error_of("<policy id=\"p\" name=\"P\" version=\"2\"><time-zone>UTC</time-zone></policy>"),
        "p.xml:1:25: unsupported policy version \"2\" (expected 1)");
}

TEST(PolicyErrors, UnknownElementsSuggestTheClosestName) {
    EXPECT_EQ(
        error_of(policy_with("  <ownership>\n    <ownr id=\"a\" name=\"A\"/>\n  </ownership>\n")),
        "p.xml:4:5: unknown element <ownr> in <ownership> (expected <owner>)");
    EXPECT_EQ(error_of(policy_with("  <era id=\"a\"/>\n")),
              "p.xml:3:3: unknown element <era> in <policy> (did you mean <eras>?)");
    EXPECT_EQ(error_of(policy_with("  <colophon/>\n")),
              "p.xml:3:3: unknown element <colophon> in <policy> (expected one of <time-zone>, "
              "<language>, <recognize>, <fields>, <ownership>, <eras>, <notices>, <lists>, "
              "<placement>, <dates>)");
    EXPECT_EQ(
        error_of(policy_with("  <ownership><owner id=\"a\" name=\"A\"><x/></owner></ownership>\n")),
        "p.xml:3:37: unknown element <x> in <owner> (<owner> has no child elements)");
}

TEST(PolicyErrors, ColumnOfTheRightElementWhenALineHasSeveral) {
    EXPECT_EQ(error_of(policy_with(
                  "  <lists><list name=\"a\"><item>x</item><item><b/></item></list></lists>\n")),
              "p.xml:3:45: unknown element <b> in <item> (<item> has no child elements)");
    EXPECT_EQ(error_of(policy_with(
                  "  <lists><list name=\"a\"><item>x</item><item> </item></list></lists>\n")),
              "p.xml:3:39: empty <item> (expected a value)");
}

TEST(PolicyErrors, UnknownAndMissingAttributes) {
    EXPECT_EQ(error_of(policy_with("  <ownership>\n    <owner id=\"a\" name=\"A\" "
                                   "form=\"2004-01-01\"/>\n  </ownership>\n")),
              "p.xml:4:28: unknown attribute 'form' on <owner> (did you mean 'from'?)");
    EXPECT_EQ(
        error_of(policy_with("  <ownership>\n    <owner id=\"a\" name=\"A\" colour=\"red\"/>\n"
                             "  </ownership>\n")),
        "p.xml:4:28: unknown attribute 'colour' on <owner> (expected one of 'id', 'name', "
        "'from', 'until')");
    EXPECT_EQ(
        error_of(policy_with("  <language lang=\"en\">en</language>\n")),
        "p.xml:3:13: unknown attribute 'lang' on <language> (<language> takes no attributes)");
    EXPECT_EQ(error_of(policy_with("  <ownership>\n    <owner name=\"A\"/>\n  </ownership>\n")),
              "p.xml:4:5: missing required attribute 'id' on <owner>");
}

TEST(PolicyErrors, AttributeOnALaterLine) {
    EXPECT_EQ(
        error_of(policy_with("  <ownership>\n    <owner id=\"a\"\n           name=\"A\"\n"
                             "           until=\"2004-13-01\"/>\n  </ownership>\n")),
        "p.xml:6:12: bad date in until=\"2004-13-01\" on <owner>: impossible date '2004-13-01': "
        "there is no month 13 (expected YYYY-MM-DD)");
}

TEST(PolicyErrors, BadDates) {
    EXPECT_EQ(
        error_of(policy_with(
            "  <ownership><owner id=\"a\" name=\"A\" from=\"2018-02-30\"/></ownership>\n")),
        "p.xml:3:37: bad date in from=\"2018-02-30\" on <owner>: impossible date '2018-02-30': "
        "February 2018 has 28 days (expected YYYY-MM-DD)");
    EXPECT_EQ(error_of(policy_with(
                  "  <ownership><owner id=\"a\" name=\"A\" from=\"soon\"/></ownership>\n")),
              "p.xml:3:37: bad date in from=\"soon\" on <owner>: not a date: 'soon' (expected "
              "YYYY-MM-DD)");
    EXPECT_EQ(
        error_of(policy_with(
            "  <ownership><owner id=\"a\" name=\"A\" from=\"2018-02-03T10:00\"/></ownership>\n")),
        "p.xml:3:37: bad date in from=\"2018-02-03T10:00\" on <owner>: expected a date as "
        "YYYY-MM-DD, found '2018-02-03T10:00'");
}

TEST(PolicyErrors, TimeZone) {
    EXPECT_EQ(
        error_of(
            "<policy id=\"p\" name=\"P\">\n  <time-zone>America/Los_Angles</time-zone>\n</policy>"),
        "p.xml:2:14: unknown time zone 'America/Los_Angles' (expected an IANA name such as "
        "America/Los_Angeles)");
    EXPECT_EQ(error_of("<policy id=\"p\" name=\"P\">\n</policy>"),
              "p.xml:1:1: missing <time-zone> in <policy> (expected an IANA name such as "
              "America/Los_Angeles)");
    EXPECT_EQ(error_of("<policy id=\"p\" name=\"P\">\n  <time-zone> </time-zone>\n</policy>"),
              "p.xml:2:3: empty <time-zone> (expected an IANA time zone name such as "
              "America/Los_Angeles)");
    EXPECT_EQ(error_of(policy_with("  <time-zone>UTC</time-zone>\n")),
              "p.xml:3:3: duplicate <time-zone> in <policy> (expected at most one)");
}

TEST(PolicyErrors, UnexpectedText) {
    EXPECT_EQ(error_of(policy_with("  <ownership>\n    Gothamist, then DNAinfo\n  </ownership>\n")),
              "p.xml:4:5: unexpected text 'Gothamist, then DNAinfo' in <ownership> (expected only "
              "child elements)");
}

// Owners and eras: out of order, overlapping, open in the middle, inverted.
TEST(PolicyErrors, Timeline) {
    EXPECT_EQ(
        error_of(policy_with(
            "  <ownership>\n"
            "    <owner id=\"a\" name=\"A\" from=\"2015-01-01\" until=\"2016-01-01\"/>\n"
            "    <owner id=\"b\" name=\"B\" from=\"2010-01-01\" until=\"2011-01-01\"/>\n"
            "  </ownership>\n")),
        "p.xml:5:28: owner 'b' starts 2010-01-01, before owner 'a' (from 2015-01-01) (expected "
        "owners in chronological order)");
    EXPECT_EQ(
        error_of(policy_with(
            "  <ownership>\n"
            "    <owner id=\"a\" name=\"A\" from=\"2004-07-01\" until=\"2017-03-17\"/>\n"
            "    <owner id=\"b\" name=\"B\" from=\"2017-03-01\"/>\n"
            "  </ownership>\n")),
        "p.xml:5:28: owner 'b' starts 2017-03-01, before owner 'a' ends on 2017-03-17 (expected "
        "periods that do not overlap)");
    EXPECT_EQ(error_of(policy_with("  <ownership>\n"
                                   "    <owner id=\"a\" name=\"A\" from=\"2004-07-01\"/>\n"
                                   "    <owner id=\"b\" name=\"B\" from=\"2017-03-01\"/>\n"
                                   "  </ownership>\n")),
              "p.xml:4:5: owner 'a' has no until= date but is followed by owner 'b' (only the last "
              "owner may be open-ended)");
    EXPECT_EQ(error_of(policy_with("  <ownership>\n"
                                   "    <owner id=\"a\" name=\"A\" until=\"2004-07-01\"/>\n"
                                   "    <owner id=\"b\" name=\"B\" until=\"2017-03-01\"/>\n"
                                   "  </ownership>\n")),
              "p.xml:5:5: owner 'b' has no from= date (only the first owner may start open-ended)");
    EXPECT_EQ(error_of(policy_with(
                  "  <ownership>\n"
                  "    <owner id=\"a\" name=\"A\" from=\"2004-07-01\" until=\"2004-07-01\"/>\n"
                  "  </ownership>\n")),
              "p.xml:4:46: owner 'a' ends before it starts (until=\"2004-07-01\" is not after "
              "from=\"2004-07-01\")");
    EXPECT_EQ(
        error_of(policy_with(
            "  <ownership><owner id=\"o\" name=\"O\"/></ownership>\n  <eras>\n"
            "    <era id=\"x\" name=\"X\" owner=\"o\" from=\"2010-01-01\" until=\"2012-01-01\"/>\n"
            "    <era id=\"y\" name=\"Y\" owner=\"o\" from=\"2011-06-01\"/>\n"
            "  </eras>\n")),
        "p.xml:6:36: era 'y' starts 2011-06-01, before era 'x' ends on 2012-01-01 (expected "
        "periods that do not overlap)");
}

TEST(PolicyErrors, GapsBetweenPeriodsAreAllowed) {
    EXPECT_EQ(error_of(policy_with("  <ownership>\n"
                                   "    <owner id=\"a\" name=\"A\" until=\"2017-11-02\"/>\n"
                                   "    <owner id=\"b\" name=\"B\" from=\"2018-02-23\"/>\n"
                                   "  </ownership>\n")),
              "(loaded)");
}

TEST(PolicyErrors, DuplicateIds) {
    EXPECT_EQ(error_of(policy_with("  <ownership>\n"
                                   "    <owner id=\"a\" name=\"A\" until=\"2010-01-01\"/>\n"
                                   "    <owner id=\"a\" name=\"B\" from=\"2010-01-01\"/>\n"
                                   "  </ownership>\n")),
              "p.xml:5:12: duplicate owner id 'a' (first declared on line 4)");
    EXPECT_EQ(
        error_of(policy_with("  <ownership><owner id=\"o\" name=\"O\"/></ownership>\n  <eras>\n"
                             "    <era id=\"x\" name=\"X\" owner=\"o\" until=\"2010-01-01\"/>\n"
                             "    <era id=\"x\" name=\"Y\" owner=\"o\" from=\"2011-06-01\"/>\n"
                             "  </eras>\n")),
        "p.xml:6:10: duplicate era id 'x' (first declared on line 5)");
    EXPECT_EQ(error_of(policy_with(
                  "  <lists>\n    <list name=\"tags\"/>\n    <list name=\"tags\"/>\n  </lists>\n")),
              "p.xml:5:11: duplicate list name 'tags'");
}

TEST(PolicyErrors, EraWithUnknownOwner) {
    EXPECT_EQ(
        error_of(policy_with(
            "  <ownership>\n"
            "    <owner id=\"dnainfo\" name=\"D\" until=\"2017-11-02\"/>\n"
            "    <owner id=\"scpr\" name=\"S\" from=\"2018-02-23\"/>\n"
            "  </ownership>\n"
            "  <eras><era id=\"now\" name=\"Now\" owner=\"spcr\" from=\"2018-02-23\"/></eras>\n")),
        "p.xml:7:34: era 'now' refers to unknown owner 'spcr' (did you mean 'scpr'?)");
    EXPECT_EQ(error_of(policy_with("  <eras><era id=\"now\" name=\"Now\" owner=\"x\"/></eras>\n")),
              "p.xml:3:34: era 'now' refers to unknown owner 'x' (no <owner> is declared in "
              "<ownership>)");
}

// <notices> with an archival notice around `archival` and one era.
std::string notices_with(std::string_view notices) {
    return policy_with(
        "  <ownership><owner id=\"o\" name=\"O\"/></ownership>\n"
        "  <eras><era id=\"e\" name=\"E\" owner=\"o\"/></eras>\n"
        "  <notices>\n" +
        std::string(notices) + "  </notices>\n");
}

TEST(PolicyErrors, Templates) {
    EXPECT_EQ(
        error_of(notices_with("    <archival enabled=\"yes\">\n"
                              "      <template>Before {ownr_now} bought it</template>\n"
                              "    </archival>\n")),
        "p.xml:7:24: unknown placeholder {ownr_now} in <template> (did you mean {owner_now}?)");
    EXPECT_EQ(error_of(notices_with("    <archival enabled=\"yes\">\n"
                                    "      <template>Before {the_owner} bought it</template>\n"
                                    "    </archival>\n")),
              "p.xml:7:24: unknown placeholder {the_owner} in <template> (expected one of "
              "{publication}, {owner_then}, {owner_now}, {era_then}, {era_now}, {acquired}, "
              "{acquired_long}, {age}, {published})");
    EXPECT_EQ(
        error_of(notices_with("    <archival enabled=\"yes\">\n"
                              "      <template>Before {owner_now bought it</template>\n"
                              "    </archival>\n")),
        "p.xml:7:24: unclosed '{' in <template> (expected a placeholder such as {owner_now})");
    EXPECT_EQ(
        error_of(notices_with("    <archival enabled=\"yes\">\n      <template>  </template>\n"
                              "    </archival>\n")),
        "p.xml:7:7: empty <template> in <archival> (expected the notice text)");
    EXPECT_EQ(error_of(notices_with("    <archival enabled=\"yes\"/>\n")),
              "p.xml:6:5: <archival> is enabled but has no <template> (expected at least one)");
    EXPECT_EQ(error_of(notices_with("    <archival enabled=\"maybe\"/>\n")),
              "p.xml:6:15: bad value enabled=\"maybe\" on <archival> (expected yes or no)");
    EXPECT_EQ(
        error_of(notices_with("    <archival>\n      <template>Old</template>\n    </archival>\n")),
        "p.xml:6:5: missing required attribute 'enabled' on <archival>");
    EXPECT_EQ(error_of(notices_with("    <archival enabled=\"yes\">\n"
                                    "      <template lang=\"en\">Old</template>\n"
                                    "      <template>Older</template>\n    </archival>\n")),
              "p.xml:8:7: duplicate <template> for language 'en' in <archival>");
    EXPECT_EQ(
        error_of(notices_with("    <archival enabled=\"yes\">\n"
                              "      <template link-text=\"More\">Old</template>\n"
                              "    </archival>\n")),
        "p.xml:7:17: link-text on <template> needs a link= as well (expected the URL the words "
        "point to)");
    EXPECT_EQ(
        error_of(notices_with("    <archival enabled=\"no\"/>\n    <archival enabled=\"no\"/>\n")),
        "p.xml:7:5: duplicate <archival> in <notices> (expected at most one)");
}

TEST(PolicyErrors, ArchivalNoticeNeedsAnEra) {
    EXPECT_EQ(
        error_of(policy_with(
            "  <notices>\n    <archival enabled=\"yes\"><template>Old</template></archival>\n"
            "  </notices>\n")),
        "p.xml:4:5: the archival notice is enabled but no <era> is declared (expected <eras> with "
        "at least one <era>; the last one is current)");
    EXPECT_EQ(error_of(policy_with("  <notices>\n    <archival enabled=\"no\"/>\n  </notices>\n")),
              "(loaded)");
}

TEST(PolicyErrors, AgeNotice) {
    EXPECT_EQ(
        error_of(notices_with("    <age enabled=\"yes\">\n"
                              "      <template>This article is old</template>\n    </age>\n")),
        "p.xml:7:17: age notice template for language 'en' has no {age} placeholder (expected "
        "text such as \"This article is more than {age} old\")");
    EXPECT_EQ(
        error_of(notices_with("    <age enabled=\"yes\" arithmetic=\"gregorian\">\n"
                              "      <template>{age}</template>\n    </age>\n")),
        "p.xml:6:24: unknown arithmetic=\"gregorian\" on <age> (expected calendar or guardian)");
    EXPECT_EQ(
        error_of(notices_with("    <age enabled=\"yes\" minimum=\"1 year\">\n"
                              "      <template>{age}</template>\n    </age>\n")),
        "p.xml:6:24: bad minimum=\"1 year\" on <age> (expected a span like 1y, 6m, 30d or 1y6m)");
    EXPECT_EQ(error_of(notices_with(
                  "    <age enabled=\"yes\">\n"
                  "      <template lang=\"fr\">Plus de {age}</template>\n    </age>\n")),
              "p.xml:7:7: no <units> for language 'fr' in <age> (expected <units lang=\"fr\" "
              "year=\"...\" years=\"...\" month=\"...\" months=\"...\"/>)");
    EXPECT_EQ(
        error_of(notices_with("    <age enabled=\"yes\">\n      <template>{age}</template>\n"
                              "      <units year=\"y\" years=\"ys\" month=\"m\"/>\n    </age>\n")),
        "p.xml:8:7: missing required attribute 'months' on <units>");
    EXPECT_EQ(error_of(notices_with(
                  "    <age enabled=\"yes\">\n      <template>{age}</template>\n"
                  "      <units year=\"y\" years=\"ys\" month=\"m\" months=\"ms\"/>\n"
                  "      <units lang=\"en\" year=\"y\" years=\"ys\" month=\"m\" months=\"ms\"/>\n"
                  "    </age>\n")),
              "p.xml:9:7: duplicate <units> for language 'en' in <age>");
}

TEST(PolicyErrors, HtmlPlacementAndDates) {
    EXPECT_EQ(
        error_of(policy_with("  <placement html=\"top\"/>\n")),
        "p.xml:3:14: unknown html=\"top\" on <placement> (expected article-start, body-start, "
        "before, after or inside)");
    EXPECT_EQ(error_of(policy_with("  <placement html=\"before\"/>\n")),
              "p.xml:3:3: html=\"before\" on <placement> needs html-selector=\"#id\" or "
              "html-selector=\".class\"");
    EXPECT_EQ(error_of(policy_with("  <placement html=\"inside\" html-selector=\"div > p\"/>\n")),
              "p.xml:3:28: html-selector \"div > p\" is not \"#id\" or \".class\"");
    EXPECT_EQ(
        error_of(policy_with("  <placement><html-template>plain</html-template></placement>\n")),
        "p.xml:3:14: <html-template> must contain {text} (it may also use {kind} and {link}); "
        "write the markup inside <![CDATA[ ... ]]>");
    EXPECT_EQ(error_of(policy_with("  <placement><html-template><![CDATA[<p>{text} "
                                   "{age}</p>]]></html-template></placement>\n")),
              "p.xml:3:14: unknown placeholder {age} in <html-template> (expected {text}, {kind} "
              "or {link})");
    EXPECT_EQ(error_of(policy_with("  <dates low-confidence=\"maybe\"/>\n")),
              "p.xml:3:10: unknown low-confidence=\"maybe\" on <dates> (expected review or stamp)");
    EXPECT_EQ(error_of(policy_with("  <dates from-git-history=\"sometimes\"/>\n")),
              "p.xml:3:10: unknown from-git-history=\"sometimes\" on <dates> (expected yes or "
              "no)");
}

TEST(PolicyErrors, FieldsRecognitionAndPlacement) {
    EXPECT_EQ(error_of(policy_with("  <fields>\n    <dates keys=\"date\"/>\n  </fields>\n")),
              "p.xml:4:5: unknown element <dates> in <fields> (did you mean <date>?)");
    EXPECT_EQ(error_of(policy_with("  <fields>\n    <date/>\n  </fields>\n")),
              "p.xml:4:5: missing required attribute 'keys' on <date>");
    EXPECT_EQ(error_of(policy_with(
                  "  <recognize>\n    <field key=\"publication\"></field>\n  </recognize>\n")),
              "p.xml:4:5: empty <field key=\"publication\"> (expected a value to match)");
    EXPECT_EQ(error_of(policy_with("  <recognize>\n    <path/>\n  </recognize>\n")),
              "p.xml:4:5: missing required attribute 'glob' on <path>");
    EXPECT_EQ(
        error_of(policy_with("  <placement markdown=\"top\"/>\n")),
        "p.xml:3:14: unknown markdown=\"top\" on <placement> (expected body-top or front-matter)");
}

TEST(PolicyErrors, DescribeShowsTheLineAndACaret) {
    auto p = load_from_string(
        policy_with(
            "  <ownership>\n    <ownr id=\"gothamist\" name=\"Gothamist LLC\"/>\n  </ownership>\n"),
        "policies/laist.xml");
    ASSERT_FALSE(p);
    EXPECT_EQ(p.error().describe(),
              "policies/laist.xml:4:5: unknown element <ownr> in <ownership> (expected <owner>)\n"
              "        <ownr id=\"gothamist\" name=\"Gothamist LLC\"/>\n"
              "        ^");
}

class PolicyDirectory : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("archtag-policy-test-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir / "tests");
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }
    void write(const std::string& name, std::string_view text) {
        std::ofstream(m_dir / name, std::ios::binary) << text;
    }
    std::filesystem::path m_dir;
};

TEST_F(PolicyDirectory, LoadsXmlFilesSortedAndSkipsSubdirectories) {
    write("b.xml", "<policy id=\"b\" name=\"B\"><time-zone>UTC</time-zone></policy>");
    write("a.xml", "<policy id=\"a\" name=\"A\"><time-zone>UTC</time-zone></policy>");
    write("notes.txt", "not a policy");
    write("tests/c.xml", "<policy-tests policy=\"a\"/>");
    auto policies = load(m_dir.string());
    ASSERT_TRUE(policies) << policies.error().describe();
    ASSERT_EQ(policies->size(), 2u);
    EXPECT_EQ((*policies)[0].id, "a");
    EXPECT_EQ((*policies)[0].source_path, (m_dir / "a.xml").string());
    EXPECT_EQ((*policies)[1].id, "b");
}

TEST_F(PolicyDirectory, DuplicatePolicyIdsAcrossFiles) {
    write("a.xml", "<policy id=\"same\" name=\"A\"><time-zone>UTC</time-zone></policy>");
    write("b.xml", "<policy id=\"same\" name=\"B\"><time-zone>UTC</time-zone></policy>");
    auto policies = load(m_dir.string());
    ASSERT_FALSE(policies);
    EXPECT_EQ(policies.error().headline(),
              (m_dir / "b.xml").string() +
                  ":1:9: duplicate policy id 'same' (already declared in " +
                  (m_dir / "a.xml").string() + ")");
}

TEST_F(PolicyDirectory, ErrorsInOneFileNameThatFile) {
    write("a.xml",
          "<policy id=\"a\" name=\"A\">\n  <time-zone>Mars/Olympus</time-zone>\n</policy>");
    auto policies = load(m_dir.string());
    ASSERT_FALSE(policies);
    EXPECT_EQ(policies.error().headline(),
              (m_dir / "a.xml").string() +
                  ":2:14: unknown time zone 'Mars/Olympus' (expected an IANA name such as "
                  "America/Los_Angeles)");
}

TEST_F(PolicyDirectory, EmptyDirectoryAndMissingPath) {
    auto empty = load((m_dir / "tests").string());
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().headline(),
              (m_dir / "tests").string() + ": no policy files (*.xml) in this directory");
    auto missing = load((m_dir / "nope").string());
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().headline(),
              (m_dir / "nope").string() + ": no such policy file or directory");
}

}  // namespace
}  // namespace archtag::policy
