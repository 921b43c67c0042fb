#include "stamp/front_matter.h"

#include <fmt/format.h>

#include <optional>

#include "stamp/escape.h"
#include "stamp/lines.h"
#include "stamp/markers.h"
#include "util/error.h"
#include "util/strings.h"

namespace archtag::stamp::detail {

namespace {

// The content lines between the delimiter lines: [open_end, close_begin).
struct Span {
    std::size_t open_end = 0;
    std::size_t close_begin = 0;
};

Span delimited_span(std::string_view bytes, const DocumentLayout& layout) {
    Span span;
    span.open_end = line_at(bytes, layout.front_matter_begin).next;
    std::size_t end = std::min(layout.front_matter_end, bytes.size());
    if (end > 0 && bytes[end - 1] == '\n')
        --end;
    if (end > 0 && bytes[end - 1] == '\r')
        --end;
    std::size_t nl = end == 0 ? std::string_view::npos : bytes.rfind('\n', end - 1);
    span.close_begin = nl == std::string_view::npos ? 0 : nl + 1;
    span.close_begin = std::max(span.close_begin, span.open_end);
    return span;
}

char key_separator(FrontMatterKind kind) {
    return kind == FrontMatterKind::toml ? '=' : ':';
}

Style style_of(FrontMatterKind kind) {
    return kind == FrontMatterKind::toml   ? Style::toml_line
           : kind == FrontMatterKind::json ? Style::json_member
                                           : Style::yaml_line;
}

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

std::size_t skip_blanks(std::string_view s, std::size_t i) {
    while (i < s.size() && is_blank(s[i]))
        ++i;
    return i;
}

bool is_toml_table_header(std::string_view line) {
    std::string_view t = trim(line);
    std::size_t close = t.rfind(']');
    if (!t.starts_with('[') || close == std::string_view::npos)
        return false;
    std::string_view after = trim(t.substr(close + 1));
    return after.empty() || after.starts_with('#');
}

// Whether `line` defines top-level `key` (bare, "quoted" or 'quoted').
bool defines_key(std::string_view line, const std::string& key, char separator) {
    for (const std::string& form : {key, "\"" + key + "\"", "'" + key + "'"}) {
        if (!line.starts_with(form))
            continue;
        std::size_t i = skip_blanks(line, form.size());
        if (i < line.size() && line[i] == separator)
            return true;
    }
    return false;
}

bool inside_any(const std::vector<Found>& found, std::size_t pos) {
    for (const Found& f : found)
        if (pos >= f.begin && pos < f.end)
            return true;
    return false;
}

Error key_clash(std::string_view bytes, std::size_t pos, const std::string& key) {
    LineColumn at = line_column_at(bytes, pos);
    return make_error_at(
        {}, at.line, at.column,
        fmt::format("front matter already has key '{}' that archtag did not write", key),
        line_of(bytes, at.line));
}

std::string value_text(std::string_view value) {
    value = trim(value);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        return unescape_quoted(value.substr(1, value.size() - 2));
    return std::string(value);
}

Expected<std::vector<Found>> find_line_stamps(std::string_view bytes,
                                              const DocumentLayout& layout) {
    std::vector<Found> found;
    Span span = delimited_span(bytes, layout);
    int number = line_column_at(bytes, span.open_end).line;
    for (std::size_t pos = span.open_end; pos < span.close_begin; ++number) {
        LineSpan line = line_at(bytes, pos);
        pos = line.next;
        std::string_view text = content(bytes, line);
        std::optional<LineMarker> marker = parse_line_marker(text);
        if (!marker || text.empty() || is_blank(text[0]))
            continue;
        if (marker->tag.version != k_version)
            return fail(make_error_at(
                {}, number, static_cast<int>(text.rfind(' ')) + 2,  // at "v<version>"
                fmt::format("archtag stamp '{}' has unknown version v{} (this archtag writes v{})",
                            to_string(marker->tag.kind), marker->tag.version, k_version),
                std::string(text)));
        std::string_view entry = text.substr(0, marker->at);
        std::size_t sep = entry.find(key_separator(layout.front_matter));
        std::string value = value_text(sep == std::string_view::npos ? "" : entry.substr(sep + 1));
        found.push_back(Found{marker->tag.kind, style_of(layout.front_matter), line.begin,
                              line.next, marker->tag.version, number, std::move(value)});
    }
    return found;
}

// A JSON string starting at `quote`: its raw contents and one past its end.
struct JsonString {
    std::string_view raw;
    std::size_t end = 0;
};

std::optional<JsonString> json_string_at(std::string_view s, std::size_t quote) {
    if (quote >= s.size() || s[quote] != '"')
        return std::nullopt;
    for (std::size_t i = quote + 1; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
        } else if (s[i] == '"') {
            return JsonString{s.substr(quote + 1, i - quote - 1), i + 1};
        } else if (s[i] == '\n') {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

// An archtag member right at `pos`: line ending, indentation, "key": "value"
// and its comma if any.
std::optional<Found> json_member_at(std::string_view s, std::size_t pos,
                                    const FrontMatterKeys& keys) {
    std::size_t i = pos;
    if (s.substr(i).starts_with("\r\n"))
        i += 2;
    else if (s.substr(i).starts_with("\n"))
        i += 1;
    else
        return std::nullopt;
    std::size_t member = skip_blanks(s, i);
    std::optional<JsonString> key = json_string_at(s, member);
    if (!key)
        return std::nullopt;
    std::string name = unescape_quoted(key->raw);
    if (name != keys.archival && name != keys.age)
        return std::nullopt;
    std::size_t colon = skip_blanks(s, key->end);
    if (colon >= s.size() || s[colon] != ':')
        return std::nullopt;
    std::optional<JsonString> value = json_string_at(s, skip_blanks(s, colon + 1));
    if (!value)
        return std::nullopt;
    std::size_t end = value->end < s.size() && s[value->end] == ',' ? value->end + 1 : value->end;
    NoticeKind kind = name == keys.archival ? NoticeKind::archival : NoticeKind::age;
    return Found{kind,
                 Style::json_member,
                 pos,
                 end,
                 k_version,
                 line_column_at(s, member).line,
                 unescape_quoted(value->raw)};
}

std::size_t json_brace(std::string_view bytes, const DocumentLayout& layout) {
    std::size_t brace = bytes.find('{', layout.front_matter_begin);
    return brace < layout.front_matter_end ? brace : std::string_view::npos;
}

std::vector<Found> find_json_stamps(std::string_view bytes, const DocumentLayout& layout,
                                    const FrontMatterKeys& keys) {
    std::vector<Found> found;
    std::size_t brace = json_brace(bytes, layout);
    if (brace == std::string_view::npos)
        return found;
    for (std::size_t pos = brace + 1;;) {
        std::optional<Found> member = json_member_at(bytes, pos, keys);
        if (!member)
            break;
        pos = member->end;
        found.push_back(std::move(*member));
    }
    return found;
}

Status check_json_key(std::string_view bytes, const DocumentLayout& layout,
                      const std::vector<Found>& found, const std::string& key) {
    std::string quoted = "\"" + escape_quoted(key) + "\"";
    std::size_t end = std::min(layout.front_matter_end, bytes.size());
    for (std::size_t at = bytes.find(quoted, layout.front_matter_begin); at < end;
         at = bytes.find(quoted, at + 1)) {
        if (inside_any(found, at) || (at > 0 && bytes[at - 1] == '\\'))
            continue;
        std::size_t colon = at + quoted.size();
        while (colon < end &&
               (is_blank(bytes[colon]) || bytes[colon] == '\r' || bytes[colon] == '\n'))
            ++colon;
        if (colon < end && bytes[colon] == ':')
            return fail(key_clash(bytes, at, key));
    }
    return ok();
}

bool json_object_continues(std::string_view original, std::size_t pos) {
    std::size_t next = original.find_first_not_of(" \t\r\n", pos);
    return next != std::string_view::npos && original[next] != '}';
}

}  // namespace

Expected<std::vector<Found>> find_front_matter_stamps(std::string_view bytes,
                                                      const DocumentLayout& layout,
                                                      const FrontMatterKeys& keys) {
    switch (layout.front_matter) {
        case FrontMatterKind::none:
            return std::vector<Found>{};
        case FrontMatterKind::json:
            return find_json_stamps(bytes, layout, keys);
        case FrontMatterKind::yaml:
        case FrontMatterKind::toml:
            return find_line_stamps(bytes, layout);
    }
    return std::vector<Found>{};
}

Status check_front_matter_key(std::string_view bytes, const DocumentLayout& layout,
                              const std::vector<Found>& found, const std::string& key) {
    if (layout.front_matter == FrontMatterKind::json)
        return check_json_key(bytes, layout, found, key);
    Span span = delimited_span(bytes, layout);
    for (std::size_t pos = span.open_end; pos < span.close_begin;) {
        LineSpan line = line_at(bytes, pos);
        pos = line.next;
        std::string_view text = content(bytes, line);
        if (layout.front_matter == FrontMatterKind::toml && is_toml_table_header(text))
            break;
        if (!inside_any(found, line.begin) &&
            defines_key(text, key, key_separator(layout.front_matter)))
            return fail(key_clash(bytes, line.begin, key));
    }
    return ok();
}

Expected<std::size_t> front_matter_anchor(std::string_view original, const DocumentLayout& layout) {
    if (layout.front_matter == FrontMatterKind::json) {
        std::size_t brace = json_brace(original, layout);
        if (brace == std::string_view::npos)
            return fail(make_error({}, "JSON front matter has no '{' to put the stamp after"));
        return brace + 1;
    }
    Span span = delimited_span(original, layout);
    if (layout.front_matter == FrontMatterKind::toml) {
        // Keys after a [table] header would belong to that table.
        for (std::size_t pos = span.open_end; pos < span.close_begin;) {
            LineSpan line = line_at(original, pos);
            if (is_toml_table_header(content(original, line)))
                return line.begin;
            pos = line.next;
        }
    }
    return span.close_begin;
}

std::string render_front_matter_stamp(std::string_view original, const DocumentLayout& layout,
                                      const Notice& notice, const std::string& key, Slot slot) {
    std::string value = escape_quoted(plain_text(notice));
    switch (layout.front_matter) {
        case FrontMatterKind::json: {
            bool comma = !slot.last || json_object_continues(original, slot.anchor);
            return fmt::format("{}  \"{}\": \"{}\"{}", layout.newline, escape_quoted(key), value,
                               comma ? "," : "");
        }
        case FrontMatterKind::toml:
            return fmt::format("{} = \"{}\" # {}{}", key, value, tag_text(notice.kind),
                               layout.newline);
        case FrontMatterKind::yaml:
        case FrontMatterKind::none:
            break;
    }
    return fmt::format("{}: \"{}\" # {}{}", key, value, tag_text(notice.kind), layout.newline);
}

}  // namespace archtag::stamp::detail
