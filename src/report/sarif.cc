// SARIF 2.1.0 for code-scanning views in CI: one result per pending change,
// per review flag and per article that could not be processed.
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <cassert>
#include <cctype>
#include <map>

#include "report/json_stream.h"
#include "report/reason.h"
#include "report/report.h"
#include "report/writers.h"
#include "util/strings.h"

namespace archtag::report {

namespace {

using nlohmann::json;

std::string_view sarif_level(FlagLevel l) {
    switch (l) {
        case FlagLevel::info:
            return "note";
        case FlagLevel::warning:
            return "warning";
        case FlagLevel::error:
            return "error";
    }
    return "warning";
}

// A relative URI reference: bytes outside RFC 3986's unreserved set and '/'
// are percent-encoded, so a path with spaces or '#' stays one path.
std::string uri_of(std::string_view path) {
    std::string out;
    for (char ch : path) {
        auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
            out += ch;
        else
            out += fmt::format("%{:02X}", c);
    }
    return out;
}

json location(const ArticleResult& r, int line) {
    return json::array(
        {{{"physicalLocation",
           {{"artifactLocation", {{"uri", uri_of(r.path)}}}, {"region", {{"startLine", line}}}}}}});
}

json result(const std::string& rule, std::string_view level, const std::string& message,
            const ArticleResult& r, int line = 1) {
    return {{"ruleId", rule},
            {"level", std::string(level)},
            {"message", {{"text", message}}},
            {"locations", location(r, line)}};
}

std::string change_words(const ArticleResult& r, bool written) {
    std::vector<std::string> parts;
    for (const StampChange& c : r.plan.changes)
        if (c.change != Change::keep)
            parts.push_back(fmt::format("{} {} notice", to_string(c.change), to_string(c.kind)));
    return fmt::format("{} {}", written ? "Changed:" : "Would", join(parts, ", "));
}

std::string first_change_kind(const ArticleResult& r) {
    for (const StampChange& c : r.plan.changes)
        if (c.change != Change::keep)
            return std::string(to_string(c.kind)) + "-notice";
    return "notice";
}

using Rules = std::map<std::string, std::string>;  // id -> description, sorted for stable output

json document(const RunInfo& run, const Rules& rules) {
    json rule_list = json::array();
    for (const auto& [id, text] : rules)
        rule_list.push_back({{"id", id}, {"shortDescription", {{"text", text}}}});
    json driver = {{"name", "archtag"}, {"version", run.version}, {"rules", rule_list}};
    json the_run = {{"tool", {{"driver", driver}}},
                    {"properties", {{"command", run.command}, {"as_of", run.as_of}}},
                    {"results", json::array()}};
    return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", json::array({the_run})}};
}

std::string dumped(const json& j) {
    return j.dump(2, ' ', false, json::error_handler_t::replace);
}

// In the one run, "results" sorts after "properties" and before "tool",
// whose rules are known only after the last result.
constexpr std::string_view k_results_key = "\n      \"results\": ";
constexpr int k_results_indent = 6;

class SarifWriter final : public ReportWriter {
  public:
    SarifWriter(std::ostream& out, const RunInfo& run)
        : m_out(out), m_run(run), m_results(out, k_results_indent) {
        m_out << split_at_array(dumped(document(m_run, {})), k_results_key).head;
    }

    void add(const ArticleResult& r) override {
        assert(!m_finished);
        std::string why = reason(r, m_run.as_of);
        if (r.error) {
            m_rules.emplace("unreadable", "The article could not be processed.");
            put(result("unreadable", "error", why, r, std::max(1, r.error->line)));
            return;
        }
        if (r.pending())
            add_change(r, why);
        for (const Flag& f : r.decision.flags) {
            m_rules.emplace(f.code, "Flagged for an editor's review.");
            put(result(f.code, sarif_level(f.level), f.message, r));
        }
    }

    void finish() override {
        assert(!m_finished);
        m_finished = true;
        m_results.close();
        m_out << split_at_array(dumped(document(m_run, m_rules)), k_results_key).tail << '\n';
    }

  private:
    void add_change(const ArticleResult& r, const std::string& why) {
        std::string id = first_change_kind(r);
        m_rules.emplace(id, "The article's notices do not match what the rules decide.");
        put(result(id, "warning", change_words(r, m_run.written) + ": " + why + ".", r));
    }

    void put(const json& found) { m_results.add(dumped(found)); }

    std::ostream& m_out;
    RunInfo m_run;
    JsonArrayWriter m_results;
    Rules m_rules;  // one per rule id, not per article
    bool m_finished = false;
};

}  // namespace

std::unique_ptr<ReportWriter> sarif_writer(std::ostream& out, const RunInfo& run) {
    return std::make_unique<SarifWriter>(out, run);
}

void print_sarif(std::ostream& out, const RunInfo& run, const std::vector<ArticleResult>& results) {
    write_all(sarif_writer(out, run), results);
}

}  // namespace archtag::report
