#pragma once
// Age arithmetic for the age notice ("This article is more than 9 years old")
// and for <age> conditions. Pure: both ends are inputs.
#include <optional>
#include <string>
#include <string_view>

#include "model/policy.h"
#include "model/timestamp.h"
#include "util/expected.h"

namespace archtag::rules {

// A whole number of years or months, e.g. {9, year}.
struct AgePhrase {
    int count = 0;
    enum class Unit { year, month } unit = Unit::year;

    friend bool operator==(const AgePhrase&, const AgePhrase&) = default;
};

// Full calendar years between two local days (N years from the Nth
// anniversary on; a Feb 29 anniversary in a common year is Mar 1), else full
// calendar months. None below `minimum`; a zero minimum means one month.
std::optional<AgePhrase> calendar_age(Day published_local, Day as_of_local, AgeThreshold minimum);

// The arithmetic of theguardian.com (dotcom-rendering): 365-day years and
// 31-day months over elapsed seconds, nothing under 30 days.
std::optional<AgePhrase> guardian_age(Instant published, Instant as_of);

// `day` moved forward by `span`: years and months first (a day past the end
// of the month rolls over into the next), then days.
Day add_span(Day day, AgeThreshold span);

// "9y", "6m", "30d", "1y6m": digits with y, m or d, in that order, each once.
Expected<AgeThreshold> parse_span(std::string_view text);
// The inverse of parse_span: {1, 6, 0} -> "1y6m"; zero -> "0d".
std::string format_span(AgeThreshold span);

// The age words for `lang` (primary subtag, case-insensitive) from the
// policy, else the built-in English ones.
AgeUnits units_for(const Policy& policy, std::string_view lang);
// "9 years", "1 year", "2 months", "1 month".
std::string format_age(const AgePhrase& phrase, const AgeUnits& units);

}  // namespace archtag::rules
