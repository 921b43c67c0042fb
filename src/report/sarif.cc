// SARIF 2.1.0 for code-scanning views in CI: one result per pending change,
// per review flag and per article that could not be processed.
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <cctype>
#include <map>

#include "report/reason.h"
#include "report/report.h"
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

}  // namespace

void print_sarif(std::ostream& out, const RunInfo& run, const std::vector<ArticleResult>& results) {
    json found = json::array();
    std::map<std::string, std::string> rules;  // id -> description, sorted for stable output
    for (const ArticleResult& r : results) {
        std::string why = reason(r, run.as_of);
        if (r.error) {
            rules.emplace("unreadable", "The article could not be processed.");
            found.push_back(result("unreadable", "error", why, r, std::max(1, r.error->line)));
            continue;
        }
        if (r.pending()) {
            std::string id = first_change_kind(r);
            rules.emplace(id, "The article's notices do not match what the rules decide.");
            found.push_back(
                result(id, "warning", change_words(r, run.written) + ": " + why + ".", r));
        }
        for (const Flag& f : r.decision.flags) {
            rules.emplace(f.code, "Flagged for an editor's review.");
            found.push_back(result(f.code, sarif_level(f.level), f.message, r));
        }
    }
    json rule_list = json::array();
    for (const auto& [id, text] : rules)
        rule_list.push_back({{"id", id}, {"shortDescription", {{"text", text}}}});
    json j = {
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs",
         json::array({{{"tool",
                        {{"driver",
                          {{"name", "archtag"}, {"version", run.version}, {"rules", rule_list}}}}},
                       {"properties", {{"command", run.command}, {"as_of", run.as_of}}},
                       {"results", found}}})}};
    out << j.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace archtag::report
