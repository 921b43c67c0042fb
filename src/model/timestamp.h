#pragma once
// A publication date exactly as an article states it. The stated local date,
// time of day and offset are kept apart so a report can print the date as the
// article wrote it (its own offset, date-only stays date-only), while the
// rules compare instants in the publication's time zone.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "util/expected.h"

namespace archtag {

using Instant = std::chrono::sys_seconds;

struct Timestamp {
    std::chrono::year_month_day date{};
    std::optional<std::chrono::seconds> time_of_day;  // absent: date only
    std::optional<std::chrono::minutes> offset;       // absent: no zone stated
    bool zulu = false;                                // offset written as "Z"
    std::string fraction;                             // ".000" as written, or ""
    std::string text;                                 // the source text, verbatim

    bool date_only() const { return !time_of_day.has_value(); }
    // ISO 8601 in the article's own terms: 2014-03-12, 2015-01-12T09:00:00,
    // 2014-03-12T10:11:00-04:00, 2019-01-01T00:00:00.000Z.
    std::string iso() const;
};

// Parses the date forms archives really use: 2014-03-12, 2015-1-12 9:00,
// 2013-02-06 00:00:00 +0000, 2015-03-17 14:00:00 -4, 2014-03-12T10:11:00-04:00,
// ...T00:00:00.000Z, 20131020T192751+1100; surrounding quotes are ignored.
// Impossible dates (2015-02-30, hour 25) are errors that say so.
Expected<Timestamp> parse_timestamp(std::string_view text);

// "2018-02-23" -> year_month_day; anything else is an error.
Expected<std::chrono::year_month_day> parse_calendar_date(std::string_view text);

std::string format_date(std::chrono::year_month_day d);  // 2018-02-23
// "February 23, 2018"
std::string format_date_long(std::chrono::year_month_day d);

}  // namespace archtag
