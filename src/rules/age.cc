#include "rules/age.h"

#include <fmt/format.h>

#include <cmath>

#include "rules/language.h"

namespace archtag::rules {

using namespace std::chrono;

namespace {

constexpr AgeThreshold k_one_month{0, 1, 0};

// ymd itself may name a day past the month's end (Feb 29 in a common year,
// Feb 31): sys_days counts on from the first of the month, so it rolls over.
Day normalized(year_month_day ymd) {
    return Day{sys_days{ymd}};
}

Day add_months(Day day, int months) {
    year_month_day moved = day.year() / day.month() / day.day();
    moved += std::chrono::months{months};
    return normalized(moved);
}

// The largest n with add(from, n) <= to, starting the search at `guess`,
// which is never more than one too high.
template <typename Add>
int whole_units(Day from, Day to, int guess, Add add) {
    while (guess > 0 && sys_days{add(from, guess)} > sys_days{to})
        --guess;
    return guess;
}

bool is_zero(AgeThreshold span) {
    return span == AgeThreshold{};
}

}  // namespace

Day add_span(Day day, AgeThreshold span) {
    Day moved = add_months(day, span.years * 12 + span.months);
    return Day{sys_days{moved} + days{span.days}};
}

std::optional<AgePhrase> calendar_age(Day published_local, Day as_of_local, AgeThreshold minimum) {
    AgeThreshold floor = is_zero(minimum) ? k_one_month : minimum;
    if (sys_days{as_of_local} < sys_days{add_span(published_local, floor)})
        return std::nullopt;

    int year_guess =
        static_cast<int>(as_of_local.year()) - static_cast<int>(published_local.year());
    int years = whole_units(published_local, as_of_local, year_guess,
                            [](Day d, int n) { return add_months(d, n * 12); });
    if (years >= 1)
        return AgePhrase{years, AgePhrase::Unit::year};

    int month_guess = year_guess * 12 +
                      static_cast<int>(static_cast<unsigned>(as_of_local.month())) -
                      static_cast<int>(static_cast<unsigned>(published_local.month()));
    int months = whole_units(published_local, as_of_local, month_guess, add_months);
    if (months >= 1)
        return AgePhrase{months, AgePhrase::Unit::month};
    return std::nullopt;
}

std::optional<AgePhrase> guardian_age(Instant published, Instant as_of) {
    double elapsed_days = static_cast<double>((as_of - published).count()) / 86400.0;
    if (elapsed_days < 30)
        return std::nullopt;
    double months = elapsed_days / 31;
    double years = elapsed_days / 365;
    if (years >= 2)
        return AgePhrase{static_cast<int>(std::floor(years)), AgePhrase::Unit::year};
    if (years > 1)
        return AgePhrase{1, AgePhrase::Unit::year};
    if (months >= 2)
        return AgePhrase{static_cast<int>(std::floor(months)), AgePhrase::Unit::month};
    if (months > 1)
        return AgePhrase{1, AgePhrase::Unit::month};
    return std::nullopt;
}

Expected<AgeThreshold> parse_span(std::string_view text) {
    auto bad = [&] {
        return fail(make_error("",
                               "expected a span of years, months and days such as 9y, 6m, 30d or "
                               "1y6m"));
    };
    AgeThreshold span;
    std::string_view units = "ymd";  // what may still follow, in order
    std::size_t i = 0;
    if (text.empty())
        return bad();
    while (i < text.size()) {
        std::size_t start = i;
        long value = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - start < 6)
            value = value * 10 + (text[i++] - '0');
        if (i == start || i == text.size())
            return bad();
        std::size_t unit = units.find(text[i]);
        if (unit == std::string_view::npos)
            return bad();
        int v = static_cast<int>(value);
        switch (units[unit]) {
            case 'y':
                span.years = v;
                break;
            case 'm':
                span.months = v;
                break;
            default:
                span.days = v;
                break;
        }
        units.remove_prefix(unit + 1);
        ++i;
    }
    return span;
}

std::string format_span(AgeThreshold span) {
    std::string out;
    if (span.years)
        out += fmt::format("{}y", span.years);
    if (span.months)
        out += fmt::format("{}m", span.months);
    if (span.days || out.empty())
        out += fmt::format("{}d", span.days);
    return out;
}

AgeUnits units_for(const Policy& policy, std::string_view lang) {
    for (const AgeUnits& u : policy.units)
        if (same_language(u.lang, lang))
            return u;
    AgeUnits english;
    english.lang = "en";
    return english;
}

std::string format_age(const AgePhrase& phrase, const AgeUnits& units) {
    bool one = phrase.count == 1;
    const std::string& word = phrase.unit == AgePhrase::Unit::year
                                  ? (one ? units.year : units.years)
                                  : (one ? units.month : units.months);
    return fmt::format("{} {}", phrase.count, word);
}

}  // namespace archtag::rules
