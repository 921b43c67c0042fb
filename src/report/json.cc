// The versioned JSON report (docs/report-schema.md). Field names are part of
// the schema: add fields freely, never rename or remove them within /1.
#include <nlohmann/json.hpp>

#include <cassert>

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
        m_articles.add(dumped(article_json(result, m_run.as_of)));
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
