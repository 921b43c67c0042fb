// check, fix, explain, policy check and policy test, run as a user would.
#include <gtest/gtest.h>

#include "e2e/harness.h"

namespace archtag::e2e {

namespace {

const std::string k_story =
    "---\ntitle: Dodgers win\ndate: 2016-02-29\npublication: LAist\n---\nThe Dodgers won.\n";

std::vector<std::string> with_data(std::vector<std::string> args) {
    args.insert(args.end(),
                {"--as-of", "2026-11-23", "--policy", source_dir() + "/policies/laist.xml",
                 "--rules", source_dir() + "/rules/default.xml"});
    return args;
}

}  // namespace

TEST(Check, ExitsOneWhenPendingAndZeroAfterFix) {
    TempArchive a;
    a.write("2016-02-29-dodgers.md", k_story);
    Outcome check = archtag(
        with_data({"check", a.path("2016-02-29-dodgers.md"), "--root", a.root()}), a.root());
    EXPECT_EQ(check.code, 1) << check.err << check.out;
    EXPECT_EQ(a.read("2016-02-29-dodgers.md"), k_story);

    Outcome fix =
        archtag(with_data({"fix", a.path("2016-02-29-dodgers.md"), "--root", a.root()}), a.root());
    EXPECT_EQ(fix.code, 0) << fix.err << fix.out;
    EXPECT_NE(a.read("2016-02-29-dodgers.md"), k_story);

    Outcome again = archtag(with_data({"check", a.root(), "--root", a.root()}), a.root());
    EXPECT_EQ(again.code, 0) << again.out;
}

TEST(Explain, ShowsSourcesRulesAndNotices) {
    TempArchive a;
    a.write("2016-02-29-dodgers.md", k_story);
    Outcome r = archtag(with_data({"explain", a.path("2016-02-29-dodgers.md"), "--root", a.root()}),
                        a.root());
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("2016-02-29  [front-matter:date, high confidence]"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("predates-current-management"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("This article is more than 10 years old"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("era:         gothamist"), std::string::npos) << r.out;
}

TEST(Explain, JsonHasTraceAndCandidates) {
    TempArchive a;
    a.write("2016-02-29-dodgers.md", k_story);
    Outcome r = archtag(with_data({"explain", a.path("2016-02-29-dodgers.md"), "--root", a.root(),
                                   "--format", "json"}),
                        a.root());
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("\"trace\""), std::string::npos);
    // Only explain builds the rules' trace; it must be there, step by step.
    EXPECT_NE(r.out.find("\"matched\": true"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"rule\": \"predates-current-management\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"date_candidates\""), std::string::npos);
    EXPECT_NE(r.out.find("\"source\": \"filename\""), std::string::npos) << r.out;
}

TEST(PolicyCheck, ShippedPoliciesAndRulesAreValid) {
    Outcome r = archtag({"policy", "check"}, source_dir());
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("ok  policy laist (LAist)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("ok  policy guardian"), std::string::npos) << r.out;
}

TEST(PolicyCheck, BrokenRulesPointAtTheLine) {
    TempArchive a;
    a.write("rules.xml",
            "<?xml version=\"1.0\"?>\n<rules version=\"1\">\n  <rule id=\"x\">\n"
            "    <when><publsihed before=\"2018-02-23\"/></when>\n"
            "    <then><archival-notice/></then>\n  </rule>\n</rules>\n");
    Outcome r = archtag({"policy", "check", "--rules", a.path("rules.xml")}, a.root());
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find(a.path("rules.xml") + ":4:11: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("publsihed"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("<when><publsihed before=\"2018-02-23\"/></when>"), std::string::npos)
        << r.err;
}

TEST(PolicyTest, ShippedCasesPass) {
    Outcome r = archtag({"policy", "test"}, source_dir());
    EXPECT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find(" passed, 0 failed"), std::string::npos) << r.out;
}

TEST(PolicyTest, AFailingCaseSaysWhy) {
    TempArchive a;
    a.write(
        "tests/laist.xml",
        "<policy-tests policy=\"laist\">\n"
        "  <case id=\"wrong-expectation\" path=\"2020-01-01-x.md\" as-of=\"2026-11-23\">\n"
        "    <article><![CDATA[---\ndate: 2020-01-01\npublication: LAist\n---\nx\n]]></article>\n"
        "    <expect kind=\"archival\"/>\n"
        "  </case>\n"
        "</policy-tests>\n");
    Outcome r = archtag({"policy", "test", "--tests", a.path("tests"), "--policy",
                         source_dir() + "/policies/laist.xml"},
                        a.root());
    EXPECT_EQ(r.code, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("FAIL  wrong-expectation"), std::string::npos) << r.out;
    EXPECT_NE(
        r.out.find("expected archival; decided age \"This article is more than 6 years old\""),
        std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("0 passed, 1 failed"), std::string::npos);
}

TEST(Cli, UnknownCommandSuggests) {
    TempArchive a;
    Outcome r = archtag({"explian"}, a.root());
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err,
              "archtag: unknown command 'explian'. Did you mean 'explain'?\n"
              "Run 'archtag --help' for the list of commands.\n");
}

}  // namespace archtag::e2e
