// The HTML report: one page with no outside resources. The C++ side only
// embeds the data as JSON; the page's script (html_page.cc) draws everything
// with textContent, so nothing from an article is ever parsed as markup.
#include <nlohmann/json.hpp>

#include <cassert>

#include "report/html_page.h"
#include "report/json_stream.h"
#include "report/outcome.h"
#include "report/reason.h"
#include "report/report.h"
#include "report/writers.h"
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

json data_json(const RunInfo& run, const RunSummary& s, const std::vector<EraMark>& eras) {
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
    j["rows"] = json::array();
    return j;
}

std::string dumped(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The keys sort as eras, outcomes, rows, run, summary: the totals come after
// the rows. The first `"rows":` is the key: the only strings before it are
// inside arrays, and a quote inside a string is escaped.
constexpr std::string_view k_rows_key = "\"rows\":";

// script_safe_json works piece by piece: it changes nothing that spans two
// JSON tokens, and the pieces are cut between tokens.
class HtmlWriter final : public ReportWriter {
  public:
    HtmlWriter(std::ostream& out, const RunInfo& run, std::vector<EraMark> eras)
        : m_out(out), m_run(run), m_eras(std::move(eras)), m_rows(out, JsonArrayWriter::k_compact) {
        m_out << k_page_head << "<script type=\"application/json\" id=\"report-data\">"
              << script_safe_json(halves().head);
    }

    void add(const ArticleResult& result) override {
        assert(!m_finished);
        m_summary.add(result);
        m_rows.add(script_safe_json(dumped(row_json(result, m_run.as_of))));
    }

    void finish() override {
        assert(!m_finished);
        m_finished = true;
        m_rows.close();
        m_out << script_safe_json(halves().tail) << "</script>\n" << k_page_tail;
    }

  private:
    JsonHalves halves() const {
        return split_at_array(dumped(data_json(m_run, m_summary, m_eras)), k_rows_key);
    }

    std::ostream& m_out;
    RunInfo m_run;
    std::vector<EraMark> m_eras;  // a few per publication, not per article
    JsonArrayWriter m_rows;
    RunSummary m_summary;
    bool m_finished = false;
};

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

std::unique_ptr<ReportWriter> html_writer(std::ostream& out, const RunInfo& run,
                                          std::vector<EraMark> eras) {
    return std::make_unique<HtmlWriter>(out, run, std::move(eras));
}

void print_html(std::ostream& out, const RunInfo& run, const std::vector<ArticleResult>& results,
                const std::vector<EraMark>& eras) {
    write_all(html_writer(out, run, eras), results);
}

}  // namespace archtag::report
