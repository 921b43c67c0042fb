#include "stamp/markup_scan.h"

#include <array>

#include "util/strings.h"

namespace archtag::stamp::detail {

namespace {

constexpr std::array<std::string_view, 9> k_raw_text{
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"};

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' ||
           c == '-' || c == '_' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

std::size_t past(std::string_view bytes, std::size_t from, std::string_view terminator) {
    std::size_t at = bytes.find(terminator, from);
    return at == std::string_view::npos ? bytes.size() : at + terminator.size();
}

// One past the "-->" of the comment at `pos`; "<!-->" and "<!--->" are
// complete (empty) comments in HTML.
std::size_t comment_end(std::string_view bytes, std::size_t pos) {
    std::string_view rest = bytes.substr(pos + 4);
    if (rest.starts_with(">"))
        return pos + 5;
    if (rest.starts_with("->"))
        return pos + 6;
    return past(bytes, pos + 4, "-->");
}

std::string read_name(std::string_view bytes, std::size_t pos) {
    std::size_t end = pos;
    while (end < bytes.size() && is_name_char(bytes[end]))
        ++end;
    return std::string(bytes.substr(pos, end - pos));
}

// One past the '>' that ends the tag at `pos`, skipping quoted values.
std::size_t tag_end(std::string_view bytes, std::size_t pos) {
    char quote = '\0';
    for (std::size_t i = pos + 1; i < bytes.size(); ++i) {
        char c = bytes[i];
        if (quote != '\0') {
            if (c == quote)
                quote = '\0';
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return bytes.size();
}

bool is_raw_text(std::string_view name) {
    for (std::string_view raw : k_raw_text)
        if (iequals(raw, name))
            return true;
    return false;
}

// Where the HTML raw-text element opened by `start` ends its text.
std::size_t raw_text_end(std::string_view bytes, const TagToken& start) {
    std::size_t at = ifind(bytes, "</" + std::string(start.name), start.end);
    return at == std::string_view::npos ? bytes.size() : at;
}

}  // namespace

TagToken read_tag(std::string_view bytes, std::size_t pos) {
    std::string_view rest = bytes.substr(pos);
    TagToken t;
    t.begin = pos;
    if (rest.starts_with("<!--")) {
        t.kind = TagKind::comment;
        t.end = comment_end(bytes, pos);
    } else if (rest.starts_with("<![CDATA[")) {
        t.kind = TagKind::cdata;
        t.end = past(bytes, pos, "]]>");
    } else if (rest.starts_with("<?")) {
        t.kind = TagKind::other;
        t.end = past(bytes, pos, "?>");
    } else if (rest.starts_with("<!")) {
        t.kind = TagKind::other;
        t.end = past(bytes, pos, ">");
    } else if (rest.starts_with("</") && rest.size() > 2 && is_letter(rest[2])) {
        t.kind = TagKind::end;
        t.name = read_name(bytes, pos + 2);
        t.end = past(bytes, pos, ">");
    } else if (rest.size() > 1 && is_letter(rest[1])) {
        t.name = read_name(bytes, pos + 1);
        t.end = tag_end(bytes, pos);
        bool closed = t.end >= 2 && t.end <= bytes.size() && bytes[t.end - 1] == '>' &&
                      bytes[t.end - 2] == '/';
        t.kind = closed ? TagKind::self_closing : TagKind::start;
    } else {
        t.end = pos + 1;
    }
    return t;
}

std::size_t element_end(std::string_view bytes, const TagToken& start) {
    if (start.kind != TagKind::start)
        return start.end;
    int depth = 1;
    for (std::size_t pos = bytes.find('<', start.end); pos != std::string_view::npos;) {
        TagToken t = read_tag(bytes, pos);
        if (t.name == start.name && t.kind == TagKind::start)
            ++depth;
        else if (t.name == start.name && t.kind == TagKind::end && --depth == 0)
            return t.end;
        pos = bytes.find('<', t.end);
    }
    return bytes.size();
}

std::string_view local_name(std::string_view name) {
    std::size_t colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::optional<MarkerComment> next_marker(std::string_view bytes, std::size_t from, Markup markup) {
    for (std::size_t pos = bytes.find('<', from); pos != std::string_view::npos;) {
        TagToken t = read_tag(bytes, pos);
        if (t.kind == TagKind::comment) {
            std::string_view comment = bytes.substr(t.begin, t.end - t.begin);
            std::optional<BeginMarker> begin = parse_begin_marker(comment);
            if (begin && begin->leading == OwnsLeadingNewline::no)
                return MarkerComment{t.begin, t.end, begin->tag, std::nullopt};
            if (std::optional<NoticeKind> end = parse_end_marker(comment))
                return MarkerComment{t.begin, t.end, std::nullopt, end};
        }
        std::size_t next = t.end;
        if (markup == Markup::html && t.kind == TagKind::start && is_raw_text(t.name))
            next = raw_text_end(bytes, t);
        pos = bytes.find('<', next);
    }
    return std::nullopt;
}

std::vector<ChildElement> child_elements(std::string_view bytes, std::size_t from, std::size_t to) {
    std::vector<ChildElement> out;
    std::string_view content = bytes.substr(0, to);
    for (std::size_t pos = content.find('<', from); pos != std::string_view::npos;) {
        TagToken t = read_tag(content, pos);
        std::size_t end = t.end;
        if (t.kind == TagKind::start || t.kind == TagKind::self_closing) {
            end = element_end(content, t);
            out.push_back({t.name, t.begin, end});
        }
        pos = content.find('<', end);
    }
    return out;
}

}  // namespace archtag::stamp::detail
