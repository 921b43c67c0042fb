#include "stamp/marked_region.h"

#include <fmt/format.h>

#include "stamp/lines.h"
#include "util/error.h"

namespace archtag::stamp::detail {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

std::size_t line_start(std::string_view bytes, std::size_t pos, bool bom) {
    std::size_t nl = pos == 0 ? std::string_view::npos : bytes.rfind('\n', pos - 1);
    std::size_t start = nl == std::string_view::npos ? 0 : nl + 1;
    return (bom && start == 0 && pos >= 3) ? 3 : start;
}

bool blank_between(std::string_view bytes, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
        if (!is_blank(bytes[i]))
            return false;
    return true;
}

// The length of the line ending at `pos`, 0 when there is none.
std::size_t newline_at(std::string_view bytes, std::size_t pos) {
    if (bytes.substr(pos).starts_with("\n"))
        return 1;
    if (bytes.substr(pos).starts_with("\r\n"))
        return 2;
    return 0;
}

std::string_view indentation_at(std::string_view bytes, std::size_t start) {
    std::size_t end = start;
    while (end < bytes.size() && is_blank(bytes[end]))
        ++end;
    return bytes.substr(start, end - start);
}

// The indentation of the line that will follow the stamp, or of the line
// before it when the following one closes the parent (or is empty).
std::string_view indentation_for(std::string_view original, std::size_t anchor, bool bom) {
    std::string_view own = indentation_at(original, anchor);
    LineSpan line = line_at(original, anchor);
    std::string_view rest = content(original, line).substr(own.size());
    if (!rest.empty() && !rest.starts_with("</"))
        return own;
    if (at_line_start(original, anchor, bom) && anchor > (bom ? 3u : 0u))
        return indentation_at(original, line_start(original, anchor - 1, bom));
    return own;
}

Error error_at(std::string_view bytes, std::size_t pos, std::string message) {
    LineColumn at = line_column_at(bytes, pos);
    return make_error_at({}, at.line, at.column, std::move(message), line_of(bytes, at.line));
}

Expected<Found> read_stamp(std::string_view bytes, bool bom, Markup markup, Style style,
                           const TextOf& text_of, const MarkerComment& begin) {
    NoticeKind kind = begin.begin_tag->kind;
    std::string name(to_string(kind));
    if (begin.begin_tag->version != k_version)
        return fail(error_at(
            bytes, begin.begin,
            fmt::format("archtag stamp '{}' has unknown version v{} (this archtag writes v{})",
                        name, begin.begin_tag->version, k_version)));
    std::optional<MarkerComment> end = next_marker(bytes, begin.end, markup);
    if (!end || end->begin_tag || end->end_kind != kind)
        return fail(error_at(
            bytes, begin.begin,
            fmt::format("archtag stamp '{}' is not closed (expected {})", name, end_marker(kind))));
    LineColumn at = line_column_at(bytes, begin.begin);
    Found found{kind,
                style,
                begin.begin,
                end->end,
                k_version,
                at.line,
                text_of(bytes.substr(begin.end, end->begin - begin.end)),
                at.column};
    std::size_t start = line_start(bytes, begin.begin, bom);
    std::size_t newline = newline_at(bytes, end->end);
    if (newline > 0 && blank_between(bytes, start, begin.begin)) {
        found.begin = start;
        found.end = end->end + newline;
    }
    return found;
}

}  // namespace

Expected<std::vector<Found>> find_marked_stamps(std::string_view bytes, bool bom, Markup markup,
                                                Style style, const TextOf& text_of) {
    std::vector<Found> found;
    std::size_t pos = 0;
    while (std::optional<MarkerComment> marker = next_marker(bytes, pos, markup)) {
        if (marker->end_kind)
            return fail(error_at(
                bytes, marker->begin,
                fmt::format("archtag end marker {} has no begin marker (expected {} before it)",
                            end_marker(*marker->end_kind),
                            begin_marker(*marker->end_kind, OwnsLeadingNewline::no))));
        Expected<Found> stamp = read_stamp(bytes, bom, markup, style, text_of, *marker);
        if (!stamp)
            return fail(stamp.error());
        pos = stamp->end;
        found.push_back(std::move(*stamp));
    }
    return found;
}

std::size_t line_anchor(std::string_view original, std::size_t pos, bool bom) {
    pos = std::min(pos, original.size());
    std::size_t start = line_start(original, pos, bom);
    if (blank_between(original, start, pos))
        return start;
    std::size_t after = pos;
    while (after < original.size() && is_blank(original[after]))
        ++after;
    if (std::size_t newline = newline_at(original, after))
        return after + newline;
    return pos;
}

std::string place_marked(std::string_view original, const DocumentLayout& layout, NoticeKind kind,
                         std::string_view markup, std::size_t anchor) {
    std::string marked = begin_marker(kind, OwnsLeadingNewline::no);
    marked += markup;
    marked += end_marker(kind);
    if (!at_line_start(original, anchor, layout.bom))
        return marked;
    return fmt::format("{}{}{}", indentation_for(original, anchor, layout.bom), marked,
                       layout.newline);
}

}  // namespace archtag::stamp::detail
