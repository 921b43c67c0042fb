#pragma once
// Internal to src/policy: an XML document together with its source text, so
// every complaint about it can point at path:line:column and show the line.
// TinyXML-2 knows element lines but not columns; the column is found by
// scanning the source for the element's start tag.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "util/expected.h"

namespace tinyxml2 {
class XMLDocument;
class XMLElement;
}  // namespace tinyxml2

namespace archtag::policy::detail {

using Element = tinyxml2::XMLElement;

class XmlSource {
  public:
    // Fails with TinyXML-2's line and message when the text is not well-formed
    // or holds more than one top-level element.
    static Expected<std::unique_ptr<const XmlSource>> parse(std::string text, std::string path);
    ~XmlSource();

    const Element& root() const { return *m_root; }
    const std::string& path() const { return m_path; }
    std::string_view text() const { return m_text; }

    Error at_element(const Element& e, std::string message) const;
    // At the attribute's name; at the element when the attribute is absent.
    Error at_attribute(const Element& e, std::string_view name, std::string message) const;
    // At the first non-blank character of the element's content.
    Error at_content(const Element& e, std::string message) const;
    // At the first occurrence of `needle` inside the element's content.
    Error at_content_text(const Element& e, std::string_view needle, std::string message) const;
    Error at_offset(std::size_t offset, std::string message) const;

    // Byte offset of the element's '<'.
    std::size_t element_offset(const Element& e) const;
    // Byte offset one past the '>' that ends the start tag.
    std::size_t start_tag_end(const Element& e) const;

  private:
    XmlSource(std::string text, std::string path);
    std::size_t attribute_offset(const Element& e, std::string_view name) const;
    int same_line_index(const Element& e) const;

    std::string m_text;
    std::string m_path;
    std::unique_ptr<tinyxml2::XMLDocument> m_doc;
    const Element* m_root = nullptr;
};

}  // namespace archtag::policy::detail
