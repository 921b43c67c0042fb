#include "rules/xml_source.h"

#include <fmt/format.h>
#include <tinyxml2.h>

#include <vector>

#include "util/strings.h"

namespace archtag::rules {

using tinyxml2::XMLAttribute;
using tinyxml2::XMLElement;
using tinyxml2::XMLNode;

namespace {

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':';
}

// Position of the `nth` (0-based) occurrence of `word` in `line` at or after
// `from` that stands alone as a name; npos when absent.
std::size_t find_name(std::string_view line, std::string_view word, std::size_t from, int nth) {
    for (std::size_t pos = line.find(word, from); pos != std::string_view::npos;
         pos = line.find(word, pos + 1)) {
        std::size_t end = pos + word.size();
        if (end < line.size() && is_name_char(line[end]))
            continue;
        if (nth-- == 0)
            return pos;
    }
    return std::string_view::npos;
}

// Elements before `target` in document order that share its name and line.
int same_line_twins_before(const XMLElement* target) {
    int count = 0;
    bool found = false;
    auto visit = [&](auto&& self, const XMLElement* e) -> void {
        for (; e && !found; e = e->NextSiblingElement()) {
            if (e == target) {
                found = true;
                return;
            }
            if (e->GetLineNum() == target->GetLineNum() &&
                std::string_view(e->Name()) == target->Name())
                ++count;
            self(self, e->FirstChildElement());
        }
    };
    visit(visit, target->GetDocument()->FirstChildElement());
    return count;
}

}  // namespace

std::string tag(const XMLElement* element) {
    return fmt::format("<{}>", element->Name());
}

Error XmlSource::error_at_line(int line, std::string message) const {
    return make_error_at(m_path, line, 0, std::move(message), line_of(m_text, line));
}

Error XmlSource::error_at(const XMLElement* element, std::string message) const {
    int line = element->GetLineNum();
    return make_error_at(m_path, line, column_of(element), std::move(message),
                         line_of(m_text, line));
}

Error XmlSource::error_at(const XMLElement* element, const XMLAttribute* attribute,
                          std::string message) const {
    int line = attribute->GetLineNum();
    return make_error_at(m_path, line, column_of(element, attribute), std::move(message),
                         line_of(m_text, line));
}

int XmlSource::column_of(const XMLElement* element) const {
    std::string line = line_of(m_text, element->GetLineNum());
    std::size_t pos =
        find_name(line, fmt::format("<{}", element->Name()), 0, same_line_twins_before(element));
    return pos == std::string::npos ? 0 : static_cast<int>(pos) + 1;
}

int XmlSource::column_of(const XMLElement* element, const XMLAttribute* attribute) const {
    std::string line = line_of(m_text, attribute->GetLineNum());
    std::size_t from = 0;
    if (attribute->GetLineNum() == element->GetLineNum()) {
        int start = column_of(element);
        from = start > 0 ? static_cast<std::size_t>(start) : 0;
    }
    std::string_view name = attribute->Name();
    for (std::size_t pos = find_name(line, name, from, 0); pos != std::string::npos;
         pos = find_name(line, name, pos + 1, 0)) {
        bool starts_name = pos == 0 || line[pos - 1] == ' ' || line[pos - 1] == '\t';
        std::string_view rest = trim(std::string_view(line).substr(pos + name.size()));
        if (starts_name && !rest.empty() && rest.front() == '=')
            return static_cast<int>(pos) + 1;
    }
    return 0;
}

Status XmlSource::check_attributes(const XMLElement* element,
                                   const std::vector<std::string_view>& allowed) const {
    std::vector<std::string> names(allowed.begin(), allowed.end());
    for (const XMLAttribute* a = element->FirstAttribute(); a; a = a->Next()) {
        std::string_view name = a->Name();
        bool known = false;
        for (std::string_view n : allowed)
            known = known || n == name;
        if (known)
            continue;
        std::string message = fmt::format("unknown attribute {}= on {}", name, tag(element));
        if (names.empty()) {
            message += " (it takes no attributes)";
        } else if (std::string near = closest_match(name, names); !near.empty()) {
            message += fmt::format(" (did you mean {}=?)", near);
        } else {
            message += fmt::format(" (expected {}=)", join(names, "=, "));
        }
        return fail(error_at(element, a, std::move(message)));
    }
    return ok();
}

Status XmlSource::check_no_text(const XMLElement* element) const {
    for (const XMLNode* n = element->FirstChild(); n; n = n->NextSibling()) {
        if (!n->ToText())
            continue;
        std::string_view text = trim(n->Value());
        if (text.empty())
            continue;
        std::string shown(text.substr(0, std::min<std::size_t>(text.find('\n'), 30)));
        return fail(error_at(element, fmt::format("unexpected text \"{}\" inside {} (expected only "
                                                  "elements and comments)",
                                                  shown, tag(element))));
    }
    return ok();
}

Status XmlSource::check_no_children(const XMLElement* element) const {
    if (const XMLElement* child = element->FirstChildElement())
        return fail(error_at(child, fmt::format("{} inside {}: {} takes no child elements",
                                                tag(child), tag(element), tag(element))));
    return check_no_text(element);
}

}  // namespace archtag::rules
