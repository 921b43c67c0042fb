#pragma once
// Cheap checks that a file is text at all, before any parser sees it.
#include <cstddef>
#include <optional>
#include <string_view>

namespace archtag::article {

// True when a NUL byte occurs in the first 8000 bytes (as git decides).
bool looks_binary(std::string_view bytes);

// Offset of the first byte that starts an invalid UTF-8 sequence (stray
// continuation, overlong form, surrogate, beyond U+10FFFF, or cut short).
std::optional<std::size_t> first_invalid_utf8(std::string_view bytes);

}  // namespace archtag::article
