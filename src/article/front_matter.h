#pragma once
// Finding the front matter block of a Markdown file: which kind it is and
// the exact byte spans of its delimiters, content and the body after it.
#include <string_view>

#include "model/article_meta.h"
#include "util/expected.h"

namespace archtag::article {

// Fills every field of DocumentLayout for a Markdown file. The only error is
// an opening delimiter with no closing one.
Expected<DocumentLayout> locate_front_matter(std::string_view path, std::string_view bytes);

}  // namespace archtag::article
