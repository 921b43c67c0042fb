// Attribute helpers shared by the rule, condition and action parsers.
#include <fmt/format.h>
#include <tinyxml2.h>

#include "rules/element_parsers.h"
#include "util/strings.h"

namespace archtag::rules {

using tinyxml2::XMLElement;

const char* attribute_value(const XMLElement* element, const char* name) {
    return element->Attribute(name);
}

Expected<std::string> required_attribute(const XmlSource& source, const XMLElement* element,
                                         const char* name, std::string_view hint) {
    const char* value = attribute_value(element, name);
    if (!value) {
        std::string_view article =
            std::string_view("aeiou").find(name[0]) == std::string_view::npos ? "a" : "an";
        return fail(source.error_at(element, fmt::format("{} needs {} {}=\"...\" attribute{}",
                                                         tag(element), article, name, hint)));
    }
    std::string_view text = trim(value);
    if (text.empty())
        return fail(bad_value(source, element, name, "expected a value"));
    return std::string(text);
}

Error bad_value(const XmlSource& source, const XMLElement* element, const char* name,
                const std::string& reason) {
    const tinyxml2::XMLAttribute* a = element->FindAttribute(name);
    return source.error_at(element, a, fmt::format("{}=\"{}\": {}", name, a->Value(), reason));
}

}  // namespace archtag::rules
