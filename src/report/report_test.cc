#include "report/report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace archtag::report {

namespace {

ArticleResult stamped_article() {
    ArticleResult r;
    r.path = "laist/2014-12-19-obama-sony.md";
    r.format = Format::markdown;
    ArticleMeta m;
    m.path = r.path;
    m.title = "Obama: Sony Made A Mistake";
    m.published = *parse_timestamp("2014-12-19T13:05:00-08:00");
    m.published_source = "front-matter:date";
    r.meta = m;
    r.policy = "laist";
    r.publication = "LAist";
    r.decision.era = "gothamist";
    r.decision.era_name = "Gothamist";
    r.decision.owner_now = "SCPR";
    r.decision.era_now_start = "2018-02-23";
    r.decision.published_day = "2014-12-19";
    r.decision.age = "11 years";
    r.decision.notices.push_back(
        {NoticeKind::archival, "This is an archival story.", "en", "", ""});
    r.decision.notices.push_back(
        {NoticeKind::age, "This article is more than 11 years old", "en", "", ""});
    r.plan.edits.push_back({0, 0, "x"});
    r.plan.changes.push_back({NoticeKind::archival, Change::add, "This is an archival story."});
    r.plan.changes.push_back(
        {NoticeKind::age, Change::update, "This article is more than 11 years old"});
    return r;
}

ArticleResult broken_article() {
    ArticleResult r;
    r.path = "laist/broken.md";
    r.format = Format::markdown;
    r.error = make_error_at("laist/broken.md", 3, 7, "bad YAML");
    return r;
}

ArticleResult flagged_article() {
    ArticleResult r;
    r.path = "laist/undated.md";
    r.format = Format::markdown;
    r.meta = ArticleMeta{};
    r.policy = "laist";
    r.decision.flags.push_back({FlagLevel::warning, "no-date", "no publication date found"});
    return r;
}

RunInfo run_info() {
    return {"sweep", "demo", "2026-11-23", false, "0.1.0"};
}

}  // namespace

TEST(Report, JsonFollowsSchema) {
    std::ostringstream out;
    print_json(out, run_info(), {stamped_article(), broken_article(), flagged_article()});
    auto j = nlohmann::json::parse(out.str());
    EXPECT_EQ(j["schema"], "archtag-report/1");
    EXPECT_EQ(j["as_of"], "2026-11-23");
    EXPECT_EQ(j["summary"]["articles"], 3);
    EXPECT_EQ(j["summary"]["errors"], 1);
    EXPECT_EQ(j["summary"]["flagged"], 1);
    EXPECT_EQ(j["summary"]["pending"], 1);
    EXPECT_EQ(j["summary"]["notices"]["add"], 1);
    const auto& a = j["articles"][0];
    EXPECT_EQ(a["path"], "laist/2014-12-19-obama-sony.md");
    EXPECT_EQ(a["format"], "markdown");
    EXPECT_EQ(a["publication"], "laist");
    EXPECT_EQ(a["published"], "2014-12-19T13:05:00-08:00");
    EXPECT_EQ(a["published_source"], "front-matter:date");
    EXPECT_EQ(a["era"], "gothamist");
    EXPECT_EQ(a["notices"][1]["kind"], "age");
    EXPECT_EQ(a["notices"][1]["change"], "update");
    EXPECT_TRUE(a["error"].is_null());
    EXPECT_EQ(j["articles"][1]["error"]["text"], "laist/broken.md:3:7: bad YAML");
    EXPECT_EQ(j["articles"][2]["flags"][0]["code"], "no-date");
}

TEST(Report, TextListsChangesReviewAndErrors) {
    std::ostringstream out;
    print_text(out, run_info(), {stamped_article(), broken_article(), flagged_article()});
    EXPECT_EQ(
        out.str(),
        "archtag sweep demo (as of 2026-11-23)\n"
        "\n"
        "Would change:\n"
        "  laist/2014-12-19-obama-sony.md\n"
        "      published 2014-12-19T13:05:00-08:00 (front-matter:date) · era gothamist · LAist\n"
        "      + archival This is an archival story.\n"
        "      ~ age      This article is more than 11 years old\n"
        "      why: published 2014-12-19 in the Gothamist era, before SCPR took over on "
        "2018-02-23; more than 11 years old on 2026-11-23\n"
        "\n"
        "For review:\n"
        "  laist/undated.md: warning no-date: no publication date found\n"
        "\n"
        "Could not process:\n"
        "  laist/broken.md:3:7: bad YAML\n"
        "\n"
        "Summary:\n"
        "  articles    3\n"
        "  to stamp    1\n"
        "  to update   0\n"
        "  to remove   0\n"
        "  for review  1\n"
        "  errors      1\n"
        "\n"
        "3 articles: 1 to change (1 added, 1 updated, 0 removed, 0 unchanged), 1 flagged for "
        "review, 1 error\n"
        "Dry run: no file was changed. Run again with --write to apply.\n");
}

TEST(Report, ColourOnlyWhenAsked) {
    std::ostringstream plain, coloured;
    print_text(plain, run_info(), {stamped_article(), broken_article()});
    print_text(coloured, run_info(), {stamped_article(), broken_article()}, Verbosity::changes,
               Colour::yes);
    EXPECT_EQ(plain.str().find('\x1b'), std::string::npos);
    EXPECT_NE(coloured.str().find("\x1b[32m+ archival\x1b[0m"), std::string::npos);
    EXPECT_NE(coloured.str().find("\x1b[33m~ age     \x1b[0m"), std::string::npos);
    EXPECT_NE(coloured.str().find("\x1b[31mCould not process:\x1b[0m"), std::string::npos);
}

TEST(Report, SummaryLineSaysChangedWhenWritten) {
    RunSummary s;
    s.articles = 1234;
    s.pending = 2;
    s.added = 3;
    EXPECT_EQ(summary_line(s, true),
              "1,234 articles: 2 changed (3 added, 0 updated, 0 removed, 0 unchanged), 0 flagged "
              "for review, 0 errors");
}

}  // namespace archtag::report
