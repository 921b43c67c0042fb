// parse(): format detection, text checks, then the front matter reader.
#include "article/article.h"

#include <fmt/format.h>
#include <exception>

#include "article/field_readers.h"
#include "article/front_matter.h"
#include "article/html/html_reader.h"
#include "article/text_checks.h"
#include "article/xml/xml_reader.h"

namespace archtag::article {

namespace {

Error invalid_utf8(std::string_view path, std::string_view bytes, std::size_t offset) {
    LineColumn lc = line_column_at(bytes, offset);
    if (lc.line == 1 && bytes.starts_with("\xEF\xBB\xBF"))
        lc.column -= 3;  // BOM is no column
    auto byte = static_cast<unsigned char>(bytes[offset]);
    return make_error_at(
        std::string(path), lc.line, lc.column,
        fmt::format("not UTF-8 text (invalid byte 0x{:02X} at line {})", byte, lc.line));
}

Expected<FieldMap> read_fields(std::string_view path, std::string_view bytes,
                               const DocumentLayout& layout) {
    FrontMatterText fm = front_matter_text(path, bytes, layout);
    switch (layout.front_matter) {
        case FrontMatterKind::yaml:
            return read_yaml_fields(fm);
        case FrontMatterKind::toml:
            return read_toml_fields(fm);
        case FrontMatterKind::json:
            return read_json_fields(fm);
        case FrontMatterKind::none:
            break;
    }
    return FieldMap{};
}

Expected<Document> parse_markdown(std::string_view path, std::string_view bytes) {
    if (auto bad = first_invalid_utf8(bytes))
        return fail(invalid_utf8(path, bytes, *bad));
    auto layout = locate_front_matter(path, bytes);
    if (!layout)
        return fail(layout.error());
    Document doc;
    doc.layout = std::move(*layout);
    if (doc.layout.front_matter == FrontMatterKind::none)
        return doc;
    auto fields = read_fields(path, bytes, doc.layout);
    if (!fields)
        return fail(fields.error());
    doc.fields = std::move(*fields);
    return doc;
}

}  // namespace

Expected<Document> parse(std::string_view path, std::string_view bytes) {
    std::optional<Format> format = format_from_path(path);
    if (!format) {
        return fail(make_error(std::string(path),
                               "not an article: the file name extension is not one of .md, "
                               ".markdown, .mdown, .mkd, .html, .htm, .shtml, .xhtml, .xml, "
                               ".nitf, .newsml"));
    }
    if (looks_binary(bytes))
        return fail(make_error(std::string(path), "binary file, not an article"));
    switch (*format) {
        case Format::xml:
            return parse_xml(path, bytes);
        case Format::html:
        case Format::markdown:
            break;
    }
    // The readers catch their parsers' errors; this keeps anything else
    // (out of memory, a library bug) from escaping the module.
    try {
        if (*format == Format::html)
            return parse_html(path, bytes);
        return parse_markdown(path, bytes);
    } catch (const std::exception& e) {
        return fail(
            make_error(std::string(path), fmt::format("could not read the article: {}", e.what())));
    }
}

}  // namespace archtag::article
