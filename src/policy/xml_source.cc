#include "policy/xml_source.h"

#include <fmt/format.h>
#include <tinyxml2.h>

#include <cstring>

namespace archtag::policy::detail {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool ends_name(char c) {
    return is_blank(c) || c == '/' || c == '>';
}

std::string_view describe_xml_error(tinyxml2::XMLError e) {
    using namespace tinyxml2;
    switch (e) {
        case XML_ERROR_PARSING_ELEMENT:
            return "cannot read an element";
        case XML_ERROR_PARSING_ATTRIBUTE:
            return "cannot read an attribute (expected name=\"value\", each name at most once)";
        case XML_ERROR_PARSING_TEXT:
            return "cannot read text";
        case XML_ERROR_PARSING_CDATA:
            return "cannot read a CDATA section (expected <![CDATA[ ... ]]>)";
        case XML_ERROR_PARSING_COMMENT:
            return "cannot read a comment (expected <!-- ... -->)";
        case XML_ERROR_PARSING_DECLARATION:
            return "cannot read a declaration";
        case XML_ERROR_PARSING_UNKNOWN:
            return "cannot read markup";
        case XML_ERROR_EMPTY_DOCUMENT:
            return "the document is empty (expected a root element)";
        case XML_ERROR_MISMATCHED_ELEMENT:
            return "an element is not closed (expected a matching end tag)";
        default:
            return "cannot read the document";
    }
}

// TinyXML-2 ends its error string with e.g. "XMLElement name=ownership".
std::string xml_error_detail(const tinyxml2::XMLDocument& doc) {
    std::string_view all = doc.ErrorStr();
    std::size_t at = all.find("XMLElement name=");
    if (at == all.npos)
        return {};
    return fmt::format(" in <{}>", all.substr(at + std::strlen("XMLElement name=")));
}

std::size_t offset_of_line(std::string_view text, int line) {
    std::size_t pos = 0;
    for (int l = 1; l < line; ++l) {
        std::size_t nl = text.find('\n', pos);
        if (nl == text.npos)
            return text.size();
        pos = nl + 1;
    }
    return pos;
}

// Pre-order walk; stops (returns true) once `visit` returns true.
template <typename Visit>
bool walk(const Element* e, Visit& visit) {
    for (; e; e = e->NextSiblingElement()) {
        if (visit(*e))
            return true;
        if (walk(e->FirstChildElement(), visit))
            return true;
    }
    return false;
}

}  // namespace

XmlSource::XmlSource(std::string text, std::string path)
    : m_text(std::move(text)),
      m_path(std::move(path)),
      m_doc(std::make_unique<tinyxml2::XMLDocument>()) {}

XmlSource::~XmlSource() = default;

Expected<std::unique_ptr<const XmlSource>> XmlSource::parse(std::string text, std::string path) {
    std::unique_ptr<XmlSource> src(new XmlSource(std::move(text), std::move(path)));
    tinyxml2::XMLError rc = src->m_doc->Parse(src->m_text.data(), src->m_text.size());
    if (rc != tinyxml2::XML_SUCCESS) {
        int line = src->m_doc->ErrorLineNum();
        return fail(make_error_at(
            src->m_path, line, 0,
            fmt::format("XML is not well-formed: {}{} ({})", describe_xml_error(rc),
                        xml_error_detail(*src->m_doc), tinyxml2::XMLDocument::ErrorIDToName(rc)),
            line_of(src->m_text, line)));
    }
    src->m_root = src->m_doc->RootElement();
    if (!src->m_root)
        return fail(
            make_error(src->m_path, "the document has no element (expected a root element)"));
    if (const Element* extra = src->m_root->NextSiblingElement()) {
        return fail(src->at_element(
            *extra,
            fmt::format("unexpected second top-level element <{}> (expected a single <{}> root)",
                        extra->Name(), src->m_root->Name())));
    }
    return std::unique_ptr<const XmlSource>(std::move(src));
}

