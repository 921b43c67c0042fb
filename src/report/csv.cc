// One row per article for spreadsheets (RFC 4180: CRLF rows, fields quoted
// when they hold a comma, a quote or a line break). The columns are part of
// the report's contract: add at the end, never reorder (docs/report-schema.md).
#include <fmt/format.h>

#include <cassert>

#include "report/outcome.h"
#include "report/reason.h"
#include "report/report.h"
#include "report/writers.h"
#include "util/strings.h"

namespace archtag::report {

namespace {

constexpr const char* k_header =
    "path,format,publication,title,published,published_source,era,outcome,archival,age,"
    "age_text,flags,error,reason";

std::string change_of(const ArticleResult& r, NoticeKind kind) {
    for (const StampChange& c : r.plan.changes)
        if (c.kind == kind)
            return std::string(to_string(c.change));
    return "";
}

std::string age_text(const ArticleResult& r) {
    for (const StampChange& c : r.plan.changes)
        if (c.kind == NoticeKind::age)
            return c.text;
    return "";
}

std::string flag_codes(const ArticleResult& r) {
    std::vector<std::string> codes;
    for (const Flag& f : r.decision.flags)
        codes.push_back(f.code);
    return join(codes, " ");
}

std::vector<std::string> cells_of(const ArticleResult& r, std::string_view as_of) {
    const ArticleMeta* m = r.meta ? &*r.meta : nullptr;
    return {r.path,
            r.format ? std::string(to_string(*r.format)) : "",
            r.policy,
            m ? m->title : "",
            m && m->published ? m->published->iso() : "",
            m && m->published ? m->published_source : "",
            r.decision.era,
            std::string(to_string(outcome_of(r))),
            change_of(r, NoticeKind::archival),
            change_of(r, NoticeKind::age),
            age_text(r),
            flag_codes(r),
            r.error ? r.error->headline() : "",
            reason(r, as_of)};
}

class CsvWriter final : public ReportWriter {
  public:
    CsvWriter(std::ostream& out, const RunInfo& run) : m_out(out), m_as_of(run.as_of) {
        m_out << k_header << "\r\n";
    }

    void add(const ArticleResult& result) override {
        assert(!m_finished);
        std::vector<std::string> cells = cells_of(result, m_as_of);
        for (std::size_t i = 0; i < cells.size(); ++i)
            m_out << (i ? "," : "") << csv_field(cells[i]);
        m_out << "\r\n";
    }

    void finish() override {
        assert(!m_finished);
        m_finished = true;
    }

  private:
    std::ostream& m_out;
    std::string m_as_of;
    bool m_finished = false;
};

}  // namespace

std::string csv_field(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == value.npos)
        return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::unique_ptr<ReportWriter> csv_writer(std::ostream& out, const RunInfo& run) {
    return std::make_unique<CsvWriter>(out, run);
}

void print_csv(std::ostream& out, const RunInfo& run, const std::vector<ArticleResult>& results) {
    write_all(csv_writer(out, run), results);
}

}  // namespace archtag::report
