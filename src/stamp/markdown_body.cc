// Markdown body stamps: an HTML-comment-delimited blockquote at the top of
// the body (docs/stamp-format.md, "Markdown body").
#include <fmt/format.h>

#include "stamp/dialect.h"
#include "stamp/escape.h"
#include "stamp/lines.h"
#include "stamp/markers.h"
#include "util/error.h"

namespace archtag::stamp::detail {

namespace {

// Fenced code blocks, so that marker lines shown as examples are not stamps.
class Fences {
  public:
    // Feeds one line; true when the line is part of a fence (or its delimiter).
    bool inside_after(std::string_view line) {
        std::size_t indent = 0;
        while (indent < line.size() && indent < 3 && line[indent] == ' ')
            ++indent;
        std::string_view rest = line.substr(indent);
        char c = rest.empty() ? '\0' : rest[0];
        std::size_t run = 0;
        while (run < rest.size() && rest[run] == c)
            ++run;
        bool fence = (c == '`' || c == '~') && run >= 3;
        if (m_open) {
            if (fence && c == m_char && run >= m_length &&
                rest.find_first_not_of(" \t", run) == std::string_view::npos)
                m_open = false;
            return true;
        }
        if (fence && !(c == '`' && rest.find('`', run) != std::string_view::npos)) {
            m_open = true;
            m_char = c;
            m_length = run;
            return true;
        }
        return false;
    }

  private:
    bool m_open = false;
    char m_char = '\0';
    std::size_t m_length = 0;
};

Error error_at_line(std::string_view bytes, const LineSpan& line, int number, std::string message) {
    return make_error_at({}, number, 1, std::move(message), std::string(content(bytes, line)));
}

std::string content_text(std::string_view bytes, std::size_t from, std::size_t to) {
    std::string text;
    for (std::size_t pos = from; pos < to;) {
        LineSpan line = line_at(bytes, pos);
        std::string_view quoted = content(bytes, line);
        if (quoted.starts_with(">"))
            quoted.remove_prefix(1);
        if (quoted.starts_with(" "))
            quoted.remove_prefix(1);
        if (!text.empty())
            text += ' ';
        text += plain_from_markdown(quoted);
        pos = line.next;
    }
    return text;
}

// The stamp whose begin marker is `first`, up to and including its end
// marker line and the blank line after it.
Expected<Found> read_stamp(std::string_view bytes, const LineSpan& first, int number,
                           const BeginMarker& marker) {
    NoticeKind kind = marker.tag.kind;
    std::string name(to_string(kind));
    if (marker.tag.version != k_version)
        return fail(error_at_line(
            bytes, first, number,
            fmt::format("archtag stamp '{}' has unknown version v{} (this archtag writes v{})",
                        name, marker.tag.version, k_version)));
    for (std::size_t pos = first.next; pos < bytes.size();) {
        LineSpan line = line_at(bytes, pos);
        std::string_view text = content(bytes, line);
        if (parse_end_marker(text) == kind) {
            std::size_t end = line.next;
            LineSpan blank = line_at(bytes, end);
            if (end < bytes.size() && blank.empty() && blank.has_ending())
                end = blank.next;
            std::size_t begin = first.begin;
            if (marker.leading == OwnsLeadingNewline::yes && begin > 0 && bytes[begin - 1] == '\n')
                begin -= (begin > 1 && bytes[begin - 2] == '\r') ? 2 : 1;
            return Found{kind,
                         Style::markdown_body,
                         begin,
                         end,
                         marker.tag.version,
                         number,
                         content_text(bytes, first.next, line.begin)};
        }
        if (parse_begin_marker(text) || parse_end_marker(text))
            break;
        pos = line.next;
    }
    return fail(error_at_line(
        bytes, first, number,
        fmt::format("archtag stamp '{}' is not closed (expected {})", name, end_marker(kind))));
}

int count_lines(std::string_view bytes, std::size_t from, std::size_t to) {
    int n = 0;
    for (std::size_t i = from; i < to; ++i)
        n += bytes[i] == '\n';
    return n;
}

}  // namespace

Expected<std::vector<Found>> find_body_stamps(std::string_view bytes, std::size_t from) {
    std::vector<Found> found;
    Fences fences;
    int number = line_column_at(bytes, from).line;
    for (std::size_t pos = from; pos < bytes.size();) {
        LineSpan line = line_at(bytes, pos);
        std::string_view text = content(bytes, line);
        if (fences.inside_after(text)) {
            pos = line.next;
            ++number;
            continue;
        }
        if (std::optional<BeginMarker> marker = parse_begin_marker(text)) {
            Expected<Found> stamp = read_stamp(bytes, line, number, *marker);
            if (!stamp)
                return fail(stamp.error());
            number += count_lines(bytes, line.begin, stamp->end);
            pos = stamp->end;
            found.push_back(std::move(*stamp));
            continue;
        }
        if (std::optional<NoticeKind> kind = parse_end_marker(text))
            return fail(error_at_line(
                bytes, line, number,
                fmt::format("archtag end marker {} has no begin marker (expected {} before it)",
                            end_marker(*kind), begin_marker(*kind, OwnsLeadingNewline::no))));
        pos = line.next;
        ++number;
    }
    return found;
}

std::string render_body_stamp(std::string_view original, const DocumentLayout& original_layout,
                              const Notice& notice, Slot slot) {
    const std::string& nl = original_layout.newline;
    bool leading = slot.first && !at_line_start(original, slot.anchor, original_layout.bom);
    std::string line = escape_markdown(notice.text);
    std::string url = escape_link_url(notice.link_url);
    if (!url.empty()) {
        std::string link_text = escape_markdown(notice.link_text);
        if (link_text.empty())
            link_text = escape_markdown(notice.link_url);
        line += fmt::format("{}[{}]({})", line.empty() ? "" : " ", link_text, url);
    }
    std::string out = leading ? nl : "";
    out += begin_marker(notice.kind, leading ? OwnsLeadingNewline::yes : OwnsLeadingNewline::no);
    out += fmt::format("{}> {}{}{}{}{}", nl, line, nl, end_marker(notice.kind), nl, nl);
    return out;
}

}  // namespace archtag::stamp::detail
