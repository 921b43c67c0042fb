#pragma once
// Internal to src/policy: checks that an element has only the attributes,
// children and text it may have, with "did you mean" suggestions, and small
// accessors that turn absent or malformed values into located errors.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/policy.h"
#include "policy/xml_source.h"

namespace archtag::policy::detail {

struct Shape {
    std::vector<std::string> required;  // attributes that must be present and non-empty
    std::vector<std::string> optional;  // attributes that may be present
    std::vector<std::string> children;  // child elements it may hold
    bool text = false;                  // whether it may hold text
};

Status check_shape(const XmlSource& src, const Element& e, const Shape& shape);

// The only child called `name`, nullptr when there is none; two are an error.
Expected<const Element*> unique_child(const XmlSource& src, const Element& parent,
                                      std::string_view name);
std::vector<const Element*> children_named(const Element& parent, std::string_view name);

// The attribute's value, or nullopt when absent.
std::optional<std::string> attribute(const Element& e, std::string_view name);
// All text inside the element, runs of white space collapsed to one space, trimmed.
std::string collapsed_text(const Element& e);
// A date attribute (YYYY-MM-DD), nullopt when absent.
Expected<std::optional<Day>> date_attribute(const XmlSource& src, const Element& e,
                                            std::string_view name);
// yes/no attribute; `name` must be present (check_shape's required list).
Expected<bool> yes_no_attribute(const XmlSource& src, const Element& e, std::string_view name);

// "(did you mean X?)", "(expected X)" when only X is known, or "(expected one
// of X, Y)"; each name is wrapped in `open`/`close`, e.g. "<" ">" or "'" "'".
std::string suggestion(std::string_view word, const std::vector<std::string>& known,
                       std::string_view open, std::string_view close);

}  // namespace archtag::policy::detail
