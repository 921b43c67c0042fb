#include "rules/template.h"

#include <optional>

namespace archtag::rules {

namespace {

std::optional<std::string_view> value_of(std::string_view name, const TemplateValues& v) {
    if (name == "publication")
        return v.publication;
    if (name == "owner_then")
        return v.owner_then;
    if (name == "owner_now")
        return v.owner_now;
    if (name == "era_then")
        return v.era_then;
    if (name == "era_now")
        return v.era_now;
    if (name == "acquired")
        return v.acquired;
    if (name == "acquired_long")
        return v.acquired_long;
    if (name == "age")
        return v.age;
    if (name == "published")
        return v.published;
    if (name == "day")
        return v.day;
    if (name == "reason")
        return v.reason;
    return std::nullopt;
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// The placeholder name starting after the '{' at `open`, or "" when the brace
// does not start one.
std::string_view name_at(std::string_view tmpl, std::size_t open) {
    std::size_t i = open + 1;
    while (i < tmpl.size() && is_name_char(tmpl[i]))
        ++i;
    if (i == open + 1 || i >= tmpl.size() || tmpl[i] != '}')
        return {};
    return tmpl.substr(open + 1, i - open - 1);
}

}  // namespace

const std::vector<std::string>& notice_placeholders() {
    static const std::vector<std::string> k_names = {"publication",   "owner_then", "owner_now",
                                                     "era_then",      "era_now",    "acquired",
                                                     "acquired_long", "age",        "published"};
    return k_names;
}

const std::vector<std::string>& rule_text_placeholders() {
    static const std::vector<std::string> k_names = [] {
        std::vector<std::string> names = notice_placeholders();
        names.push_back("day");
        names.push_back("reason");
        return names;
    }();
    return k_names;
}

std::string render_template(std::string_view tmpl, const TemplateValues& values) {
    std::string out;
    out.reserve(tmpl.size() + 32);
    std::size_t pos = 0;
    while (pos < tmpl.size()) {
        std::size_t open = tmpl.find('{', pos);
        if (open == std::string_view::npos)
            break;
        std::string_view name = name_at(tmpl, open);
        auto value = name.empty() ? std::nullopt : value_of(name, values);
        out.append(tmpl.substr(pos, open - pos));
        if (value) {
            out.append(*value);
            pos = open + name.size() + 2;
        } else {
            out += '{';
            pos = open + 1;
        }
    }
    out.append(tmpl.substr(std::min(pos, tmpl.size())));
    return out;
}

std::vector<std::string> placeholders_in(std::string_view tmpl) {
    std::vector<std::string> names;
    for (std::size_t open = tmpl.find('{'); open != std::string_view::npos;
         open = tmpl.find('{', open + 1)) {
        std::string_view name = name_at(tmpl, open);
        if (!name.empty())
            names.emplace_back(name);
    }
    return names;
}

}  // namespace archtag::rules
