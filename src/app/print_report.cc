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

std::unique_ptr<report::ReportWriter> report_writer(std::ostream& out, const Options& options,
                                                    const Setup& setup,
                                                    const report::RunInfo& info) {
    switch (options.format) {
        case OutputFormat::json:
            return report::json_writer(out, info);
        case OutputFormat::csv:
            return report::csv_writer(out, info);
        case OutputFormat::sarif:
            return report::sarif_writer(out, info);
        case OutputFormat::html:
            return report::html_writer(out, info, era_marks(setup));
        case OutputFormat::text:
            break;
    }
    return report::text_writer(
        out, info, options.verbose ? report::Verbosity::all : report::Verbosity::changes,
        options.colour == Colour::yes ? report::Colour::yes : report::Colour::no);
}

}  // namespace archtag::app
