#include "stamp/markers.h"

#include <fmt/format.h>

namespace archtag::stamp::detail {

namespace {

constexpr std::string_view k_open = "<!-- ";
constexpr std::string_view k_close = " -->";
constexpr std::string_view k_eof = " eof";
constexpr std::string_view k_comment = " # ";

std::optional<NoticeKind> parse_kind(std::string_view word) {
    if (word == "archival")
        return NoticeKind::archival;
    if (word == "age")
        return NoticeKind::age;
    return std::nullopt;
}

// The inside of "<!-- ... -->", when `line` is exactly such a comment.
std::optional<std::string_view> comment_body(std::string_view line) {
    if (!line.starts_with(k_open) || !line.ends_with(k_close) ||
        line.size() < k_open.size() + k_close.size())
        return std::nullopt;
    line.remove_prefix(k_open.size());
    line.remove_suffix(k_close.size());
    return line;
}

}  // namespace

std::string tag_text(NoticeKind kind) {
    return fmt::format("archtag:{} v{}", to_string(kind), k_version);
}

std::string begin_marker(NoticeKind kind, OwnsLeadingNewline leading) {
    return fmt::format("{}{}{}{}", k_open, tag_text(kind),
                       leading == OwnsLeadingNewline::yes ? k_eof : "", k_close);
}

std::string end_marker(NoticeKind kind) {
    return fmt::format("{}/archtag:{}{}", k_open, to_string(kind), k_close);
}

std::optional<Tag> parse_tag(std::string_view text) {
    constexpr std::string_view k_prefix = "archtag:";
    if (!text.starts_with(k_prefix))
        return std::nullopt;
    text.remove_prefix(k_prefix.size());
    std::size_t space = text.find(' ');
    if (space == std::string_view::npos)
        return std::nullopt;
    std::optional<NoticeKind> kind = parse_kind(text.substr(0, space));
    std::string_view version = text.substr(space + 1);
    if (!kind || version.size() < 2 || version.size() > 7 || version[0] != 'v')
        return std::nullopt;
    int number = 0;
    for (char c : version.substr(1)) {
        if (c < '0' || c > '9')
            return std::nullopt;
        number = number * 10 + (c - '0');
    }
    return Tag{*kind, number};
}

std::optional<BeginMarker> parse_begin_marker(std::string_view line) {
    std::optional<std::string_view> body = comment_body(line);
    if (!body)
        return std::nullopt;
    BeginMarker marker;
    if (body->ends_with(k_eof)) {
        body->remove_suffix(k_eof.size());
        marker.leading = OwnsLeadingNewline::yes;
    }
    std::optional<Tag> tag = parse_tag(*body);
    if (!tag)
        return std::nullopt;
    marker.tag = *tag;
    return marker;
}

std::optional<NoticeKind> parse_end_marker(std::string_view line) {
    std::optional<std::string_view> body = comment_body(line);
    constexpr std::string_view k_prefix = "/archtag:";
    if (!body || !body->starts_with(k_prefix))
        return std::nullopt;
    return parse_kind(body->substr(k_prefix.size()));
}

std::optional<LineMarker> parse_line_marker(std::string_view line) {
    std::size_t at = line.rfind(" # archtag:");
    if (at == std::string_view::npos)
        return std::nullopt;
    std::optional<Tag> tag = parse_tag(line.substr(at + k_comment.size()));
    if (!tag)
        return std::nullopt;
    return LineMarker{*tag, at};
}

}  // namespace archtag::stamp::detail
