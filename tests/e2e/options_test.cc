// Options a newsroom uses every day, end to end: -o, --include/--exclude,
// --config, --jobs, and the errors that must stop a run before it starts.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "e2e/harness.h"

namespace archtag::e2e {

namespace {

const std::string k_story =
    "---\ntitle: Dodgers win\ndate: 2014-03-12\npublication: LAist\n---\nThe Dodgers won.\n";

std::vector<std::string> laist(std::vector<std::string> args) {
    args.insert(args.end(),
                {"--as-of", "2026-11-23", "--policy", source_dir() + "/policies/laist.xml",
                 "--rules", source_dir() + "/rules"});
    return args;
}

}  // namespace

TEST(Options, ReportToFileIsWrittenWithNormalMode) {
    TempArchive a;
    a.write("a/2014-03-12-dodgers.md", k_story);
    Outcome r =
        archtag(laist({"sweep", "a", "--format", "json", "-o", a.path("report.json")}), a.root());
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(a.read("report.json").find("\"schema\": \"archtag-report/1\""), std::string::npos);
    struct stat st {};
    ::stat(a.path("report.json").c_str(), &st);
    EXPECT_NE(st.st_mode & 0044, 0u) << "report should be readable by others, as any new file";
}

TEST(Options, UnwritableReportStopsBeforeAnyArticleIsTouched) {
    TempArchive a;
    a.write("a/2014-03-12-dodgers.md", k_story);
    Outcome r =
        archtag(laist({"sweep", "a", "--write", "-o", a.path("missing/report.txt")}), a.root());
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("cannot write the report: folder"), std::string::npos) << r.err;
    EXPECT_EQ(a.read("a/2014-03-12-dodgers.md"), k_story);
}

TEST(Options, IncludeAndExcludeChooseTheArticles) {
    TempArchive a;
    a.write("news/2014-03-12-dodgers.md", k_story);
    a.write("drafts/2014-03-12-draft.md", k_story);
    Outcome r =
        archtag(laist({"sweep", ".", "--exclude", "drafts/**", "--format", "json"}), a.root());
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("news/2014-03-12-dodgers.md"), std::string::npos);
    EXPECT_EQ(r.out.find("drafts/"), std::string::npos);
    Outcome only =
        archtag(laist({"sweep", ".", "--include", "drafts/**", "--format", "json"}), a.root());
    EXPECT_EQ(only.out.find("news/"), std::string::npos) << only.out;
    EXPECT_NE(only.out.find("drafts/2014-03-12-draft.md"), std::string::npos);
}

TEST(Options, ConfigFileNamesPoliciesAndRulesAndIsNeverAnArticle) {
    TempArchive a;
    a.write("2014-03-12-dodgers.md", k_story);
    a.write("data/policies/laist.xml", read_file_or_empty(source_dir() + "/policies/laist.xml"));
    a.write("data/rules/default.xml", read_file_or_empty(source_dir() + "/rules/default.xml"));
    a.write(".archtag.xml",
            "<archtag version=\"1\">\n  <policies path=\"data/policies\"/>\n  <rules "
            "path=\"data/rules\"/>\n"
            "</archtag>\n");
    Outcome r = archtag({"sweep", ".", "--as-of", "2026-11-23", "--format", "json"}, a.root());
    EXPECT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_EQ(r.out.find("data/policies"), std::string::npos)
        << "policy files are data, not articles";
    EXPECT_NE(r.out.find("\"articles\": 1"), std::string::npos) << r.out;
}

TEST(Options, BrokenConfigIsAUsageError) {
    TempArchive a;
    a.write("2014-03-12-dodgers.md", k_story);
    a.write(".archtag.xml", "<archtag>\n  <polices path=\"p\"/>\n</archtag>\n");
    Outcome r = archtag({"sweep", ".", "--write"}, a.root());
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(
        r.err.find(
            ".archtag.xml:2:3: unknown element <polices> in <archtag> (did you mean <policies>?)"),
        std::string::npos)
        << r.err;
    EXPECT_EQ(a.read("2014-03-12-dodgers.md"), k_story);
}

TEST(Options, JobsDoNotChangeTheReport) {
    TempArchive a;
    for (int i = 1; i <= 12; ++i)
        a.write("laist/2014-03-" + std::to_string(10 + i) + "-story.md", k_story);
    Outcome one = archtag(laist({"sweep", ".", "--jobs", "1", "--format", "json"}), a.root());
    Outcome four = archtag(laist({"sweep", ".", "--jobs", "4", "--format", "json"}), a.root());
    EXPECT_EQ(one.out, four.out);
    Outcome absurd = archtag(laist({"sweep", ".", "--jobs", "-1"}), a.root());
    EXPECT_EQ(absurd.code, 2) << absurd.out;
}

TEST(Options, RuleNamingAnUnknownEraIsRejected) {
    TempArchive a;
    a.write("2014-03-12-dodgers.md", k_story);
    std::string rules = read_file_or_empty(source_dir() + "/rules/default.xml");
    rules.replace(rules.find("era:current"), 11, "era:currnet");
    a.write("rules.xml", rules);
    Outcome r = archtag({"policy", "check", "--policy", source_dir() + "/policies/laist.xml",
                         "--rules", a.path("rules.xml")},
                        a.root());
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(
        r.err.find("rule 'predates-current-management' names era 'currnet', which no loaded policy "
                   "defines (did you mean 'current'?)"),
        std::string::npos)
        << r.err;
}

TEST(Options, AmbiguousArticleIsFlaggedNotStamped) {
    TempArchive a;
    const std::string story =
        "---\ntitle: x\ndate: 2014-03-12\npublication: The Guardian\n---\nx\n";
    a.write("laist/2014-03-12-x.md", story);
    Outcome r =
        archtag({"sweep", ".", "--write", "--as-of", "2026-11-23", "--format", "json"}, a.root());
    EXPECT_NE(r.out.find("\"code\": \"ambiguous-policy\""), std::string::npos) << r.out;
    EXPECT_EQ(a.read("laist/2014-03-12-x.md"), story);
}

TEST(Options, CheckAFileFromAnotherFolder) {
    TempArchive a;
    TempArchive elsewhere;
    a.write("2014-03-12-dodgers.md", k_story);
    Outcome r = archtag(laist({"check", a.path("2014-03-12-dodgers.md")}), elsewhere.root());
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_NE(r.out.find("  2014-03-12-dodgers.md\n"), std::string::npos) << r.out;
}

}  // namespace archtag::e2e
