#pragma once
// A unified diff of what a plan's byte edits do to a file, for people: the
// HTML report shows it per article. Pure: the bytes and edits are inputs.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/edit.h"

namespace archtag::report {

// Unchanged lines shown around each change.
constexpr std::size_t k_diff_context = 2;
// A larger diff is cut at a line boundary and ends with a note.
constexpr std::size_t k_diff_cap = 64 * 1024;

// `--- a/<path>` / `+++ b/<path>` and one `@@` hunk per group of nearby edits.
// Line endings are not shown ("\r\n" and "\n" both end a line); a last line
// without one is followed by "\ No newline at end of file". No edits: "".
std::string unified_diff(std::string_view path, std::string_view before,
                         const std::vector<Edit>& edits, std::size_t context = k_diff_context,
                         std::size_t cap = k_diff_cap);

}  // namespace archtag::report
