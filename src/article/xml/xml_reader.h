#pragma once
// Reading an XML article: NITF, NewsML-G2, JATS, Atom or RSS 2.0.
#include <cstddef>
#include <string_view>

#include "article/article.h"
#include "util/expected.h"

namespace archtag::article {

// Larger XML files are refused unread.
inline constexpr std::size_t k_max_xml_bytes = 32u * 1024 * 1024;

// Parses one XML article. The layout gives the declared encoding (utf-8,
// iso-8859-1 or windows-1252), BOM, line ending and the exact byte spans of
// the vocabulary's anchor elements in the original bytes; fields use the
// canonical keys; dates are in the vocabulary's order of trust.
//
// Refused, as this file's error: files over 32 MiB, a DOCTYPE declaring
// entities, elements nested deeper than the parser can take (98), XML that
// is not well-formed, and a root element of no known vocabulary. Never
// throws.
Expected<Document> parse_xml(std::string_view path, std::string_view bytes);

}  // namespace archtag::article
