#pragma once
// Choosing the publication date among the front matter's date keys and the
// file's location, and flagging what looks wrong. Never guesses.
#include <string_view>

#include "model/article_meta.h"

namespace archtag::article {

// Fills meta.published, published_source, date_candidates and date flags.
void choose_publication_date(const FieldMap& fields, std::string_view path,
                             const std::vector<std::string>& date_keys, ArticleMeta& meta);

// HTML and XML: the readers list every date they found, most trusted first.
// The first believable publication date wins; modified dates never do. Two
// high-confidence publication dates more than a day apart are a conflict.
void choose_from_candidates(const std::vector<DateCandidate>& dates, ArticleMeta& meta);

}  // namespace archtag::article
