#pragma once
// The date forms XML news formats use: ISO 8601 extended and basic
// (2013-10-20T19:27:51+11:00, 20131020T192751+1100, 20131020T1927Z,
// 20131020), W3C partial dates (2003, 2003-06), RFC 822 (RSS pubDate:
// "Tue, 10 Jun 2003 04:00:00 GMT") and JATS day/month/year parts.
#include <string_view>

#include "model/timestamp.h"
#include "util/expected.h"

namespace archtag::article::xml {

// How much of the date the text gave; a partial date is read as its first
// day, which is worth saying when it is used.
enum class DatePrecision { day, month, year };

struct XmlDate {
    Timestamp timestamp;
    DatePrecision precision = DatePrecision::day;
};

// Any of the forms above. Text starting with a four-digit year is read as
// ISO 8601; anything else as RFC 822. A date without a zone keeps none.
Expected<XmlDate> read_xml_date(std::string_view text);

// RFC 822 / RFC 1123 as RSS writes it; the weekday is optional, seconds
// too; zones GMT, UT, UTC, Z, the US zones (EST ... PDT) and +hhmm.
Expected<Timestamp> parse_rfc822(std::string_view text);

// JATS <year>, <month> (number or English name) and <day>; month and day may
// be empty. The timestamp's text is the ISO form of what was given (2014-03).
Expected<XmlDate> date_from_parts(std::string_view year, std::string_view month,
                                  std::string_view day);

}  // namespace archtag::article::xml
