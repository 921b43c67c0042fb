#include "article/xml/xml_dates.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <optional>
#include <vector>

#include "util/strings.h"

namespace archtag::article::xml {

namespace {

using namespace std::chrono;

bool all_digits(std::string_view s) {
    if (s.empty())
        return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
    return true;
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

// 1..12 for an English month name or its three-letter abbreviation, else 0.
unsigned month_from_name(std::string_view name) {
    static constexpr std::array<std::string_view, 12> k_months = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    std::string lower = to_lower(name);
    if (!lower.empty() && lower.back() == '.')
        lower.pop_back();
    for (unsigned i = 0; i < k_months.size(); ++i) {
        if (lower == k_months[i] || (lower.size() == 3 && k_months[i].starts_with(lower)) ||
            (i == 8 && lower == "sept"))
            return i + 1;
    }
    return 0;
}

std::optional<minutes> zone_offset(std::string_view zone, bool& known) {
    struct Named {
        std::string_view name;
        int hours;
    };
    static constexpr std::array<Named, 12> k_zones = {{{"GMT", 0},
                                                       {"UT", 0},
                                                       {"UTC", 0},
                                                       {"Z", 0},
                                                       {"EST", -5},
                                                       {"EDT", -4},
                                                       {"CST", -6},
                                                       {"CDT", -5},
                                                       {"MST", -7},
                                                       {"MDT", -6},
                                                       {"PST", -8},
                                                       {"PDT", -7}}};
    known = true;
    for (const Named& z : k_zones)
        if (iequals(zone, z.name))
            return minutes{z.hours * 60};
    if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-') && all_digits(zone.substr(1))) {
        int hh = to_int(zone.substr(1, 2)), mm = to_int(zone.substr(3, 2));
        if (hh <= 14 && mm <= 59)
            return minutes{(zone[0] == '-' ? -1 : 1) * (hh * 60 + mm)};
    }
    known = false;
    return std::nullopt;
}

Error not_rfc822(std::string_view text) {
    return make_error("", fmt::format("not a date: '{}' (expected ISO 8601 such as 2003-06-10 or "
                                      "RFC 822 such as Tue, 10 Jun 2003 04:00:00 GMT)",
                                      text));
}

Expected<year_month_day> checked_day(int y, unsigned m, unsigned d, std::string_view text) {
    year_month_day ymd{year{y}, month{m}, day{d}};
    if (!ymd.ok())
        return fail(make_error("", fmt::format("impossible date '{}'", text)));
    return ymd;
}

// "04:00:00" or "04:00" -> seconds since midnight.
std::optional<seconds> clock_time(std::string_view s) {
    std::vector<std::string> parts = split(s, ':');
    if (parts.size() < 2 || parts.size() > 3)
        return std::nullopt;
    int v[3] = {0, 0, 0};
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].size() != 2 || !all_digits(parts[i]))
            return std::nullopt;
        v[i] = to_int(parts[i]);
    }
    if (v[0] > 23 || v[1] > 59 || v[2] > 60)
        return std::nullopt;
    return hours{v[0]} + minutes{v[1]} + seconds{std::min(v[2], 59)};
}

// 2003 or 2003-06: the W3C profile's partial dates.
std::optional<XmlDate> partial_date(std::string_view text) {
    if (text.size() == 4 && all_digits(text)) {
        XmlDate d;
        d.timestamp.date = year{to_int(text)} / January / 1;
        d.timestamp.text = std::string(text);
        d.precision = DatePrecision::year;
        return d;
    }
    if (text.size() == 7 && text[4] == '-' && all_digits(text.substr(0, 4)) &&
        all_digits(text.substr(5))) {
        int m = to_int(text.substr(5));
        if (m < 1 || m > 12)
            return std::nullopt;
        XmlDate d;
        d.timestamp.date = year{to_int(text.substr(0, 4))} / month{static_cast<unsigned>(m)} / 1;
        d.timestamp.text = std::string(text);
        d.precision = DatePrecision::month;
        return d;
    }
    return std::nullopt;
}

}  // namespace

Expected<Timestamp> parse_rfc822(std::string_view raw) {
    std::string_view text = trim(raw);
    std::vector<std::string> words = split_words(text);
    std::size_t i = 0;
    if (!words.empty() && words[0].back() == ',')
        i = 1;  // the weekday, which says nothing the date does not
    if (words.size() < i + 4 || words.size() > i + 5)
        return fail(not_rfc822(text));
    const std::string& d = words[i];
    unsigned m = month_from_name(words[i + 1]);
    const std::string& y = words[i + 2];
    if (!all_digits(d) || d.size() > 2 || m == 0 || !all_digits(y) ||
        (y.size() != 4 && y.size() != 2))
        return fail(not_rfc822(text));
    int year_number = to_int(y);
    if (y.size() == 2)
        year_number += year_number < 50 ? 2000 : 1900;  // RFC 2822's reading
    auto date = checked_day(year_number, m, static_cast<unsigned>(to_int(d)), text);
    if (!date)
        return fail(date.error());
    std::optional<seconds> time = clock_time(words[i + 3]);
    if (!time)
        return fail(make_error("", fmt::format("impossible time in '{}'", text)));
    Timestamp ts;
    ts.date = *date;
    ts.time_of_day = *time;
    ts.text = std::string(text);
    if (words.size() == i + 5) {
        bool known = false;
        ts.offset = zone_offset(words[i + 4], known);
        if (!known)
            return fail(make_error("", fmt::format("not a time zone in '{}'", text)));
        ts.zulu = words[i + 4] == "Z";
    }
    return ts;
}

Expected<XmlDate> read_xml_date(std::string_view raw) {
    std::string_view text = trim(raw);
    bool iso = text.size() >= 4 && all_digits(text.substr(0, 4));
    if (!iso) {
        auto ts = parse_rfc822(text);
        if (!ts)
            return fail(ts.error());
        return XmlDate{std::move(*ts), DatePrecision::day};
    }
    if (std::optional<XmlDate> partial = partial_date(text))
        return *partial;
    auto ts = parse_timestamp(text);
    if (!ts)
        return fail(ts.error());
    return XmlDate{std::move(*ts), DatePrecision::day};
}

Expected<XmlDate> date_from_parts(std::string_view year_text, std::string_view month_text,
                                  std::string_view day_text) {
    year_text = trim(year_text);
    month_text = trim(month_text);
    day_text = trim(day_text);
    if (year_text.size() != 4 || !all_digits(year_text))
        return fail(make_error("", fmt::format("not a year: '{}'", year_text)));
    XmlDate d;
    std::string iso(year_text);
    d.precision = DatePrecision::year;
    unsigned m = 1, dd = 1;
    if (!month_text.empty()) {
        m = all_digits(month_text) && month_text.size() <= 2
                ? static_cast<unsigned>(to_int(month_text))
                : month_from_name(month_text);
        if (m < 1 || m > 12)
            return fail(make_error("", fmt::format("not a month: '{}'", month_text)));
        iso += fmt::format("-{:02}", m);
        d.precision = DatePrecision::month;
        if (!day_text.empty()) {
            if (!all_digits(day_text) || day_text.size() > 2)
                return fail(make_error("", fmt::format("not a day: '{}'", day_text)));
            dd = static_cast<unsigned>(to_int(day_text));
            iso += fmt::format("-{:02}", dd);
            d.precision = DatePrecision::day;
        }
    }
    auto date = checked_day(to_int(year_text), m, dd, iso);
    if (!date)
        return fail(date.error());
    d.timestamp.date = *date;
    d.timestamp.text = iso;
    return d;
}

}  // namespace archtag::article::xml
