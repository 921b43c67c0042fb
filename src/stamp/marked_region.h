#pragma once
// Comment-delimited stamps in HTML and XML (docs/stamp-format.md, "HTML"):
//   <!-- archtag:<kind> v1 -->MARKUP<!-- /archtag:<kind> -->
// written on a line of its own (indented like its neighbours, ended with the
// file's newline, both owned by the stamp) when its anchor starts a line,
// else inline with nothing around it.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "stamp/dialect.h"
#include "stamp/markup_scan.h"

namespace archtag::stamp::detail {

// The plain text of the markup between a stamp's markers.
using TextOf = std::function<std::string(std::string_view markup)>;

Expected<std::vector<Found>> find_marked_stamps(std::string_view bytes, bool bom, Markup markup,
                                                Style style, const TextOf& text_of);

// Where a stamp meant for `pos` goes: the start of pos's line when only
// blanks precede it there; the start of the next line when only blanks
// follow it up to a line ending; else `pos` itself (inline).
std::size_t line_anchor(std::string_view original, std::size_t pos, bool bom);

// The stamp's bytes at `anchor` (a line_anchor) in the unstamped bytes.
std::string place_marked(std::string_view original, const DocumentLayout& layout, NoticeKind kind,
                         std::string_view markup, std::size_t anchor);

}  // namespace archtag::stamp::detail
