#pragma once
// One outcome per article, for the chart, the table and the CSV. An article
// both stamped and flagged counts as stamped here (and as flagged in the
// summary's `flagged`).
#include <string_view>

#include "model/result.h"

namespace archtag::report {

enum class Outcome { stamped, updated, removed, unchanged, flagged, error };

Outcome outcome_of(const ArticleResult& r);
// "stamped", "updated", "removed", "unchanged", "flagged", "error"
std::string_view to_string(Outcome o);

}  // namespace archtag::report
