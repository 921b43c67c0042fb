#include "app/print_report.h"

#include <fmt/format.h>

namespace archtag::app {

namespace {

std::string day_text(const Day& d) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()),
                       static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

// Where each publication's editorial eras begin, for the HTML chart.
std::vector<report::EraMark> era_marks(const Setup& setup) {
    std::vector<report::EraMark> marks;
    for (const Policy& p : setup.policies)
        for (const Era& e : p.eras)
            if (e.from)
                marks.push_back({p.name, e.name, day_text(*e.from)});
    return marks;
}

}  // namespace

void print_report(std::ostream& out, const Options& options, const Setup& setup,
                  const report::RunInfo& info, const std::vector<ArticleResult>& results) {
    switch (options.format) {
        case OutputFormat::json:
            report::print_json(out, info, results);
            break;
        case OutputFormat::csv:
            report::print_csv(out, info, results);
            break;
        case OutputFormat::sarif:
            report::print_sarif(out, info, results);
            break;
        case OutputFormat::html:
            report::print_html(out, info, results, era_marks(setup));
            break;
        case OutputFormat::text:
            report::print_text(
                out, info, results,
                options.verbose ? report::Verbosity::all : report::Verbosity::changes,
                options.colour == Colour::yes ? report::Colour::yes : report::Colour::no);
            break;
    }
}

}  // namespace archtag::app
