#pragma once
// Reading dates as web pages and feeds write them, beyond ISO 8601:
// "November 19, 2019, 07:47 PM EST", "19 Nov 2019 07:09 GMT",
// "Wed Nov 20 2019 09:28:00 GMT+0000 (UTC)", "19. Dezember 2014",
// "19 de diciembre de 2014", "19/12/2014" (day and month order from the
// page's language), "14-12-29". The stated local date, time and offset are
// kept as written; nothing is shifted to UTC.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "model/timestamp.h"
#include "util/expected.h"

namespace archtag::article {

struct DateText {
    Timestamp timestamp;     // `text` is the date as written
    bool ambiguous = false;  // the day/month order of a numeric date was guessed
    std::string note;        // why it is ambiguous, or ""
    std::size_t begin = 0;   // where the date starts in the text searched
};

// A date read without doubt.
inline DateText plain_date_text(Timestamp ts) {
    DateText d;
    d.timestamp = std::move(ts);
    return d;
}

// How a page's language writes numeric dates such as 03/04/2014.
enum class NumericOrder { day_first, month_first, unknown };

// en-US (and en-PH) month first; other regional English and every other
// language day first; bare "en" and "" are unknown.
NumericOrder numeric_order_for(std::string_view language);

// The whole of `text` is one date, possibly with a time and zone; blanks
// around it and a trailing parenthesised zone name are allowed. Month names
// are English, German, French and Spanish whatever `language` says.
Expected<DateText> parse_date_text(std::string_view text, std::string_view language);

// The first date written in running text ("Posted on December 19, 2014 by
// Ann"), or nullopt.
std::optional<DateText> find_date_in_text(std::string_view text, std::string_view language);

// Dates that content systems write when they have none: 1970-01-01 (and
// 1969-12-31, the epoch west of Greenwich), 1900-01-01, 0001-01-01, and
// text such as 0000-00-00.
bool is_placeholder_date(const Timestamp& ts);
bool is_placeholder_text(std::string_view text);

}  // namespace archtag::article
