#include "article/front_matter.h"

#include "util/strings.h"

namespace archtag::article {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

// One line of the file: [begin, end) is its text, `next` is past its ending.
struct Line {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t next = 0;
};

Line line_at(std::string_view bytes, std::size_t pos) {
    Line l;
    l.begin = pos;
    std::size_t nl = bytes.find('\n', pos);
    if (nl == bytes.npos) {
        l.end = l.next = bytes.size();
        return l;
    }
    l.next = nl + 1;
    l.end = (nl > pos && bytes[nl - 1] == '\r') ? nl - 1 : nl;
    return l;
}

// A delimiter line is the delimiter alone; trailing blanks are tolerated as
// Jekyll and Hugo do.
bool is_delimiter(std::string_view bytes, const Line& l, std::string_view delimiter) {
    std::string_view text = bytes.substr(l.begin, l.end - l.begin);
    if (!text.starts_with(delimiter))
        return false;
    return text.substr(delimiter.size()).find_first_not_of(" \t") == std::string_view::npos;
}

Error unterminated(std::string_view path, std::string_view bytes, std::size_t at,
                   std::string message) {
    std::string source = line_of(bytes.substr(at), 1);
    return make_error_at(std::string(path), 1, 1, std::move(message), std::move(source));
}

// YAML (---) or TOML (+++): the content runs to the first closing line.
Expected<DocumentLayout> locate_delimited(std::string_view path, std::string_view bytes,
                                          DocumentLayout layout, const Line& opening) {
    bool yaml = layout.front_matter == FrontMatterKind::yaml;
    std::string_view delimiter = yaml ? "---" : "+++";
    layout.content_begin = opening.next;
    for (std::size_t pos = opening.next; pos < bytes.size();) {
        Line l = line_at(bytes, pos);
        if (is_delimiter(bytes, l, delimiter) || (yaml && is_delimiter(bytes, l, "..."))) {
            layout.content_end = l.begin;
            layout.front_matter_end = layout.body_begin = l.next;
            return layout;
        }
        pos = l.next;
    }
    return fail(unterminated(
        path, bytes, layout.front_matter_begin,
        yaml
            ? "unterminated YAML front matter: the opening '---' has no closing '---' or '...' line"
            : "unterminated TOML front matter: the opening '+++' has no closing '+++' line"));
}

// Offset of the '}' closing the object that opens at `open`; strings (with
// their escapes) may hold braces of their own.
std::optional<std::size_t> matching_brace(std::string_view bytes, std::size_t open) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = open; i < bytes.size(); ++i) {
        char c = bytes[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}' && --depth == 0) {
            return i;
        }
    }
    return std::nullopt;
}

// Past the '}' and, when nothing but blanks follows it on its line, past
// that line's ending too.
std::size_t after_closing_brace(std::string_view bytes, std::size_t close) {
    std::size_t j = bytes.find_first_not_of(" \t", close + 1);
    if (j == bytes.npos)
        return bytes.size();
    if (bytes[j] == '\n')
        return j + 1;
    if (bytes[j] == '\r' && j + 1 < bytes.size() && bytes[j + 1] == '\n')
        return j + 2;
    return close + 1;
}

Expected<DocumentLayout> locate_json(std::string_view path, std::string_view bytes,
                                     DocumentLayout layout) {
    auto close = matching_brace(bytes, layout.front_matter_begin);
    if (!close) {
        return fail(unterminated(path, bytes, layout.front_matter_begin,
                                 "unterminated JSON front matter: no '}' closes the '{' that "
                                 "opens the file"));
    }
    layout.content_begin = layout.front_matter_begin;
    layout.content_end = *close + 1;
    layout.front_matter_end = layout.body_begin = after_closing_brace(bytes, *close);
    return layout;
}

// A JSON object's first key is a string, so "{{<" (Hugo shortcode) or "{%"
// (Liquid tag) at the top of a file is body text, not front matter.
bool opens_json(std::string_view bytes, std::size_t at) {
    if (at >= bytes.size() || bytes[at] != '{')
        return false;
    std::size_t next = bytes.find_first_not_of(" \t\r\n", at + 1);
    return next == bytes.npos || bytes[next] == '"' || bytes[next] == '}';
}

}  // namespace

Expected<DocumentLayout> locate_front_matter(std::string_view path, std::string_view bytes) {
    DocumentLayout layout;
    layout.format = Format::markdown;
    layout.newline = std::string(detect_newline(bytes));
    layout.bom = bytes.starts_with(k_bom);
    std::size_t start = layout.bom ? k_bom.size() : 0;
    layout.front_matter_begin = layout.front_matter_end = start;
    layout.content_begin = layout.content_end = layout.body_begin = start;

    if (opens_json(bytes, start)) {
        layout.front_matter = FrontMatterKind::json;
        return locate_json(path, bytes, std::move(layout));
    }
    Line first = line_at(bytes, start);
    if (is_delimiter(bytes, first, "---")) {
        layout.front_matter = FrontMatterKind::yaml;
    } else if (is_delimiter(bytes, first, "+++")) {
        layout.front_matter = FrontMatterKind::toml;
    } else {
        return layout;
    }
    return locate_delimited(path, bytes, std::move(layout), first);
}

}  // namespace archtag::article
