#pragma once
#include <string_view>

namespace archtag {

// Matches a path against a glob: `*` and `?` stay within one path segment,
// `**` spans segments (`**/` also matches nothing), `[abc]`/`[!a-z]` are sets.
// A pattern without '/' matches the file name alone, as in .gitignore.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace archtag
