// The versioned JSON report (docs/report-schema.md). Field names are part of
// the schema: add fields freely, never rename or remove them within /1.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cassert>

#include "report/json_row.h"
#include "report/json_stream.h"
#include "report/reason.h"
#include "report/report.h"
#include "report/writers.h"

namespace archtag::report {

namespace {

using nlohmann::json;

constexpr const char* k_schema = "archtag-report/1";

json null_or(const std::string& s) {
    return s.empty() ? json(nullptr) : json(s);
}

json flag_json(const Flag& f) {
    return {{"level", std::string(to_string(f.level))}, {"code", f.code}, {"message", f.message}};
}

json error_json(const Error& e) {
    json j = {{"message", e.message}, {"text", e.headline()}};
    if (e.line > 0)
        j["line"] = e.line;
    if (e.column > 0)
        j["column"] = e.column;
    return j;
}

json article_json(const ArticleResult& r, std::string_view as_of) {
    json j;
    j["path"] = r.path;
    j["format"] = r.format ? json(std::string(to_string(*r.format))) : json(nullptr);
    const ArticleMeta* m = r.meta ? &*r.meta : nullptr;
    j["title"] = m ? null_or(m->title) : json(nullptr);
    j["publication"] = null_or(r.policy);
    j["publication_name"] = null_or(r.publication);
    j["published"] = m && m->published ? json(m->published->iso()) : json(nullptr);
    j["published_source"] = m && m->published ? json(m->published_source) : json(nullptr);
    j["published_confidence"] =
        m && m->published ? json(std::string(to_string(m->published_confidence))) : json(nullptr);
    j["era"] = null_or(r.decision.era);
    json notices = json::array();
    for (const StampChange& c : r.plan.changes)
        notices.push_back({{"kind", std::string(to_string(c.kind))},
                           {"text", c.text},
                           {"change", std::string(to_string(c.change))}});
    j["notices"] = notices;
    json flags = json::array();
    for (const Flag& f : r.decision.flags)
        flags.push_back(flag_json(f));
    j["flags"] = flags;
    j["error"] = r.error ? error_json(*r.error) : json(nullptr);
    j["reason"] = reason(r, as_of);
    return j;
}

json summary_json(const RunSummary& s) {
    return {{"articles", s.articles},
            {"pending", s.pending},
            {"flagged", s.flagged},
            {"errors", s.errors},
            {"notices",
             {{"add", s.added}, {"update", s.updated}, {"remove", s.removed}, {"keep", s.kept}}}};
}

json run_json(const RunInfo& run) {
    return {{"schema", k_schema},     {"tool", {{"name", "archtag"}, {"version", run.version}}},
            {"command", run.command}, {"archive", run.archive},
            {"as_of", run.as_of},     {"written", run.written}};
}

std::string dumped(const json& j) {
    return j.dump(2, ' ', false, json::error_handler_t::replace);
}

// The document as print_json always dumped it, with no article in it.
std::string document_without_articles(const RunInfo& run, const RunSummary& summary) {
    json j = run_json(run);
    j["summary"] = summary_json(summary);
    j["articles"] = json::array();
    return dumped(j);
}

// An article as dumped(article_json(...)) lays it out, written directly:
// building and dumping nlohmann's tree of std::maps took ~8 µs an article,
// most of a no-op sweep's JSON report. Keys in the map's (byte) order.
class RowWriter {
  public:
    std::string take() { return std::move(m_out); }

    void open(char bracket) {
        m_out += bracket;
        ++m_depth;
        m_first = true;
    }
    void close(char bracket) {
        --m_depth;
        if (!m_first)
            newline();
        m_out += bracket;
        m_first = false;
    }
    void key(std::string_view k) {
        element();
        m_out += '"';
        m_out += k;
        m_out += "\": ";
    }
    // Starts an array element.
    void element() {
        if (!m_first)
            m_out += ',';
        newline();
        m_first = false;
    }
    void string(std::string_view s) {
        if (plain(s)) {
            m_out += '"';
            m_out += s;
            m_out += '"';
        } else {  // escapes and invalid UTF-8 exactly as nlohmann does
            m_out += json(s).dump(-1, ' ', false, json::error_handler_t::replace);
        }
    }
    void string_or_null(std::string_view s) { s.empty() ? null() : string(s); }
    void null() { m_out += "null"; }
    void number(long n) { m_out += std::to_string(n); }
    void field(std::string_view k, std::string_view s) { key(k), string(s); }

