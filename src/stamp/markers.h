#pragma once
// The marker grammar shared by every stamp style (docs/stamp-format.md):
//   tag           archtag:<kind> v<version>        kind = archival | age
//   begin marker  <!-- archtag:<kind> v1 -->       (or "... v1 eof -->")
//   end marker    <!-- /archtag:<kind> -->
//   line marker   <line> # archtag:<kind> v1       (YAML / TOML front matter)
#include <optional>
#include <string>
#include <string_view>

#include "model/notice.h"

namespace archtag::stamp::detail {

inline constexpr int k_version = 1;

struct Tag {
    NoticeKind kind = NoticeKind::archival;
    int version = k_version;
};

// Whether the stamp also owns the line ending in front of its begin marker
// (it was inserted after a last line that had none).
enum class OwnsLeadingNewline { no, yes };

struct BeginMarker {
    Tag tag;
    OwnsLeadingNewline leading = OwnsLeadingNewline::no;
};

std::string tag_text(NoticeKind kind);  // "archtag:archival v1"
std::string begin_marker(NoticeKind kind, OwnsLeadingNewline leading);
std::string end_marker(NoticeKind kind);

// Exactly "archtag:<kind> v<digits>" (the whole of `text`).
std::optional<Tag> parse_tag(std::string_view text);
// The whole line must be the marker, nothing around it.
std::optional<BeginMarker> parse_begin_marker(std::string_view line);
std::optional<NoticeKind> parse_end_marker(std::string_view line);

struct LineMarker {
    Tag tag;
    std::size_t at = 0;  // where " # archtag:" starts in the line
};
// A line ending in " # archtag:<kind> v<digits>".
std::optional<LineMarker> parse_line_marker(std::string_view line);

}  // namespace archtag::stamp::detail
