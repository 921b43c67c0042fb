// CSV, SARIF and HTML printers.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "report/html_page.h"
#include "report/report.h"
#include "report/test_articles.h"

namespace archtag::report {

using namespace testing;

namespace {

RunInfo run_info() {
    return {"sweep", "demo", "2026-11-23", false, "0.1.0"};
}

// The JSON between the data element's tags.
std::string embedded_data(const std::string& page) {
    const std::string open = "<script type=\"application/json\" id=\"report-data\">";
    std::size_t b = page.find(open);
    std::size_t e = page.find("</script>", b);
    if (b == std::string::npos || e == std::string::npos)
        return "";
    b += open.size();
    return page.substr(b, e - b);
}

}  // namespace

TEST(Csv, FieldQuotingFollowsRfc4180) {
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv_field("cr\r"), "\"cr\r\"");
    EXPECT_EQ(csv_field(""), "");
}

TEST(Csv, OneRowPerArticleWithStableColumns) {
    std::ostringstream out;
    print_csv(out, run_info(), {guardian_article(), broken_article()});
    EXPECT_EQ(out.str(),
              "path,format,publication,title,published,published_source,era,outcome,archival,age,"
              "age_text,flags,error,reason\r\n"
              "guardian/2015/may/08/election.md,markdown,guardian,\"Election, \"\"results\"\"\","
              "2015-05-08T13:05:00+01:00,front-matter:date,guardian,updated,,update,This article "
              "is more than 11 years old,,,\"published 2015-05-08, more than 11 years before "
              "2026-11-23\"\r\n"
              "laist/broken.md,markdown,,,,,,error,,,,,laist/broken.md:3:7: bad YAML,could not be "
              "processed: bad YAML\r\n");
}

TEST(Sarif, OneResultPerChangeFlagAndError) {
    std::ostringstream out;
    ArticleResult spaced = exempt_article();
    spaced.path = "guardian/a b#c.md";
    spaced.decision.flags.push_back({FlagLevel::info, "review-date", "check the date"});
    print_sarif(out, run_info(), {gothamist_article(), spaced, broken_article()});
    auto j = nlohmann::json::parse(out.str());
    EXPECT_EQ(j["version"], "2.1.0");
    const auto& run = j["runs"][0];
    EXPECT_EQ(run["tool"]["driver"]["name"], "archtag");
    ASSERT_EQ(run["results"].size(), 3u);
    const auto& change = run["results"][0];
    EXPECT_EQ(change["ruleId"], "archival-notice");
    EXPECT_EQ(change["level"], "warning");
    EXPECT_EQ(change["message"]["text"],
              "Would add archival notice, add age notice: published 2014-12-19 in the Gothamist "
              "era (Gothamist LLC), before Southern California Public Radio took over on "
              "2018-02-23; more than 11 years old on 2026-11-23.");
    EXPECT_EQ(change["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              "laist/2014-12-19-obama-sony.md");
    const auto& flag = run["results"][1];
    EXPECT_EQ(flag["ruleId"], "review-date");
    EXPECT_EQ(flag["level"], "note");
    EXPECT_EQ(flag["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              "guardian/a%20b%23c.md");
    const auto& error = run["results"][2];
    EXPECT_EQ(error["ruleId"], "unreadable");
    EXPECT_EQ(error["level"], "error");
    EXPECT_EQ(error["locations"][0]["physicalLocation"]["region"]["startLine"], 3);
    std::vector<std::string> rule_ids;
    for (const auto& rule : run["tool"]["driver"]["rules"])
        rule_ids.push_back(rule["id"]);
    EXPECT_EQ(rule_ids, (std::vector<std::string>{"archival-notice", "review-date", "unreadable"}));
}

TEST(Html, ScriptSafeJsonKeepsTheScriptElementClosedOnlyByUs) {
    EXPECT_EQ(script_safe_json(R"(["</script><!--"])"), R"(["\u003c/script>\u003c!--"])");
    EXPECT_EQ(script_safe_json("[\"a\xE2\x80\xA8"
                               "b\xE2\x80\xA9\"]"),
              R"(["a\u2028b\u2029"])");
}

TEST(Html, TitleWithMarkupIsDataNotMarkup) {
    ArticleResult r = gothamist_article();
    r.meta->title = "<script>alert(1)</script>";
    r.diff = "--- a/x\n+++ b/x\n@@ -1 +1 @@\n+</script><img src=x onerror=alert(2)>\n";
    std::ostringstream out;
    print_html(out, run_info(), {r}, {{"LAist", "Southern California Public Radio", "2018-02-23"}});
    std::string page = out.str();
    EXPECT_EQ(page.find("<script>alert"), std::string::npos);
    EXPECT_EQ(page.find("<img"), std::string::npos);
    std::string data = embedded_data(page);
    auto j = nlohmann::json::parse(data);
    EXPECT_EQ(j["rows"][0][1], "<script>alert(1)</script>");
    EXPECT_EQ(j["rows"][0][9], r.diff);
    EXPECT_EQ(j["eras"][0][2], "2018-02-23");
    EXPECT_EQ(j["rows"][0][4], 2014);
    EXPECT_EQ(j["outcomes"][j["rows"][0][6].get<int>()], "stamped");
}

TEST(Html, PageNeedsNothingFromOutside) {
    std::ostringstream out;
    print_html(out, run_info(), {guardian_article()}, {});
    std::string page = out.str();
    // The SVG namespace is a name, not something fetched.
    const std::string ns = "\"http://www.w3.org/2000/svg\"";
    for (std::size_t at = page.find(ns); at != std::string::npos; at = page.find(ns))
        page.erase(at, ns.size());
    for (const char* outside : {"http://", "https://", "src=", "href=", "@import", "url("})
        EXPECT_EQ(page.find(outside), std::string::npos) << outside;
}

}  // namespace archtag::report
