// parse_xml(): safety checks and a byte scan, then TinyXML-2 for the content.
#include "article/xml/xml_reader.h"

#include <fmt/format.h>
#include <tinyxml2.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>
#include <unordered_map>

#include "article/xml/vocabularies.h"
#include "article/xml/xml_encoding.h"
#include "article/xml/xml_scan.h"
#include "util/strings.h"

namespace archtag::article {

namespace {

using xml::Node;
using ElementIndex = std::unordered_map<const Node*, std::size_t>;

// Parsed XML and the scanned bytes, kept together for the readers.
struct Parsed {
    std::string utf8;  // what TinyXML-2 parsed (lines as in the file)
    tinyxml2::XMLDocument doc;
    xml::ScanResult scan;
    ElementIndex index;  // TinyXML-2 element -> its scanned element
};

Error error_at(std::string_view path, std::string_view bytes, std::size_t offset,
               std::string message) {
    LineColumn lc = line_column_at(bytes, std::min(offset, bytes.size()));
    if (lc.line == 1 && bytes.starts_with("\xEF\xBB\xBF"))
        lc.column -= 3;  // the BOM is no column
    return make_error_at(std::string(path), lc.line, lc.column, std::move(message));
}

std::string_view describe_tinyxml_error(tinyxml2::XMLError e) {
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
            return "cannot read the XML declaration (expected <?xml version=\"1.0\" ... ?>)";
        case XML_ERROR_PARSING_UNKNOWN:
            return "cannot read markup";
        case XML_ERROR_EMPTY_DOCUMENT:
            return "the document is empty (expected a root element)";
        case XML_ERROR_MISMATCHED_ELEMENT:
            return "an element is not closed (expected a matching end tag)";
        case XML_ELEMENT_DEPTH_EXCEEDED:
            return "elements nest too deeply";
        default:
            return "cannot read the document";
    }
}

// TinyXML-2 ends its error string with e.g. "XMLElement name=hedline".
std::string tinyxml_error_element(const tinyxml2::XMLDocument& doc) {
    std::string_view all = doc.ErrorStr();
    std::size_t at = all.find("XMLElement name=");
    if (at == all.npos)
        return {};
    return fmt::format(" in <{}>", all.substr(at + std::strlen("XMLElement name=")));
}

Status check_size(std::string_view path, std::string_view bytes) {
    if (bytes.size() <= k_max_xml_bytes)
        return ok();
    return fail(
        make_error(std::string(path),
                   fmt::format("the file is {} bytes; archtag reads XML articles of at "
                               "most 32 MiB ({} bytes)",
                               with_thousands(bytes.size()), with_thousands(k_max_xml_bytes))));
}

Status check_utf8(std::string_view path, std::string_view bytes) {
    auto bad = xml::first_invalid_utf8_byte(bytes);
    if (!bad)
        return ok();
    Error e = error_at(path, bytes, *bad, "");
    e.message = fmt::format(
        "not UTF-8 text (invalid byte 0x{:02X} at line {}); the XML declaration says UTF-8 or "
        "names no encoding",
        static_cast<unsigned char>(bytes[*bad]), e.line);
    return fail(std::move(e));
}

// TinyXML-2 gets the text with the DOCTYPE blanked out (it cannot read an
// internal subset, and needs nothing from it), transcoded to UTF-8.
std::string text_for_parser(std::string_view bytes, const xml::ScanResult& scan,
                            const std::string& encoding) {
    std::string copy(bytes);
    for (std::size_t i = scan.doctype_begin; i < scan.doctype_end; ++i)
        if (copy[i] != '\n' && copy[i] != '\r')
            copy[i] = ' ';
    return xml::to_utf8(copy, encoding);
}

// Pairs TinyXML-2's elements with the scanned ones: both are in document
// order, so the n-th element of a pre-order walk is the n-th start tag.
Status pair_elements(std::string_view path, Parsed& p) {
    std::vector<const Node*> pending{p.doc.RootElement()};
    std::size_t n = 0;
    while (!pending.empty()) {
        const Node* e = pending.back();
        pending.pop_back();
        if (n >= p.scan.elements.size() || p.scan.elements[n].name != e->Name()) {
            return fail(make_error_at(
                std::string(path), e->GetLineNum(), 0,
                fmt::format("cannot locate <{}> in the file's bytes (archtag's XML scanner and "
                            "parser disagree; please report this file)",
                            e->Name())));
        }
        p.index.emplace(e, n++);
        std::vector<const Node*> kids;
        for (const Node* c = e->FirstChildElement(); c; c = c->NextSiblingElement())
            kids.push_back(c);
        pending.insert(pending.end(), kids.rbegin(), kids.rend());
    }
    if (n != p.scan.elements.size()) {
        return fail(make_error(std::string(path),
                               fmt::format("the XML parser read {} elements where archtag's "
                                           "scanner found {} (please report this file)",
                                           n, p.scan.elements.size())));
    }
    return ok();
}

Expected<std::unique_ptr<Parsed>> parse_bytes(std::string_view path, std::string_view bytes,
                                              const std::string& encoding) {
    auto p = std::make_unique<Parsed>();
    p->scan = xml::scan_markup(bytes);
    if (p->scan.problem.kind != xml::ScanProblemKind::none) {
        std::string message = p->scan.problem.kind == xml::ScanProblemKind::malformed
                                  ? "XML is not well-formed: " + p->scan.problem.message
                                  : p->scan.problem.message;
        Error e = error_at(path, bytes, p->scan.problem.offset, std::move(message));
        e.source_line = line_of(xml::to_utf8(bytes, encoding), e.line);
        return fail(std::move(e));
    }
    p->utf8 = text_for_parser(bytes, p->scan, encoding);
    tinyxml2::XMLError rc = p->doc.Parse(p->utf8.data(), p->utf8.size());
    if (rc != tinyxml2::XML_SUCCESS) {
        int line = p->doc.ErrorLineNum();
        return fail(
            make_error_at(std::string(path), line, 0,
                          fmt::format("XML is not well-formed: {}{}", describe_tinyxml_error(rc),
                                      tinyxml_error_element(p->doc)),
                          line_of(p->utf8, line)));
    }
    if (auto paired = pair_elements(path, *p); !paired)
        return fail(paired.error());
    return p;
}

using VocabularyReader = void (*)(const Node&, xml::Reading&);

VocabularyReader reader_for(std::string_view root) {
    if (root == "nitf")
        return xml::read_nitf;
    if (root == "newsMessage" || root == "newsItem")
        return xml::read_newsml;
    if (root == "article")
        return xml::read_jats;
    if (root == "feed" || root == "entry")
        return xml::read_atom;
    if (root == "rss")
        return xml::read_rss;
    return nullptr;
}

ElementSpan span_of(const xml::ScannedElement& e) {
    return ElementSpan{e.name,     e.id,          {},          e.open_begin,
                       e.open_end, e.close_begin, e.close_end, e.depth};
}

// The root and the anchors the vocabulary named, in document order.
std::vector<ElementSpan> anchor_spans(const Parsed& p, const xml::Reading& r) {
    std::vector<std::size_t> picked{0};
    for (const Node* e : r.anchors())
        picked.push_back(p.index.at(e));
    std::sort(picked.begin(), picked.end());
    picked.erase(std::unique(picked.begin(), picked.end()), picked.end());
    std::vector<ElementSpan> spans;
    for (std::size_t i : picked)
        spans.push_back(span_of(p.scan.elements[i]));
    return spans;
}

Expected<Document> read_document(std::string_view path, std::string_view bytes) {
    if (auto size = check_size(path, bytes); !size)
        return fail(size.error());
    auto encoding = xml::declared_encoding(bytes);
    if (!encoding)
        return fail(make_error(std::string(path), encoding.error().message));
    if (*encoding == "utf-8")
        if (auto utf8 = check_utf8(path, bytes); !utf8)
            return fail(utf8.error());
    auto parsed = parse_bytes(path, bytes, *encoding);
    if (!parsed)
        return fail(parsed.error());
    const Parsed& p = **parsed;
    const Node& root = *p.doc.RootElement();
    VocabularyReader read = reader_for(xml::local_name(root));
    if (!read) {
        return fail(make_error_at(
            std::string(path), root.GetLineNum(), 0,
            fmt::format("not a known XML article: the root element is <{}> (expected NITF <nitf>, "
                        "NewsML-G2 <newsMessage> or <newsItem>, JATS <article>, Atom <feed> or "
                        "<entry>, or RSS <rss>)",
                        root.Name())));
    }
    Document doc;
    doc.layout.format = Format::xml;
    doc.layout.bom = bytes.starts_with("\xEF\xBB\xBF");
    doc.layout.newline = std::string(detect_newline(bytes));
    doc.layout.encoding = *encoding;
    xml::Reading reading(doc);
    read(root, reading);
    doc.layout.elements = anchor_spans(p, reading);
    return doc;
}

}  // namespace

Expected<Document> parse_xml(std::string_view path, std::string_view bytes) {
    // TinyXML-2 does not throw, but allocation can; nothing escapes.
    try {
        return read_document(path, bytes);
    } catch (const std::exception& e) {
        return fail(make_error(std::string(path),
                               fmt::format("could not read the XML article: {}", e.what())));
    }
}

}  // namespace archtag::article
