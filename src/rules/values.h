#pragma once
// Internal to src/rules: attribute values of rule files. Errors say what was
// expected; the caller adds the attribute, its value and where it was written.
#include <string_view>
#include <vector>

#include "model/format.h"
#include "rules/rule_set.h"
#include "util/expected.h"

namespace archtag::rules {

// YYYY-MM-DD, an ISO timestamp, era:current, era:ID or era:ID:end.
Expected<DateRef> parse_date_ref(std::string_view text);
Expected<YesNo> parse_yes_no(std::string_view text);
Expected<std::vector<Format>> parse_formats(std::string_view text);
// "a, b ,c" -> {"a", "b", "c"}; empty items are dropped.
std::vector<std::string> split_commas(std::string_view text);

}  // namespace archtag::rules
