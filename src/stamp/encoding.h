#pragma once
// The character encodings HTML and XML stamps are written in. Notices are
// UTF-8; a document declared in a single-byte encoding gets the characters
// that encoding has as its own bytes and every other one as a numeric
// character reference (&#8217;), so the stamp reads the same everywhere.
#include <optional>
#include <string>
#include <string_view>

namespace archtag::stamp::detail {

enum class Encoding {
    utf8,
    latin1,        // ISO-8859-1
    windows1252,   // ISO-8859-1 with printable characters in 0x80-0x9F
    ascii_compat,  // any other ASCII-compatible encoding: ASCII plus references
};

// By the lower-case name in DocumentLayout::encoding ("" means UTF-8).
// nullopt for encodings where ASCII is not ASCII (UTF-16, UTF-32, EBCDIC).
std::optional<Encoding> encoding_from_name(std::string_view name);

// UTF-8 `text` in `encoding`. Invalid UTF-8 becomes U+FFFD.
std::string encode_for(std::string_view utf8, Encoding encoding);
// Bytes in `encoding` as UTF-8 (references are left as they are).
std::string decode_from(std::string_view bytes, Encoding encoding);

// Decodes one UTF-8 sequence at `pos`, advancing it; U+FFFD when invalid.
char32_t next_code_point(std::string_view utf8, std::size_t& pos);
void append_utf8(std::string& out, char32_t cp);

}  // namespace archtag::stamp::detail
