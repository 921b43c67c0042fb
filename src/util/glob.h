#pragma once
#include <string_view>

namespace archtag {

// Matches a path against a glob: `*` and `?` stay within one path segment,
// `**` spans segments (`**/` also matches nothing), `[abc]`/`[!a-z]` are sets.
// A pattern without '/' matches the file name alone, as in .gitignore.
bool glob_match(std::string_view pattern, std::string_view path);

// Matches any text that is not a path (a field value, a URL): `*` and `?`
// match every character, '/' included.
bool glob_match_text(std::string_view pattern, std::string_view text);

}  // namespace archtag
