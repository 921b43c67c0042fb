#pragma once
// Choosing the publication date among the front matter's date keys and the
// file's location, and flagging what looks wrong. Never guesses.
#include <string_view>

#include "model/article_meta.h"

namespace archtag::article {

// Fills meta.published, published_source, date_candidates and date flags.
void choose_publication_date(const FieldMap& fields, std::string_view path,
                             const std::vector<std::string>& date_keys, ArticleMeta& meta);

}  // namespace archtag::article
