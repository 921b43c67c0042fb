#include <gtest/gtest.h>

#include "policy/test_cases.h"

namespace archtag::policy {
namespace {

std::string error_of(std::string_view xml) {
    auto s = load_test_suite_from_string(xml, "t.xml");
    return s ? "(loaded)" : s.error().headline();
}

TEST(TestSuiteLoad, CasesWithEverything) {
    std::string xml =
        "<policy-tests policy=\"laist\">\n"
        "  <case id=\"one\" path=\"laist/a.md\" as-of=\"2026-11-23\">\n"
        "    <article><![CDATA[\r\n---\r\ntitle: A & <b>\r\n---\r\nBody.\r\n]]></article>\n"
        "    <expect kind=\"archival\"/>\n"
        "    <expect kind=\"age\" text=\"This article is more than 8 years old\"/>\n"
        "    <expect-flag code=\"no-owner\"/>\n"
        "    <expect-flag code=\"date-mismatch\"/>\n"
        "  </case>\n"
        "  <case id=\"two\" path=\"laist/b.md\" as-of=\"2024-06-01T12:00:00Z\">\n"
        "    <article>  <![CDATA[no front matter]]>\n    </article>\n"
        "    <expect-no-flags/>\n"
        "  </case>\n"
        "</policy-tests>\n";
    auto suite = load_test_suite_from_string(xml, "t.xml");
    ASSERT_TRUE(suite) << suite.error().describe();
    EXPECT_EQ(suite->path, "t.xml");
    EXPECT_EQ(suite->policy_id, "laist");
    ASSERT_EQ(suite->cases.size(), 2u);
    const TestCase& one = suite->cases[0];
    EXPECT_EQ(one.id, "one");
    EXPECT_EQ(one.line, 2);
    EXPECT_EQ(one.path, "laist/a.md");
    EXPECT_EQ(one.as_of, "2026-11-23");
    EXPECT_EQ(one.article, "---\r\ntitle: A & <b>\r\n---\r\nBody.\r\n");
    ASSERT_EQ(one.notices.size(), 2u);
    EXPECT_EQ(one.notices[0].kind, NoticeKind::archival);
    EXPECT_FALSE(one.notices[0].text);
    EXPECT_EQ(one.notices[1].kind, NoticeKind::age);
    EXPECT_EQ(one.notices[1].text, "This article is more than 8 years old");
    EXPECT_EQ(one.flags, (std::vector<std::string>{"no-owner", "date-mismatch"}));
    EXPECT_FALSE(one.no_flags);
    const TestCase& two = suite->cases[1];
    EXPECT_EQ(two.line, 14);  // the CDATA above spans lines 3-8
    EXPECT_EQ(two.as_of, "2024-06-01T12:00:00Z");
    EXPECT_EQ(two.article, "no front matter");
    EXPECT_TRUE(two.notices.empty());
    EXPECT_TRUE(two.flags.empty());
    EXPECT_TRUE(two.no_flags);
}

// A case around `inner` at line 2; its <article> is on line 3.
std::string suite_with(std::string_view inner,
                       std::string_view attrs = "id=\"c\" path=\"a.md\" as-of=\"2026-01-01\"") {
    return "<policy-tests policy=\"p\">\n  <case " + std::string(attrs) + ">\n" +
           std::string(inner) + "  </case>\n</policy-tests>\n";
}
const std::string k_article = "    <article><![CDATA[x]]></article>\n";

TEST(TestSuiteLoad, Errors) {
    EXPECT_EQ(error_of("<policy id=\"p\"/>"),
              "t.xml:1:1: unexpected root element <policy> (expected <policy-tests>)");
    EXPECT_EQ(error_of("<policy-tests>\n</policy-tests>"),
              "t.xml:1:1: missing required attribute 'policy' on <policy-tests>");
    EXPECT_EQ(error_of("<policy-tests policy=\"p\">\n  <test id=\"c\"/>\n</policy-tests>"),
              "t.xml:2:3: unknown element <test> in <policy-tests> (expected <case>)");
    EXPECT_EQ(error_of(suite_with(k_article, "id=\"c\" path=\"a.md\"")),
              "t.xml:2:3: missing required attribute 'as-of' on <case>");
    EXPECT_EQ(
        error_of(suite_with(k_article, "id=\"c\" path=\"a.md\" as-of=\"2026-02-30\"")),
        "t.xml:2:28: bad as-of=\"2026-02-30\": impossible date '2026-02-30': February 2026 has "
        "28 days (expected YYYY-MM-DD or an ISO timestamp such as 2024-06-01T12:00:00Z)");
    EXPECT_EQ(error_of(suite_with("")),
              "t.xml:2:3: case 'c' has no <article> (expected <article><![CDATA[...]]></article>)");
    EXPECT_EQ(error_of(suite_with("    <article>plain text</article>\n")),
              "t.xml:3:14: <article> must hold the article in one CDATA section (expected "
              "<article><![CDATA[...]]></article>)");
    EXPECT_EQ(error_of(suite_with("    <article/>\n")),
              "t.xml:3:5: <article> must hold the article in one CDATA section (expected "
              "<article><![CDATA[...]]></article>)");
    EXPECT_EQ(error_of(suite_with(k_article + k_article)),
              "t.xml:4:5: duplicate <article> in <case> (expected at most one)");
    EXPECT_EQ(error_of(suite_with(k_article + "    <expect kind=\"notice\"/>\n")),
              "t.xml:4:13: unknown notice kind=\"notice\" (expected archival or age)");
    EXPECT_EQ(error_of(suite_with(k_article + "    <expect kind=\"age\" txt=\"x\"/>\n")),
              "t.xml:4:24: unknown attribute 'txt' on <expect> (did you mean 'text'?)");
    EXPECT_EQ(error_of(suite_with(k_article + "    <expect-flags code=\"x\"/>\n")),
              "t.xml:4:5: unknown element <expect-flags> in <case> (did you mean <expect-flag>?)");
    EXPECT_EQ(
        error_of(suite_with(k_article + "    <expect-flag code=\"x\"/>\n    <expect-no-flags/>\n")),
        "t.xml:2:3: case 'c' expects flags and <expect-no-flags/> at once (expected one of them)");
    EXPECT_EQ(error_of("<policy-tests policy=\"p\">\n"
                       "  <case id=\"c\" path=\"a.md\" "
                       "as-of=\"2026-01-01\"><article><![CDATA[x]]></article></case>\n"
                       "  <case id=\"c\" path=\"b.md\" "
                       "as-of=\"2026-01-01\"><article><![CDATA[y]]></article></case>\n"
                       "</policy-tests>"),
              "t.xml:3:9: duplicate case id 'c' (first declared on line 2)");
}

TEST(TestSuiteLoad, MissingFileAndDirectory) {
    auto missing = load_test_suites("/nonexistent/archtag/tests");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().headline(),
              "/nonexistent/archtag/tests: no such policy test file or directory");
}

}  // namespace
}  // namespace archtag::policy
