#pragma once
// Front matter content -> flattened fields, one reader per syntax. Each
// turns its parser's errors (exceptions, or libyaml's error state) into
// positions in the file's lines.
#include <string>
#include <string_view>

#include "model/article_meta.h"
#include "util/error.h"
#include "util/expected.h"

namespace archtag::article {

// The front matter content of one file and where it sits in that file.
struct FrontMatterText {
    std::string_view path;
    std::string_view file;     // the whole file
    std::string_view content;  // the bytes between the delimiters
    int first_line = 1;        // file line of content's first byte
    bool bom = false;          // the file starts with a BOM (not a column)
};

FrontMatterText front_matter_text(std::string_view path, std::string_view file,
                                  const DocumentLayout& layout);

Expected<FieldMap> read_yaml_fields(const FrontMatterText& fm);
Expected<FieldMap> read_toml_fields(const FrontMatterText& fm);
Expected<FieldMap> read_json_fields(const FrontMatterText& fm);

// An error at a 1-based line and column of the content, in file terms. A
// line of 0 means the position is unknown.
Error front_matter_error(const FrontMatterText& fm, int content_line, int column,
                         std::string message);

// "params" + "date" -> "params.date"; a top-level key keeps its name.
std::string join_key(std::string_view prefix, std::string_view key);

// Nesting deeper than this is refused rather than followed (alias loops).
inline constexpr int k_max_depth = 64;

}  // namespace archtag::article
