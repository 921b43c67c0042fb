// sweep and unstamp on temporary folders: the promises of design.md, held
// end to end by the built binary.
#include <gtest/gtest.h>

#include "e2e/harness.h"

namespace archtag::e2e {

namespace {

const std::string k_gothamist_story =
    "---\n"
    "title: \"Obama: Sony Made A Mistake In Pulling 'The Interview'\"\n"
    "# imported from WordPress\n"
    "date: 2014-12-19 13:05:00 -0800\n"
    "publication: LAist\n"
    "tags: [politics, film]\n"
    "---\n"
    "President Barack Obama announced today that North Korea is behind the attack.\n";

const std::string k_scpr_story =
    "---\r\n"
    "title: Rain returns to the basin\r\n"
    "date: 2025-01-10\r\n"
    "publication: LAist\r\n"
    "---\r\n"
    "Showers are expected through the weekend.";  // no final newline

std::vector<std::string> sweep_args(const TempArchive& a, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"sweep",    a.root(),
                                  "--as-of",  "2026-11-23",
                                  "--policy", source_dir() + "/policies/laist.xml",
                                  "--rules",  source_dir() + "/rules"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

}  // namespace

TEST(Sweep, DryRunReportsAndTouchesNothing) {
    TempArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_gothamist_story);
    Outcome r = archtag(sweep_args(a, {"--format", "json"}), a.root());
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("\"schema\": \"archtag-report/1\""), std::string::npos);
    EXPECT_NE(r.out.find("\"published\": \"2014-12-19T13:05:00-08:00\""), std::string::npos);
    EXPECT_NE(r.out.find("\"published_source\": \"front-matter:date\""), std::string::npos);
    EXPECT_NE(r.out.find("\"change\": \"add\""), std::string::npos);
    EXPECT_EQ(a.read("laist/2014-12-19-obama-sony.md"), k_gothamist_story);
}

TEST(Sweep, WriteStampsByteExactThenIsIdempotentThenUnstampRestores) {
    TempArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_gothamist_story);
    a.write("laist/2025-01-10-rain.md", k_scpr_story);
    Outcome first = archtag(sweep_args(a, {"--write"}), a.root());
    ASSERT_EQ(first.code, 0) << first.err << first.out;
    expect_golden("e2e/gothamist-stamped.md", a.read("laist/2014-12-19-obama-sony.md"));
    expect_golden("e2e/scpr-stamped.md", a.read("laist/2025-01-10-rain.md"));

    Outcome second = archtag(sweep_args(a, {"--write", "--format", "json"}), a.root());
    EXPECT_EQ(second.code, 0);
    EXPECT_NE(second.out.find("\"pending\": 0"), std::string::npos) << second.out;

    Outcome unstamp =
        archtag({"unstamp", a.root(), "--write", "--policy", source_dir() + "/policies/laist.xml"},
                a.root());
    EXPECT_EQ(unstamp.code, 0) << unstamp.err;
    EXPECT_EQ(a.read("laist/2014-12-19-obama-sony.md"), k_gothamist_story);
    EXPECT_EQ(a.read("laist/2025-01-10-rain.md"), k_scpr_story);
}

TEST(Sweep, AgeNoticeIsRewrittenOnTheAnniversary) {
    TempArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_gothamist_story);
    ASSERT_EQ(archtag(sweep_args(a, {"--write"}), a.root()).code, 0);
    std::string before = a.read("laist/2014-12-19-obama-sony.md");
    EXPECT_NE(before.find("more than 11 years old"), std::string::npos);

    // 2026-12-19 00:00 in Los Angeles is still before 13:05 on the anniversary...
    std::vector<std::string> args = sweep_args(a, {"--write", "--format", "json"});
    args[3] = "2026-12-19";
    Outcome day_of = archtag(args, a.root());
    EXPECT_NE(day_of.out.find("\"change\": \"update\""), std::string::npos) << day_of.out;
    EXPECT_NE(a.read("laist/2014-12-19-obama-sony.md").find("more than 12 years old"),
              std::string::npos);
}

TEST(Sweep, OneBadArticleDoesNotStopTheSweep) {
    TempArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_gothamist_story);
    a.write("laist/broken.md", "---\ntitle: \"unclosed\ndate: 2014-01-01\n---\nbody\n");
    a.write("laist/binary.md", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
    Outcome r = archtag(sweep_args(a, {"--write"}), a.root());
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("Could not process:"), std::string::npos);
    EXPECT_NE(r.out.find("laist/broken.md:"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("laist/binary.md: binary file, not an article"), std::string::npos)
        << r.out;
    EXPECT_NE(a.read("laist/2014-12-19-obama-sony.md"),
              k_gothamist_story);  // the good one was stamped
    EXPECT_EQ(a.read("laist/broken.md"), "---\ntitle: \"unclosed\ndate: 2014-01-01\n---\nbody\n");
}

TEST(Sweep, WrongPolicyIsRejectedBeforeAnyArticleIsTouched) {
    TempArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_gothamist_story);
    a.write("policy.xml",
            "<?xml version=\"1.0\"?>\n<policy id=\"x\" name=\"X\" version=\"1\">\n"
            "  <time-zone>America/Los_Angles</time-zone>\n</policy>\n");
    Outcome r = archtag({"sweep", a.root(), "--write", "--policy", a.path("policy.xml")}, a.root());
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find(a.path("policy.xml") + ":3:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("America/Los_Angles"), std::string::npos) << r.err;
    EXPECT_EQ(a.read("laist/2014-12-19-obama-sony.md"), k_gothamist_story);
}

TEST(Sweep, UnclaimedArticleIsFlaggedNotStamped) {
    TempArchive a;
    const std::string other =
        "---\ntitle: Other\ndate: 2010-01-01\npublication: Pasadena Weekly\n---\nx\n";
    a.write("other/2010-01-01-other.md", other);
    a.write("laist/2014-12-19-obama-sony.md", k_gothamist_story);
    Outcome r = archtag({"sweep", a.root(), "--write", "--as-of", "2026-11-23", "--format", "json"},
                        a.root());
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("\"code\": \"unclaimed\""), std::string::npos) << r.out;
    EXPECT_EQ(a.read("other/2010-01-01-other.md"), other);
    EXPECT_NE(a.read("laist/2014-12-19-obama-sony.md"), k_gothamist_story);
}

// Worker threads that cannot be started (address space limited to 200 MB,
// 40 jobs of 8 MB stacks): a message and exit status 3, not an abort, and
// with --write no article is left half written.
TEST(Sweep, ThreadsThatCannotStartEndTheSweepWithAMessage) {
    TempArchive a;
    for (int i = 0; i < 40; ++i)
        a.write("laist/" + std::to_string(i) + ".md", k_gothamist_story);
    std::string command = "ulimit -v 200000; " + quote(ARCHTAG_BINARY) + " sweep " +
                          quote(a.root()) + " --as-of 2026-11-23 --jobs 40 --write --policy " +
                          quote(source_dir() + "/policies/laist.xml") + " --rules " +
                          quote(source_dir() + "/rules") + " 2>&1";
    Shell r = run(command, a.root());
    EXPECT_EQ(r.code, 3) << r.out;
    EXPECT_NE(r.out.find("archtag: stopped"), std::string::npos) << r.out;
    for (int i = 0; i < 40; ++i) {
        std::string bytes = a.read("laist/" + std::to_string(i) + ".md");
        EXPECT_TRUE(bytes == k_gothamist_story || bytes.find("archival") != std::string::npos) << i;
    }
}

}  // namespace archtag::e2e