  private:
    // Printable ASCII without quote or backslash: dumped as it is.
    static bool plain(std::string_view s) {
        return std::all_of(s.begin(), s.end(),
                           [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
    }
    void newline() {
        m_out += '\n';
        m_out.append(static_cast<std::size_t>(2 * m_depth), ' ');
    }

    std::string m_out;
    int m_depth = 0;
    bool m_first = true;
};

void write_error(RowWriter& w, const Error& e) {
    w.open('{');
    if (e.column > 0)
        w.key("column"), w.number(e.column);
    if (e.line > 0)
        w.key("line"), w.number(e.line);
    w.field("message", e.message);
    w.field("text", e.headline());
    w.close('}');
}

}  // namespace

std::string detail::article_row(const ArticleResult& r, std::string_view as_of) {
    RowWriter w;
    const ArticleMeta* m = r.meta ? &*r.meta : nullptr;
    const bool published = m && m->published;
    w.open('{');
    w.key("era"), w.string_or_null(r.decision.era);
    w.key("error");
    if (r.error)
        write_error(w, *r.error);
    else
        w.null();
    w.key("flags"), w.open('[');
    for (const Flag& f : r.decision.flags) {
        w.element(), w.open('{');
        w.field("code", f.code);
        w.field("level", to_string(f.level));
        w.field("message", f.message);
        w.close('}');
    }
    w.close(']');
    w.key("format");
    r.format ? w.string(to_string(*r.format)) : w.null();
    w.key("notices"), w.open('[');
    for (const StampChange& c : r.plan.changes) {
        w.element(), w.open('{');
        w.field("change", to_string(c.change));
        w.field("kind", to_string(c.kind));
        w.field("text", c.text);
        w.close('}');
    }
    w.close(']');
    w.field("path", r.path);
    w.key("publication"), w.string_or_null(r.policy);
    w.key("publication_name"), w.string_or_null(r.publication);
    w.key("published");
    published ? w.string(m->published->iso()) : w.null();
    w.key("published_confidence");
    published ? w.string(to_string(m->published_confidence)) : w.null();
    w.key("published_source");
    published ? w.string(m->published_source) : w.null();
    w.field("reason", reason(r, as_of));
    w.key("title"), m ? w.string_or_null(m->title) : w.null();
    w.close('}');
    return w.take();
}

std::string detail::article_row_reference(const ArticleResult& r, std::string_view as_of) {
    return dumped(article_json(r, as_of));
}

namespace {

// "articles" sorts after "archive" and before every other key, so the head
// is known before the first article and the tail only after the last.
constexpr std::string_view k_articles_key = "\n  \"articles\": ";
constexpr int k_articles_indent = 2;

class JsonWriter final : public ReportWriter {
  public:
    JsonWriter(std::ostream& out, const RunInfo& run)
        : m_out(out), m_run(run), m_articles(out, k_articles_indent) {
        m_out << split_at_array(document_without_articles(m_run, {}), k_articles_key).head;
    }

    void add(const ArticleResult& result) override {
        assert(!m_finished);
        m_summary.add(result);
        m_articles.add(detail::article_row(result, m_run.as_of));
    }

    void finish() override {
        assert(!m_finished);
        m_finished = true;
        m_articles.close();
        m_out << split_at_array(document_without_articles(m_run, m_summary), k_articles_key).tail
              << '\n';
    }

  private:
    std::ostream& m_out;
    RunInfo m_run;
    JsonArrayWriter m_articles;
    RunSummary m_summary;
    bool m_finished = false;
};

}  // namespace

std::unique_ptr<ReportWriter> json_writer(std::ostream& out, const RunInfo& run) {
    return std::make_unique<JsonWriter>(out, run);
}

void print_json(std::ostream& out, const RunInfo& run, const std::vector<ArticleResult>& results) {
    write_all(json_writer(out, run), results);
}

void print_explain_json(std::ostream& out, const RunInfo& run, const ArticleResult& r) {
    json j = run_json(run);
    json a = article_json(r, run.as_of);
    if (r.meta) {
        json candidates = json::array();
        for (const DateCandidate& c : r.meta->date_candidates) {
            json cj = {
                {"value", c.timestamp.iso()}, {"text", c.timestamp.text}, {"source", c.source}};
            if (c.line > 0)
                cj["line"] = c.line;
            cj["confidence"] = std::string(to_string(c.confidence));
            cj["role"] = c.role == DateRole::published ? "published" : "modified";
            if (!c.note.empty())
                cj["note"] = c.note;
            candidates.push_back(cj);
        }
        a["date_candidates"] = candidates;
        a["tags"] = r.meta->tags;
        a["language"] = null_or(r.meta->language);
    }
    a["owner"] = null_or(r.decision.owner);
    json decided = json::array();
    for (const Notice& n : r.decision.notices)
        decided.push_back({{"kind", std::string(to_string(n.kind))},
                           {"text", n.text},
                           {"lang", n.lang},
                           {"link_url", null_or(n.link_url)},
                           {"link_text", null_or(n.link_text)}});
    a["decided"] = decided;
    json trace = json::array();
    for (const TraceStep& t : r.decision.trace)
        trace.push_back({{"rule", t.rule},
                         {"where", t.where},
                         {"matched", t.matched},
                         {"reasons", t.reasons},
                         {"effect", t.effect}});
    a["trace"] = trace;
    j["article"] = a;
    out << dumped(j) << '\n';
}

}  // namespace archtag::report
