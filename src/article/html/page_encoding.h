#pragma once
// Which character encoding a page is in, and its text as UTF-8 for the HTML
// parser with a way back to the original byte offsets.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "util/expected.h"

namespace archtag::article {

// The charset a page declares: <meta charset>, <meta http-equiv=Content-Type
// content="...; charset=...">, or an XML declaration, within its first 4096
// bytes. Lower case label as written, or "" when none.
std::string declared_charset(std::string_view bytes);

// The page's encoding: "utf-8", "iso-8859-1" or "windows-1252". A BOM wins
// over a declaration; without either, valid UTF-8 is UTF-8 and anything
// else is read as windows-1252. An encoding archtag cannot stamp safely
// (shift_jis, utf-16, ...) is an error naming the label.
Expected<std::string> page_encoding(std::string_view path, std::string_view bytes);

// Latin-1 / windows-1252 text as UTF-8, remembering how to map offsets back.
class Transcoded {
  public:
    explicit Transcoded(std::string_view latin);
    const std::string& utf8() const { return m_utf8; }
    // Offset in the original bytes of the character at `utf8_offset`.
    std::size_t original_offset(std::size_t utf8_offset) const;

  private:
    std::string m_utf8;
    // For every non-ASCII source byte: where its UTF-8 form ends, and how
    // many bytes longer the UTF-8 text is up to there.
    std::vector<std::size_t> m_ends;
    std::vector<std::size_t> m_growth;
};

}  // namespace archtag::article
