#include "rules/loader.h"

#include <fmt/format.h>
#include <tinyxml2.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "rules/element_parsers.h"
#include "util/file.h"
#include "util/strings.h"

namespace archtag::rules {

using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;

namespace {

constexpr std::uint64_t k_max_rule_file_bytes = 4 * 1024 * 1024;

std::string malformed_message(const XMLDocument& doc) {
    switch (doc.ErrorID()) {
        case tinyxml2::XML_ERROR_MISMATCHED_ELEMENT:
            return "malformed XML: an element opened on this line is not closed by its matching "
                   "end tag";
        case tinyxml2::XML_ERROR_PARSING:
            return "malformed XML: an element opened on this line is never closed";
        case tinyxml2::XML_ERROR_PARSING_ATTRIBUTE:
            return "malformed XML: bad attribute (expected name=\"value\")";
        case tinyxml2::XML_ERROR_PARSING_ELEMENT:
            return "malformed XML: bad element (expected <name attribute=\"value\">)";
        case tinyxml2::XML_ERROR_PARSING_COMMENT:
            return "malformed XML: a comment is not closed (expected -->)";
        case tinyxml2::XML_ERROR_PARSING_TEXT:
            return "malformed XML: bad text (write & as &amp; and < as &lt;)";
        case tinyxml2::XML_ERROR_PARSING_DECLARATION:
            return "malformed XML: bad declaration (expected <?xml version=\"1.0\"?>)";
        default:
            return fmt::format("malformed XML: {}", doc.ErrorName());
    }
}

Status check_root(const XmlSource& source, const XMLDocument& doc) {
    const XMLElement* root = doc.RootElement();
    if (!root)
        return fail(
            make_error(source.path(), "no <rules> element (expected <rules version=\"1\">)"));
    if (std::string_view(root->Name()) != "rules")
        return fail(source.error_at(root, fmt::format("the root element is {} (expected <rules "
                                                      "version=\"1\">)",
                                                      tag(root))));
    if (const XMLElement* second = root->NextSiblingElement())
        return fail(source.error_at(second, fmt::format("{} after </rules> (a rule file holds one "
                                                        "<rules> element)",
                                                        tag(second))));
    if (auto s = source.check_attributes(root, {"version"}); !s)
        return s;
    auto version = required_attribute(source, root, "version", " (version=\"1\")");
    if (!version)
        return fail(version.error());
    if (*version != "1")
        return fail(
            bad_value(source, root, "version", "this archtag reads rule files of version 1"));
    return source.check_no_text(root);
}

Expected<std::string> rule_id(const XmlSource& source, const XMLElement* e) {
    auto id = required_attribute(source, e, "id", " naming it in traces, e.g. id=\"age\"");
    if (!id)
        return id;
    if (split_words(*id).size() != 1)
        return fail(bad_value(source, e, "id", "expected a name without spaces"));
    return id;
}

// The single <when> or <then> child; fails on a missing or repeated one.
Expected<const XMLElement*> part(const XmlSource& source, const XMLElement* rule, const char* name,
                                 const std::string& id) {
    const XMLElement* found = rule->FirstChildElement(name);
    if (!found)
        return fail(
            source.error_at(rule, fmt::format("<rule id=\"{}\"> needs a <{}> element", id, name)));
    if (const XMLElement* again = found->NextSiblingElement(name))
        return fail(
            source.error_at(again, fmt::format("<rule id=\"{}\"> has a second <{}>", id, name)));
    if (auto s = source.check_attributes(found, {}); !s)
        return fail(s.error());
    return found;
}

Status check_rule_children(const XmlSource& source, const XMLElement* rule) {
    for (const XMLElement* e = rule->FirstChildElement(); e; e = e->NextSiblingElement()) {
        std::string_view name = e->Name();
        if (name == "when" || name == "then")
            continue;
        std::string near = closest_match(name, {"when", "then"});
        std::string hint =
            near.empty() ? "expected <when> and <then>" : fmt::format("did you mean <{}>?", near);
        return fail(
            source.error_at(e, fmt::format("unknown element {} in <rule> ({})", tag(e), hint)));
    }
    return source.check_no_text(rule);
}

Expected<Rule> parse_rule(const XmlSource& source, const XMLElement* e) {
    if (auto s = source.check_attributes(e, {"id", "description", "final"}); !s)
        return fail(s.error());
    Rule rule;
    auto id = rule_id(source, e);
    if (!id)
        return fail(id.error());
    rule.id = *id;
    rule.file = source.path();
    rule.line = e->GetLineNum();
    if (const char* d = e->Attribute("description"))
        rule.description = std::string(trim(d));
    if (const char* f = e->Attribute("final")) {
        if (std::string_view(trim(f)) == "yes") {
            rule.final = YesNo::yes;
        } else if (std::string_view(trim(f)) != "no") {
            return fail(bad_value(source, e, "final", "expected yes or no"));
        }
    }
    if (auto s = check_rule_children(source, e); !s)
        return fail(s.error());
    auto when = part(source, e, "when", rule.id);
    if (!when)
        return fail(when.error());
    auto then = part(source, e, "then", rule.id);
    if (!then)
        return fail(then.error());
    auto conditions = parse_conditions(source, *when);
    if (!conditions)
        return fail(conditions.error());
    auto actions = parse_actions(source, *then);
    if (!actions)
        return fail(actions.error());
    rule.when = std::move(*conditions);
    rule.then = std::move(*actions);
    return rule;
}

Expected<std::vector<Rule>> parse_rules(const XmlSource& source, const XMLElement* root) {
    std::vector<Rule> rules;
    for (const XMLElement* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
        if (std::string_view(e->Name()) != "rule") {
            std::string near = closest_match(e->Name(), {"rule"});
            std::string hint = near.empty() ? "expected <rule>" : "did you mean <rule>?";
            return fail(source.error_at(
                e, fmt::format("unknown element {} in <rules> ({})", tag(e), hint)));
        }
        auto rule = parse_rule(source, e);
        if (!rule)
            return fail(rule.error());
        rules.push_back(std::move(*rule));
    }
    return rules;
}

// Appends `more` to `set`, refusing an id used before (in any file).
Status append_rules(RuleSet& set, std::vector<Rule> more, std::string_view text) {
    for (Rule& rule : more) {
        auto same = std::find_if(set.rules.begin(), set.rules.end(),
                                 [&](const Rule& r) { return r.id == rule.id; });
        if (same != set.rules.end()) {
            // The id sits on the rule's own line; point at it.
            std::string line = line_of(text, rule.line);
            std::size_t col = line.find("id=");
            return fail(make_error_at(
                rule.file, rule.line, col == std::string::npos ? 0 : static_cast<int>(col) + 1,
                fmt::format("duplicate rule id \"{}\" (first used at {})", rule.id, same->where()),
                line));
        }
        set.rules.push_back(std::move(rule));
    }
    return ok();
}

Status load_into(RuleSet& set, std::string_view xml, const std::string& path) {
    XMLDocument doc;
    doc.Parse(xml.data(), xml.size());
    XmlSource source(xml, path);
    if (doc.ErrorID() == tinyxml2::XML_ERROR_EMPTY_DOCUMENT)
        return fail(make_error(path, "empty rule file (expected <rules version=\"1\">)"));
    if (doc.Error())
        return fail(source.error_at_line(doc.ErrorLineNum(), malformed_message(doc)));
    if (auto s = check_root(source, doc); !s)
        return s;
    auto rules = parse_rules(source, doc.RootElement());
    if (!rules)
        return fail(rules.error());
    set.files.push_back(path);
    return append_rules(set, std::move(*rules), xml);
}

Expected<std::vector<std::string>> rule_files_in(const std::string& dir) {
    namespace fs = std::filesystem;
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code type_ec;
        if (it->path().extension() == ".xml" && it->is_regular_file(type_ec))
            names.push_back(it->path().filename().string());
    }
    if (ec)
        return fail(
            make_error(dir, fmt::format("cannot list the rule directory: {}", ec.message())));
    if (names.empty())
        return fail(make_error(dir, "no rule files (expected *.xml files in this directory)"));
    std::sort(names.begin(), names.end());
    std::string prefix = dir.empty() || dir.back() == '/' ? dir : dir + "/";
    for (std::string& n : names)
        n = prefix + n;
    return names;
}

}  // namespace

Expected<RuleSet> load_from_string(std::string_view xml, const std::string& path_for_errors) {
    RuleSet set;
    if (auto s = load_into(set, xml, path_for_errors); !s)
        return fail(s.error());
    return set;
}

Expected<RuleSet> load(const std::string& file_or_dir) {
    std::error_code ec;
    std::vector<std::string> files = {file_or_dir};
    if (std::filesystem::is_directory(file_or_dir, ec)) {
        auto listed = rule_files_in(file_or_dir);
        if (!listed)
            return fail(listed.error());
        files = std::move(*listed);
    }
    RuleSet set;
    for (const std::string& path : files) {
        auto text = read_file(path, k_max_rule_file_bytes);
        if (!text)
            return fail(text.error());
        if (auto s = load_into(set, *text, path); !s)
            return fail(s.error());
    }
    return set;
}

}  // namespace archtag::rules
