// The HTML report: one page with no outside resources. The C++ side only
// embeds the data as JSON; the page's script (html_page.cc) draws everything
// with textContent, so nothing from an article is ever parsed as markup.
#include <nlohmann/json.hpp>

#include "report/html_page.h"
#include "report/outcome.h"
#include "report/reason.h"
#include "report/report.h"
#include "util/strings.h"

namespace archtag::report {

namespace {

using nlohmann::json;

std::string year_of(const ArticleResult& r) {
    std::string day = r.decision.published_day;
    if (day.empty() && r.meta && r.meta->published)
        day = r.meta->published->iso();
    return day.size() >= 4 ? day.substr(0, 4) : "";
}

std::string notices_of(const ArticleResult& r) {
    std::vector<std::string> parts;
    for (const StampChange& c : r.plan.changes) {
        if (c.change == Change::keep)
            continue;
        std::string part = std::string(to_string(c.change)) + " " + std::string(to_string(c.kind));
        if (c.kind == NoticeKind::age)
            part += ": " + c.text;
        parts.push_back(std::move(part));
    }
    return join(parts, "; ");
}

std::string era_label(const ArticleResult& r) {
    if (!r.decision.era_name.empty())
        return r.decision.era_name;
    return r.decision.era;
}

// Compact rows (arrays, not objects): a million of them must still load.
json row_json(const ArticleResult& r, std::string_view as_of) {
    const ArticleMeta* m = r.meta ? &*r.meta : nullptr;
    std::string year = year_of(r);
    return json::array({r.path, m ? m->title : "", r.publication,
                        m && m->published ? m->published->iso() : "",
                        year.empty() ? json(nullptr) : json(std::stoi(year)), era_label(r),
                        static_cast<int>(outcome_of(r)), notices_of(r), reason(r, as_of), r.diff});
}

json data_json(const RunInfo& run, const std::vector<ArticleResult>& results,
               const std::vector<EraMark>& eras) {
    RunSummary s = summarize(results);
    json j;
    j["run"] = {{"command", run.command},
                {"archive", run.archive},
                {"as_of", run.as_of},
                {"written", run.written},
                {"version", run.version}};
    j["summary"] = {{"articles", s.articles},
                    {"pending", s.pending},
                    {"flagged", s.flagged},
                    {"errors", s.errors}};
    json outcomes = json::array();
    for (Outcome o : {Outcome::stamped, Outcome::updated, Outcome::removed, Outcome::unchanged,
                      Outcome::flagged, Outcome::error})
        outcomes.push_back(std::string(to_string(o)));
    j["outcomes"] = outcomes;
    json marks = json::array();
    for (const EraMark& e : eras)
        marks.push_back(json::array({e.publication, e.era, e.from}));
    j["eras"] = marks;
    json rows = json::array();
    for (const ArticleResult& r : results)
        rows.push_back(row_json(r, run.as_of));
    j["rows"] = std::move(rows);
    return j;
}

}  // namespace

std::string script_safe_json(std::string_view dumped) {
    // '<' only occurs inside JSON strings, where \u003c means the same; this
    // keeps "</script>" and "<!--" from ending or bending the script element.
    std::string out;
    out.reserve(dumped.size());
    for (std::size_t i = 0; i < dumped.size(); ++i) {
        char c = dumped[i];
        if (c == '<') {
            out += "\\u003c";
        } else if (c == '\xE2' && i + 2 < dumped.size() && dumped[i + 1] == '\x80' &&
                   (dumped[i + 2] == '\xA8' || dumped[i + 2] == '\xA9')) {
            out += dumped[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

void print_html(std::ostream& out, const RunInfo& run, const std::vector<ArticleResult>& results,
                const std::vector<EraMark>& eras) {
    std::string data =
        data_json(run, results, eras).dump(-1, ' ', false, json::error_handler_t::replace);
    out << k_page_head << "<script type=\"application/json\" id=\"report-data\">"
        << script_safe_json(data) << "</script>\n"
        << k_page_tail;
}

}  // namespace archtag::report
