#pragma once
// Printers over the pipeline's findings. Every printer consumes the same
// ArticleResults, so text and JSON always say the same facts. The writers
// take them one at a time, so a sweep of a million articles need not keep
// them; the print_* functions over a list are the same writers.
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "model/result.h"

namespace archtag::report {

enum class Verbosity { changes, all };
// ANSI colour in the text report; the app decides (a TTY, NO_COLOR unset).
enum class Colour { no, yes };

// What run produced the results, for the report's header.
struct RunInfo {
    std::string command;   // "sweep", "check", "fix", "unstamp"
    std::string archive;   // archive root as given
    std::string as_of;     // ISO date or timestamp the decisions were made for
    bool written = false;  // changes were applied to files
    std::string version;   // archtag version
};

// Receives results one at a time, in report order, printing as it goes, and
// keeps no per-article data in memory (sections that come later in the text
// report are spooled to a temporary file); finish() prints what follows the
// rows (totals, closing brackets). add() after finish() is a bug.
class ReportWriter {
  public:
    virtual ~ReportWriter() = default;
    virtual void add(const ArticleResult& result) = 0;
    virtual void finish() = 0;
};

// Where an editorial era begins, for the HTML chart's boundary lines.
struct EraMark {
    std::string publication;  // display name
    std::string era;          // era name
    std::string from;         // first day, 2018-02-23
};

std::unique_ptr<ReportWriter> text_writer(std::ostream& out, const RunInfo& run,
                                          Verbosity verbosity = Verbosity::changes,
                                          Colour colour = Colour::no);
std::unique_ptr<ReportWriter> json_writer(std::ostream& out, const RunInfo& run);
std::unique_ptr<ReportWriter> csv_writer(std::ostream& out, const RunInfo& run);
std::unique_ptr<ReportWriter> sarif_writer(std::ostream& out, const RunInfo& run);
std::unique_ptr<ReportWriter> html_writer(std::ostream& out, const RunInfo& run,
                                          std::vector<EraMark> eras);

// The editor's report: what would change (or changed), what needs review,
// what could not be read, and a summary.
// Each listed article carries a "why:" line (report/reason.h); a summary
// table by outcome ends the report.
void print_text(std::ostream& out, const RunInfo& run, const std::vector<ArticleResult>& results,
                Verbosity verbosity = Verbosity::changes, Colour colour = Colour::no);

// One row per article, RFC 4180 (docs/report-schema.md lists the columns).
void print_csv(std::ostream& out, const RunInfo& run, const std::vector<ArticleResult>& results);
// One CSV field, quoted only when it must be.
std::string csv_field(std::string_view value);

// SARIF 2.1.0: one result per pending change, review flag and error.
void print_sarif(std::ostream& out, const RunInfo& run, const std::vector<ArticleResult>& results);

// One self-contained page (inline CSS and JS, the data as embedded JSON):
// totals, a chart by year and outcome with era boundaries, breakdowns per
// publication and era, and a sortable, filterable, paged table whose rows
// open the article's diff (ArticleResult::diff).
void print_html(std::ostream& out, const RunInfo& run, const std::vector<ArticleResult>& results,
                const std::vector<EraMark>& eras);

// After a `--commit` run's text report: "Committed <id> on <branch>.", or
// "Nothing to commit: <branch> is unchanged." when `commit_id` is empty.
void print_commit_text(std::ostream& out, const std::string& branch, const std::string& commit_id);

// The versioned JSON report, schema "archtag-report/1" (docs/report-schema.md).
void print_json(std::ostream& out, const RunInfo& run, const std::vector<ArticleResult>& results);

// `archtag explain` for one article, for people and as JSON.
void print_explain_text(std::ostream& out, const RunInfo& run, const ArticleResult& result);
void print_explain_json(std::ostream& out, const RunInfo& run, const ArticleResult& result);

// One summary line: "34 articles: 20 to change (...), 3 flagged, 1 error".
std::string summary_line(const RunSummary& s, bool written);

}  // namespace archtag::report