int XmlSource::same_line_index(const Element& target) const {
    int index = 0;
    auto visit = [&](const Element& e) {
        if (&e == &target)
            return true;
        if (e.GetLineNum() == target.GetLineNum() && std::strcmp(e.Name(), target.Name()) == 0)
            ++index;
        return false;
    };
    walk(m_root, visit);
    return index;
}

std::size_t XmlSource::element_offset(const Element& e) const {
    std::string_view text = m_text;
    std::size_t line_begin = offset_of_line(text, e.GetLineNum());
    std::size_t line_end = std::min(text.find('\n', line_begin), text.size());
    std::string tag = std::string("<") + e.Name();
    int wanted = same_line_index(e);
    std::size_t first = text.npos;
    for (std::size_t pos = text.find(tag, line_begin); pos != text.npos && pos < line_end;
         pos = text.find(tag, pos + 1)) {
        std::size_t after = pos + tag.size();
        if (after < text.size() && !ends_name(text[after]))
            continue;
        if (first == text.npos)
            first = pos;
        if (wanted-- == 0)
            return pos;
    }
    return first != text.npos ? first : line_begin;
}

namespace {

// Calls `on_attribute(name, offset)` for each attribute of the start tag at
// `pos`; returns one past the closing '>' (or the end of the text).
template <typename OnAttribute>
std::size_t scan_start_tag(std::string_view text, std::size_t pos, OnAttribute on_attribute) {
    std::size_t i = pos + 1;
    while (i < text.size() && !ends_name(text[i]))
        ++i;
    while (i < text.size()) {
        char c = text[i];
        if (c == '>')
            return i + 1;
        if (is_blank(c) || c == '/') {
            ++i;
            continue;
        }
        std::size_t name_begin = i;
        while (i < text.size() && !is_blank(text[i]) && text[i] != '=' && text[i] != '>')
            ++i;
        if (on_attribute(text.substr(name_begin, i - name_begin), name_begin))
            return name_begin;
        while (i < text.size() && (is_blank(text[i]) || text[i] == '='))
            ++i;
        if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
            std::size_t close = text.find(text[i], i + 1);
            i = close == text.npos ? text.size() : close + 1;
        }
    }
    return text.size();
}

}  // namespace

std::size_t XmlSource::start_tag_end(const Element& e) const {
    return scan_start_tag(m_text, element_offset(e),
                          [](std::string_view, std::size_t) { return false; });
}

std::size_t XmlSource::attribute_offset(const Element& e, std::string_view name) const {
    std::size_t found = element_offset(e);
    scan_start_tag(m_text, found, [&](std::string_view attr, std::size_t offset) {
        if (attr != name)
            return false;
        found = offset;
        return true;
    });
    return found;
}

Error XmlSource::at_offset(std::size_t offset, std::string message) const {
    LineColumn lc = line_column_at(m_text, offset);
    return make_error_at(m_path, lc.line, lc.column, std::move(message), line_of(m_text, lc.line));
}

Error XmlSource::at_element(const Element& e, std::string message) const {
    return at_offset(element_offset(e), std::move(message));
}

Error XmlSource::at_attribute(const Element& e, std::string_view name, std::string message) const {
    return at_offset(attribute_offset(e, name), std::move(message));
}

Error XmlSource::at_content(const Element& e, std::string message) const {
    std::size_t pos = start_tag_end(e);
    while (pos < m_text.size() && is_blank(m_text[pos]))
        ++pos;
    return at_offset(pos, std::move(message));
}

Error XmlSource::at_content_text(const Element& e, std::string_view needle,
                                 std::string message) const {
    std::size_t begin = start_tag_end(e);
    std::size_t pos = m_text.find(needle, begin);
    if (pos == std::string::npos)
        return at_content(e, std::move(message));
    return at_offset(pos, std::move(message));
}

}  // namespace archtag::policy::detail
