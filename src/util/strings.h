#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace archtag {

std::string_view trim(std::string_view s);
std::string to_lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
// Where `needle` first occurs in `haystack` at or after `from`, ignoring ASCII
// case; npos if nowhere. Copies nothing (to_lower(rest).find() on every
// <script> of a page made reading it quadratic).
std::size_t ifind(std::string_view haystack, std::string_view needle, std::size_t from = 0);
std::vector<std::string> split(std::string_view s, char sep);
// Splits on runs of ASCII white space; empty pieces are dropped.
std::vector<std::string> split_words(std::string_view s);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
void replace_all(std::string& s, std::string_view from, std::string_view to);
// Edit distance, for "did you mean" suggestions.
std::size_t levenshtein(std::string_view a, std::string_view b);
// The candidate closest to `word`, or "" when none is close enough.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
// "\r\n" when the first line ending in `text` is CRLF, "\n" otherwise.
std::string_view detect_newline(std::string_view text);
// 1,234,567
std::string with_thousands(std::size_t n);
// Whether git would take these bytes for binary content when no attribute
// says: a NUL byte among the first 8000 bytes (git's buffer_is_binary).
bool looks_binary(std::string_view bytes);

}  // namespace archtag
