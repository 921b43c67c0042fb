#pragma once
// Internal to src/rules: one parsed rule file, and errors that point into it.
// tinyxml2 knows lines but not columns; the column is found by locating the
// element's start tag (or the attribute) in the offending line.
#include <string>
#include <string_view>
#include <vector>

#include "util/error.h"
#include "util/expected.h"

namespace tinyxml2 {
class XMLElement;
class XMLAttribute;
}  // namespace tinyxml2

namespace archtag::rules {

class XmlSource {
  public:
    XmlSource(std::string_view text, std::string path) : m_text(text), m_path(std::move(path)) {}

    const std::string& path() const { return m_path; }

    Error error_at_line(int line, std::string message) const;
    Error error_at(const tinyxml2::XMLElement* element, std::string message) const;
    Error error_at(const tinyxml2::XMLElement* element, const tinyxml2::XMLAttribute* attribute,
                   std::string message) const;

    // Fails on any attribute not in `allowed`, suggesting the closest one.
    Status check_attributes(const tinyxml2::XMLElement* element,
                            const std::vector<std::string_view>& allowed) const;
    // Fails on non-blank text directly inside `element`.
    Status check_no_text(const tinyxml2::XMLElement* element) const;
    // Fails on any child element.
    Status check_no_children(const tinyxml2::XMLElement* element) const;

  private:
    int column_of(const tinyxml2::XMLElement* element) const;
    int column_of(const tinyxml2::XMLElement* element,
                  const tinyxml2::XMLAttribute* attribute) const;

    std::string_view m_text;
    std::string m_path;
};

// "<name>"
std::string tag(const tinyxml2::XMLElement* element);

}  // namespace archtag::rules
