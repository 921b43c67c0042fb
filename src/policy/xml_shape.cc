#include "policy/xml_shape.h"

#include <fmt/format.h>
#include <tinyxml2.h>

#include <algorithm>

#include "model/timestamp.h"
#include "util/strings.h"

namespace archtag::policy::detail {

namespace {

bool contains(const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::string quoted_list(const std::vector<std::string>& names, std::string_view open,
                        std::string_view close) {
    std::vector<std::string> parts;
    for (const auto& n : names)
        parts.push_back(fmt::format("{}{}{}", open, n, close));
    return join(parts, ", ");
}

Status check_attributes(const XmlSource& src, const Element& e, const Shape& shape) {
    std::vector<std::string> known = shape.required;
    known.insert(known.end(), shape.optional.begin(), shape.optional.end());
    for (const auto* a = e.FirstAttribute(); a; a = a->Next()) {
        if (contains(known, a->Name()))
            continue;
        std::string hint = known.empty() ? fmt::format("(<{}> takes no attributes)", e.Name())
                                         : suggestion(a->Name(), known, "'", "'");
        return fail(src.at_attribute(
            e, a->Name(),
            fmt::format("unknown attribute '{}' on <{}> {}", a->Name(), e.Name(), hint)));
    }
    for (const auto& name : shape.required) {
        const char* value = e.Attribute(name.c_str());
        if (!value)
            return fail(src.at_element(
                e, fmt::format("missing required attribute '{}' on <{}>", name, e.Name())));
        if (trim(value).empty())
            return fail(src.at_attribute(
                e, name,
                fmt::format("empty attribute '{}' on <{}> (expected a value)", name, e.Name())));
    }
    return ok();
}

Status check_content(const XmlSource& src, const Element& e, const Shape& shape) {
    for (const auto* n = e.FirstChild(); n; n = n->NextSibling()) {
        if (const auto* child = n->ToElement()) {
            if (contains(shape.children, child->Name()))
                continue;
            std::string hint = shape.children.empty()
                                   ? fmt::format("(<{}> has no child elements)", e.Name())
                                   : suggestion(child->Name(), shape.children, "<", ">");
            return fail(src.at_element(*child, fmt::format("unknown element <{}> in <{}> {}",
                                                           child->Name(), e.Name(), hint)));
        }
        const auto* text = n->ToText();
        if (!text || shape.text)
            continue;
        std::string words = join(split_words(text->Value()), " ");
        if (words.empty())
            continue;
        if (words.size() > 30)
            words = words.substr(0, 27) + "...";
        return fail(src.at_content_text(
            e, trim(text->Value()).substr(0, 1),
            fmt::format("unexpected text '{}' in <{}> (expected only child elements)", words,
                        e.Name())));
    }
    return ok();
}

}  // namespace

std::string suggestion(std::string_view word, const std::vector<std::string>& known,
                       std::string_view open, std::string_view close) {
    if (known.size() == 1)
        return fmt::format("(expected {}{}{})", open, known.front(), close);
    std::string best = closest_match(word, known);
    if (!best.empty())
        return fmt::format("(did you mean {}{}{}?)", open, best, close);
    return fmt::format("(expected one of {})", quoted_list(known, open, close));
}

Status check_shape(const XmlSource& src, const Element& e, const Shape& shape) {
    if (auto s = check_attributes(src, e, shape); !s)
        return s;
    return check_content(src, e, shape);
}

Expected<const Element*> unique_child(const XmlSource& src, const Element& parent,
                                      std::string_view name) {
    std::vector<const Element*> all = children_named(parent, name);
    if (all.size() > 1)
        return fail(src.at_element(
            *all[1],
            fmt::format("duplicate <{}> in <{}> (expected at most one)", name, parent.Name())));
    return all.empty() ? nullptr : all.front();
}

std::vector<const Element*> children_named(const Element& parent, std::string_view name) {
    std::vector<const Element*> out;
    std::string n(name);
    for (const auto* c = parent.FirstChildElement(n.c_str()); c;
         c = c->NextSiblingElement(n.c_str()))
        out.push_back(c);
    return out;
}

std::optional<std::string> attribute(const Element& e, std::string_view name) {
    const char* v = e.Attribute(std::string(name).c_str());
    if (!v)
        return std::nullopt;
    return std::string(v);
}

std::string collapsed_text(const Element& e) {
    std::string all;
    for (const auto* n = e.FirstChild(); n; n = n->NextSibling()) {
        if (const auto* t = n->ToText()) {
            all += t->Value();
            all += ' ';
        }
    }
    return join(split_words(all), " ");
}

Expected<std::optional<Day>> date_attribute(const XmlSource& src, const Element& e,
                                            std::string_view name) {
    std::optional<std::string> text = attribute(e, name);
    if (!text)
        return std::optional<Day>{};
    auto day = parse_calendar_date(*text);
    if (!day) {
        std::string why = day.error().message;
        if (why.find("expected") == std::string::npos)
            why += " (expected YYYY-MM-DD)";
        return fail(src.at_attribute(
            e, name, fmt::format("bad date in {}=\"{}\" on <{}>: {}", name, *text, e.Name(), why)));
    }
    return std::optional<Day>{*day};
}

Expected<bool> yes_no_attribute(const XmlSource& src, const Element& e, std::string_view name) {
    std::string value = to_lower(trim(attribute(e, name).value_or("")));
    if (value == "yes" || value == "true")
        return true;
    if (value == "no" || value == "false")
        return false;
    return fail(src.at_attribute(e, name,
                                 fmt::format("bad value {}=\"{}\" on <{}> (expected yes or no)",
                                             name, attribute(e, name).value_or(""), e.Name())));
}

}  // namespace archtag::policy::detail
