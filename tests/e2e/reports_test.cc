// Issue 5, dry-run reports that editors read: the demo archive's report in
// every format is golden, and the HTML page keeps article text as data.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "e2e/harness.h"

namespace archtag::e2e {

namespace {

Outcome demo_report(const std::string& format) {
    std::string demo = source_dir() + "/fixtures/demo-archive";
    return archtag({"sweep", ".", "--as-of", "2026-11-23", "--format", format, "--jobs", "2"},
                   demo);
}

}  // namespace

TEST(Reports, DemoCsvIsGolden) {
    Outcome csv = demo_report("csv");
    EXPECT_EQ(csv.code, 1) << csv.err;
    expect_golden("e2e/demo-report.csv", csv.out);
}

TEST(Reports, DemoSarifIsGolden) {
    Outcome sarif = demo_report("sarif");
    EXPECT_EQ(sarif.code, 1) << sarif.err;
    expect_golden("e2e/demo-report.sarif", sarif.out);
}

TEST(Reports, DemoHtmlIsGolden) {
    Outcome html = demo_report("html");
    EXPECT_EQ(html.code, 1) << html.err;
    expect_golden("e2e/demo-report.html", html.out);
    // A dry run's page shows the exact diff a write would make.
    EXPECT_NE(html.out.find("+++ b/laist/2014-12-19-obama-sony-made-a-mistake-the-interview.md\\n"
                            "@@ -11,4 +11,12 @@\\n   - obama\\n ---\\n"
                            "+\\u003c!-- archtag:archival v1 -->\\n"),
              std::string::npos);
}

TEST(Reports, PipedTextHasNoColourAndStderrNoProgress) {
    Outcome text = demo_report("text");
    EXPECT_EQ(text.out.find('\x1b'), std::string::npos);
    EXPECT_EQ(text.err, "");
}

TEST(Reports, HtmlWrittenWithOutputFileEscapesTitles) {
    TempArchive a;
    a.write("laist/2014-01-02-xss.md",
            "---\ntitle: \"<script>alert(1)</script>\"\npublication: LAist\ndate: 2014-01-02\n---\n"
            "Body </script> text.\n");
    Outcome r = archtag(
        {"sweep", ".", "--policy", source_dir() + "/policies", "--rules", source_dir() + "/rules",
         "--as-of", "2026-11-23", "--format", "html", "-o", "report.html"},
        a.root());
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "");
    std::string page = a.read("report.html");
    EXPECT_EQ(page.find("<script>alert"), std::string::npos);
    EXPECT_EQ(page.find("</script> text"), std::string::npos);
    EXPECT_NE(page.find("\\u003cscript>alert(1)\\u003c/script>"), std::string::npos);
}

TEST(Reports, CommittingSweepPageShowsTheCommittedDiff) {
    TempArchive a;
    a.write(
        "2014-03-12-dodgers.md",
        "---\ntitle: Dodgers win\ndate: 2014-03-12\npublication: LAist\n---\nThe Dodgers won.\n");
    std::string git =
        "cd '" + a.root() + "' && git -c init.defaultBranch=main init -q && " +
        "git add -A && git -c user.name=T -c user.email=t@example.com commit -q -m init";
    ASSERT_EQ(std::system(git.c_str()), 0);
    Outcome r = archtag({"sweep", ".", "--commit", "--author", "Desk <desk@example.com>", "--as-of",
                         "2026-11-23", "--policy", source_dir() + "/policies/laist.xml", "--format",
                         "html", "-o", a.path("../report-" + std::to_string(::getpid()) + ".html")},
                        a.root());
    EXPECT_EQ(r.code, 0) << r.err;
    std::string page =
        read_file_or_empty(a.path("../report-" + std::to_string(::getpid()) + ".html"));
    std::remove(a.path("../report-" + std::to_string(::getpid()) + ".html").c_str());
    EXPECT_NE(page.find("@@ -4,3 +4,11 @@"), std::string::npos) << page.substr(0, 200);
}

TEST(Reports, UnknownFormatNamesTheChoices) {
    Outcome r = demo_report("pdf");
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err,
              "archtag sweep: --format must be text, json, html, csv or sarif, not 'pdf'.\n");
}

TEST(Reports, ExplainSaysWhyInWords) {
    std::string demo = source_dir() + "/fixtures/demo-archive";
    Outcome r = archtag({"explain", "laist/2014-12-19-obama-sony-made-a-mistake-the-interview.md",
                         "--as-of", "2026-11-23"},
                        demo);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("  why:         published 2014-12-19 in the Gothamist era (Gothamist "
                         "LLC), before Southern California Public Radio took over on 2018-02-23; "
                         "more than 11 years old on 2026-11-23\n"),
              std::string::npos)
        << r.out;
}

TEST(Reports, ExplainRefusesPageFormats) {
    std::string demo = source_dir() + "/fixtures/demo-archive";
    Outcome r = archtag({"explain", "laist/2014-12-19-obama-sony-made-a-mistake-the-interview.md",
                         "--format", "html"},
                        demo);
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "archtag: explain prints text or json (--format text|json)\n");
}

}  // namespace archtag::e2e
