// The streaming writers against the printers over a list, and against the
// layout of a whole-document dump.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <functional>
#include <sstream>

#include "report/html_page.h"
#include "report/report.h"
#include "report/test_articles.h"
#include "report/writers.h"

namespace archtag::report {

using namespace testing;

namespace {

RunInfo run_info() {
    return {"sweep", "demo </script>", "2026-11-23", false, "0.1.0"};
}

const std::vector<EraMark> k_eras{{"LAist", "SCPR </script>", "2018-02-23"}};

// Everything a printer treats specially: markup and U+2028 in strings,
// flags of every level, kept notices, errors between other articles.
ArticleResult awkward_article() {
    ArticleResult r = gothamist_article();
    r.path = "odd/a b#\xE2\x80\xA8.md";
    r.meta->title = "</script> <!-- \xE2\x80\xA9 \"quoted\", comma";
    r.diff = "--- a\n+++ b\n+</script>\n";
    r.decision.flags.push_back({FlagLevel::error, "zz-code", "message, with \"quotes\""});
    r.decision.flags.push_back({FlagLevel::info, "aa-code", "for information"});
    r.plan.changes.push_back({NoticeKind::age, Change::keep, "kept"});
    return r;
}

ArticleResult removed_article() {
    ArticleResult r = guardian_article();
    r.plan.changes[0].change = Change::remove;
    return r;
}

// Made afresh for each use, so a writer that kept a reference to one would
// read a destroyed result.
using ArticleMaker = ArticleResult (*)();
const std::vector<ArticleMaker> k_many{gothamist_article, broken_article,  no_owner_article,
                                       exempt_article,    awkward_article, removed_article,
                                       guardian_article,  broken_article,  no_owner_article};

const std::vector<std::vector<ArticleMaker>> k_lists{
    {}, {gothamist_article}, {broken_article}, {no_owner_article}, k_many};

std::vector<ArticleResult> made(const std::vector<ArticleMaker>& makers) {
    std::vector<ArticleResult> results;
    for (ArticleMaker make : makers)
        results.push_back(make());
    return results;
}

struct ReportFormat {
    std::string name;
    std::function<void(std::ostream&, const std::vector<ArticleResult>&)> print;
    std::function<std::unique_ptr<ReportWriter>(std::ostream&)> writer;
};

std::vector<ReportFormat> formats() {
    RunInfo run = run_info();
    RunInfo fixed = run;
    fixed.command = "fix";
    fixed.written = true;
    using Out = std::ostream;
    using Results = std::vector<ArticleResult>;
    return {
        {"text", [run](Out& o, const Results& r) { print_text(o, run, r); },
         [run](Out& o) { return text_writer(o, run); }},
        {"text, all, colour",
         [run](Out& o, const Results& r) { print_text(o, run, r, Verbosity::all, Colour::yes); },
         [run](Out& o) { return text_writer(o, run, Verbosity::all, Colour::yes); }},
        {"text, written", [fixed](Out& o, const Results& r) { print_text(o, fixed, r); },
         [fixed](Out& o) { return text_writer(o, fixed); }},
        {"json", [run](Out& o, const Results& r) { print_json(o, run, r); },
         [run](Out& o) { return json_writer(o, run); }},
        {"csv", [run](Out& o, const Results& r) { print_csv(o, run, r); },
         [run](Out& o) { return csv_writer(o, run); }},
        {"sarif", [fixed](Out& o, const Results& r) { print_sarif(o, fixed, r); },
         [fixed](Out& o) { return sarif_writer(o, fixed); }},
        {"html", [run](Out& o, const Results& r) { print_html(o, run, r, k_eras); },
         [run](Out& o) { return html_writer(o, run, k_eras); }},
    };
}

std::string streamed(const ReportFormat& format, const std::vector<ArticleMaker>& makers) {
    std::ostringstream out;
    auto writer = format.writer(out);
    for (ArticleMaker make : makers)
        writer->add(make());
    writer->finish();
    return out.str();
}

std::string printed(const ReportFormat& format, const std::vector<ArticleMaker>& makers) {
    std::ostringstream out;
    format.print(out, made(makers));
    return out.str();
}

std::string streamed_json(std::function<std::unique_ptr<ReportWriter>(std::ostream&)> writer,
                          const std::vector<ArticleMaker>& makers) {
    return streamed({"", {}, std::move(writer)}, makers);
}

// The JSON between the HTML data element's tags.
std::string embedded_data(const std::string& page) {
    const std::string open = "<script type=\"application/json\" id=\"report-data\">";
    std::size_t b = page.find(open) + open.size();
    return page.substr(b, page.find("</script>", b) - b);
}

std::string text_with_spool(const std::vector<ArticleMaker>& makers, std::size_t limit,
                            Spool::OpenFile open_file = std::tmpfile) {
    std::ostringstream out;
    auto writer = text_writer(out, run_info(), Verbosity::changes, Colour::no, limit, open_file);
    for (ArticleMaker make : makers)
        writer->add(make());
    writer->finish();
    return out.str();
}

std::FILE* no_file() {
    errno = EMFILE;
    return nullptr;
}

std::FILE* full_disk() {
    return std::fopen("/dev/full", "w+");
}

}  // namespace

TEST(ReportWriter, OneAtATimeGivesTheBytesOfTheListPrinters) {
    for (const ReportFormat& format : formats())
        for (const auto& makers : k_lists)
            EXPECT_EQ(streamed(format, makers), printed(format, makers))
                << format.name << ", " << makers.size() << " results";
}

// print_json dumped one whole nlohmann::json document; the stream must lay
// out the same document byte for byte.
TEST(ReportWriter, JsonIsLaidOutAsOneDumpedDocument) {
    for (const auto& makers : k_lists) {
        std::string text =
            streamed_json([](std::ostream& o) { return json_writer(o, run_info()); }, makers);
        auto j = nlohmann::json::parse(text);
        EXPECT_EQ(text, j.dump(2) + "\n") << makers.size() << " results";
        EXPECT_EQ(j["articles"].size(), makers.size());
        EXPECT_EQ(j["summary"]["articles"], makers.size());
    }
}

TEST(ReportWriter, SarifIsLaidOutAsOneDumpedDocument) {
    for (const auto& makers : k_lists) {
        std::string text =
            streamed_json([](std::ostream& o) { return sarif_writer(o, run_info()); }, makers);
        auto j = nlohmann::json::parse(text);
        EXPECT_EQ(text, j.dump(2) + "\n") << makers.size() << " results";
    }
    auto j = nlohmann::json::parse(
        streamed_json([](std::ostream& o) { return sarif_writer(o, run_info()); }, k_many));
    std::vector<std::string> rule_ids;
    for (const auto& rule : j["runs"][0]["tool"]["driver"]["rules"])
        rule_ids.push_back(rule["id"]);
    EXPECT_EQ(rule_ids, (std::vector<std::string>{"aa-code", "age-notice", "archival-notice",
                                                  "no-owner", "unreadable", "zz-code"}));
}

TEST(ReportWriter, HtmlDataIsLaidOutAsOneDumpedDocument) {
    for (const auto& makers : k_lists) {
        std::string data = embedded_data(streamed_json(
            [](std::ostream& o) { return html_writer(o, run_info(), k_eras); }, makers));
        auto j = nlohmann::json::parse(data);
        EXPECT_EQ(data, script_safe_json(j.dump())) << makers.size() << " results";
        EXPECT_EQ(j["rows"].size(), makers.size());
        EXPECT_EQ(j["summary"]["articles"], makers.size());
    }
}

TEST(ReportWriter, TextPrintsChangesAsTheyComeAndTheRestAtTheEnd) {
    std::ostringstream out;
    auto writer = text_writer(out, run_info());
    EXPECT_EQ(out.str(), "archtag sweep demo </script> (as of 2026-11-23)\n");
    writer->add(no_owner_article());
    EXPECT_NE(out.str().find("  laist/2017-12-15-thomas-fire.md\n"), std::string::npos);
    EXPECT_EQ(out.str().find("For review:"), std::string::npos);
    writer->add(broken_article());
    EXPECT_EQ(out.str().find("laist/broken.md"), std::string::npos);
    writer->finish();
    EXPECT_NE(out.str().find("For review:\n  laist/2017-12-15-thomas-fire.md: warning no-owner"),
              std::string::npos);
    EXPECT_NE(out.str().find("Could not process:\n  laist/broken.md:3:7: bad YAML\n"),
              std::string::npos);
}

TEST(ReportWriter, TextWithNoResults) {
    std::ostringstream out;
    text_writer(out, run_info())->finish();
    EXPECT_EQ(out.str(),
              "archtag sweep demo </script> (as of 2026-11-23)\n"
              "\n"
              "Summary:\n"
              "  articles    0\n"
              "  to stamp    0\n"
              "  to update   0\n"
              "  to remove   0\n"
              "  for review  0\n"
              "  errors      0\n"
              "\n"
              "0 articles: 0 to change (0 added, 0 updated, 0 removed, 0 unchanged), 0 flagged for "
              "review, 0 errors\n");
}

TEST(ReportWriter, TextSectionsSpilledToAFileKeepTheirOrder) {
    std::vector<ArticleMaker> makers;
    for (int i = 0; i < 50; ++i)
        makers.insert(makers.end(), {no_owner_article, broken_article, awkward_article});
    std::string in_memory = text_with_spool(makers, Spool::k_memory_limit);
    for (std::size_t limit : {0, 1, 100})
        EXPECT_EQ(text_with_spool(makers, limit), in_memory) << limit;
    std::size_t review = in_memory.find("\nFor review:\n");
    std::size_t errors = in_memory.find("\nCould not process:\n");
    std::size_t summary = in_memory.find("\nSummary:\n");
    ASSERT_NE(review, std::string::npos);
    EXPECT_LT(review, errors);
    EXPECT_LT(errors, summary);
    EXPECT_NE(in_memory.find("  odd/a b#\xE2\x80\xA8.md: error zz-code: message, with \"quotes\"\n"
                             "  odd/a b#\xE2\x80\xA8.md: info aa-code: for information\n"
                             "  laist/2017-12-15-thomas-fire.md: warning no-owner"),
              std::string::npos);
}

TEST(ReportWriter, TextSaysWhenItCouldNotSpill) {
    std::string text = text_with_spool({broken_article, broken_article}, 1, no_file);
    EXPECT_NE(text.find("Could not process:\n"
                        "  laist/broken.md:3:7: bad YAML\n"
                        "  laist/broken.md:3:7: bad YAML\n"
                        "  warning: this section may be incomplete: could not create a temporary "
                        "file to spool to (Too many open files); kept the lines in memory "
                        "instead\n\nSummary:\n"),
              std::string::npos)
        << text;
}

TEST(ReportWriter, TextSaysWhenSpooledLinesWereLost) {
    std::string text = text_with_spool({broken_article, no_owner_article}, 1, full_disk);
    EXPECT_NE(text.find("For review:\n"
                        "  warning: this section may be incomplete: could not write the spool's "
                        "temporary file (No space left on device); lines spooled to it were lost\n"
                        "\nCould not process:\n"
                        "  warning: this section may be incomplete: could not write"),
              std::string::npos)
        << text;
}

}  // namespace archtag::report
