#pragma once
// One article of the JSON report, internal to src/report: written directly
// (article_row, what the report uses), and through nlohmann::json as the
// reference the first must match byte for byte (article_row_reference,
// for tests and for `explain --format json`, which adds fields to it).
#include <string>
#include <string_view>

#include "model/result.h"

namespace archtag::report::detail {

std::string article_row(const ArticleResult& r, std::string_view as_of);
std::string article_row_reference(const ArticleResult& r, std::string_view as_of);

}  // namespace archtag::report::detail
