#pragma once
// Internal to src/rules: the children of <when> and <then>.
#include <vector>

#include "rules/rule_set.h"
#include "rules/xml_source.h"
#include "util/expected.h"

namespace archtag::rules {

// Every child element of `parent` as a condition.
Expected<std::vector<Condition>> parse_conditions(const XmlSource& source,
                                                  const tinyxml2::XMLElement* parent);
// Every child element of `then` as an action.
Expected<std::vector<Action>> parse_actions(const XmlSource& source,
                                            const tinyxml2::XMLElement* then);

// Attribute helpers shared by the element parsers.
const char* attribute_value(const tinyxml2::XMLElement* element, const char* name);
// Fails unless `name` is present and not blank; `hint` follows the message.
Expected<std::string> required_attribute(const XmlSource& source,
                                         const tinyxml2::XMLElement* element, const char* name,
                                         std::string_view hint = {});
// Error for attribute `name` of `element`: `name="value": reason`.
Error bad_value(const XmlSource& source, const tinyxml2::XMLElement* element, const char* name,
                const std::string& reason);

}  // namespace archtag::rules
