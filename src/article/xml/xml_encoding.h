#pragma once
// The character encoding an XML article declares, and the UTF-8 text
// TinyXML-2 needs. Transcoding keeps every line on its line, so line numbers
// from the parser are line numbers in the original file.
#include <optional>
#include <string>
#include <string_view>

#include "util/expected.h"

namespace archtag::article::xml {

// The encoding named by the XML declaration, lower case and canonical:
// "utf-8" (also when there is no declaration), "iso-8859-1" or
// "windows-1252". Anything else is an error saying what is supported.
Expected<std::string> declared_encoding(std::string_view bytes);

// `bytes` in `encoding` (one of the canonical names above) as UTF-8.
std::string to_utf8(std::string_view bytes, std::string_view encoding);

// Offset of the first byte that is not part of valid UTF-8, if any.
std::optional<std::size_t> first_invalid_utf8_byte(std::string_view bytes);

}  // namespace archtag::article::xml
