#pragma once
#include <optional>
#include <string_view>

namespace archtag {

enum class Format { markdown, html, xml };

std::string_view to_string(Format f);
// By file name extension: .md .markdown .mdown .mkd -> markdown; .html .htm
// .shtml -> html; .xml .nitf .newsml -> xml; anything else -> nullopt.
std::optional<Format> format_from_path(std::string_view path);

}  // namespace archtag
