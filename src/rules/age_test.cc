#include "rules/age.h"

#include <gtest/gtest.h>

#include "model/timezone.h"

namespace archtag::rules {
namespace {

using namespace std::chrono;
using Unit = AgePhrase::Unit;

constexpr AgeThreshold k_none{};

std::optional<AgePhrase> years(int n) {
    return AgePhrase{n, Unit::year};
}
std::optional<AgePhrase> months(int n) {
    return AgePhrase{n, Unit::month};
}

TEST(CalendarAge, CountsYearsFromTheAnniversaryOn) {
    Day published = 2014y / December / 19;
    EXPECT_EQ(calendar_age(published, 2023y / December / 18, k_none), years(8));
    EXPECT_EQ(calendar_age(published, 2023y / December / 19, k_none), years(9));
    EXPECT_EQ(calendar_age(published, 2024y / June / 1, k_none), years(9));
}

TEST(CalendarAge, OneYearOnTheFirstAnniversary) {
    Day published = 2023y / June / 1;
    EXPECT_EQ(calendar_age(published, 2024y / May / 31, k_none), months(11));
    EXPECT_EQ(calendar_age(published, 2024y / June / 1, k_none), years(1));
}

TEST(CalendarAge, LeapDayAnniversaryIsMarchFirstInCommonYears) {
    Day published = 2016y / February / 29;
    EXPECT_EQ(calendar_age(published, 2017y / February / 28, k_none), months(11));
    EXPECT_EQ(calendar_age(published, 2017y / March / 1, k_none), years(1));
    EXPECT_EQ(calendar_age(published, 2020y / February / 28, k_none), years(3));
    EXPECT_EQ(calendar_age(published, 2020y / February / 29, k_none), years(4));
}

TEST(CalendarAge, MonthsUnderOneYear) {
    Day published = 2024y / January / 15;
    EXPECT_EQ(calendar_age(published, 2024y / February / 14, k_none), std::nullopt);
    EXPECT_EQ(calendar_age(published, 2024y / February / 15, k_none), months(1));
    EXPECT_EQ(calendar_age(published, 2024y / March / 14, k_none), months(1));
    EXPECT_EQ(calendar_age(published, 2024y / March / 15, k_none), months(2));
    EXPECT_EQ(calendar_age(published, 2025y / January / 14, k_none), months(11));
}

TEST(CalendarAge, MonthEndsRollOverIntoTheNextMonth) {
    // Jan 31 + 1 month is "Feb 31": Mar 2 in a leap year, Mar 3 otherwise.
    EXPECT_EQ(calendar_age(2024y / January / 31, 2024y / March / 1, k_none), std::nullopt);
    EXPECT_EQ(calendar_age(2024y / January / 31, 2024y / March / 2, k_none), months(1));
    EXPECT_EQ(calendar_age(2023y / January / 31, 2023y / March / 2, k_none), std::nullopt);
    EXPECT_EQ(calendar_age(2023y / January / 31, 2023y / March / 3, k_none), months(1));
}

TEST(CalendarAge, MinimumHoldsBackYoungArticles) {
    AgeThreshold six_months{0, 6, 0};
    EXPECT_EQ(calendar_age(2024y / January / 1, 2024y / June / 30, six_months), std::nullopt);
    EXPECT_EQ(calendar_age(2024y / January / 1, 2024y / July / 1, six_months), months(6));
    AgeThreshold two_years{2, 0, 0};
    EXPECT_EQ(calendar_age(2022y / June / 2, 2024y / June / 1, two_years), std::nullopt);
    EXPECT_EQ(calendar_age(2022y / June / 1, 2024y / June / 1, two_years), years(2));
}

TEST(CalendarAge, ADaysMinimumStillNeedsAWholeMonthForAPhrase) {
    AgeThreshold week{0, 0, 7};
    EXPECT_EQ(calendar_age(2024y / June / 1, 2024y / June / 10, week), std::nullopt);
    EXPECT_EQ(calendar_age(2024y / May / 10, 2024y / June / 10, week), months(1));
}

TEST(CalendarAge, NothingForFutureDates) {
    EXPECT_EQ(calendar_age(2025y / January / 1, 2024y / June / 1, k_none), std::nullopt);
}

Instant days_after(Instant start, int n) {
    return start + days{n};
}

TEST(GuardianAge, Edges) {
    Instant start = sys_days{2020y / January / 1} + 12h;
    EXPECT_EQ(guardian_age(start, days_after(start, 29)), std::nullopt);
    EXPECT_EQ(guardian_age(start, days_after(start, 30)), std::nullopt);
    EXPECT_EQ(guardian_age(start, days_after(start, 31)),
              std::nullopt);  // exactly one month: not more
    EXPECT_EQ(guardian_age(start, days_after(start, 32)), months(1));
    EXPECT_EQ(guardian_age(start, days_after(start, 45)), months(1));
    EXPECT_EQ(guardian_age(start, days_after(start, 61)), months(1));
    EXPECT_EQ(guardian_age(start, days_after(start, 62)), months(2));
    EXPECT_EQ(guardian_age(start, days_after(start, 364)), months(11));
    EXPECT_EQ(guardian_age(start, days_after(start, 365)),
              months(11));  // exactly one year: not more
    EXPECT_EQ(guardian_age(start, days_after(start, 366)), years(1));
    EXPECT_EQ(guardian_age(start, days_after(start, 400)), years(1));
    EXPECT_EQ(guardian_age(start, days_after(start, 729)), years(1));
    EXPECT_EQ(guardian_age(start, days_after(start, 730)), years(2));
}

TEST(GuardianAge, ThirtyDaysLessASecondIsTooYoung) {
    Instant start = sys_days{2020y / January / 1};
    EXPECT_EQ(guardian_age(start, start + days{32} - seconds{1}), months(1));
    EXPECT_EQ(guardian_age(start, start + days{31} + seconds{1}), months(1));
    EXPECT_EQ(guardian_age(start, start + days{31} - seconds{1}), std::nullopt);
}

TEST(GuardianAge, TheSeedLiveBlog) {
    auto published = parse_timestamp("2014-12-19T11:28:00-05:00");
    ASSERT_TRUE(published.has_value());
    Instant as_of = sys_days{2024y / June / 1};
    EXPECT_EQ(guardian_age(to_instant(*published, TimeZone::utc()), as_of), years(9));
}

TEST(AgeWords, SingularAndPlural) {
    AgeUnits en;
    EXPECT_EQ(format_age({1, Unit::year}, en), "1 year");
    EXPECT_EQ(format_age({9, Unit::year}, en), "9 years");
    EXPECT_EQ(format_age({1, Unit::month}, en), "1 month");
    EXPECT_EQ(format_age({11, Unit::month}, en), "11 months");
    AgeUnits de{"de", "Jahr", "Jahre", "Monat", "Monate"};
    EXPECT_EQ(format_age({1, Unit::year}, de), "1 Jahr");
    EXPECT_EQ(format_age({3, Unit::month}, de), "3 Monate");
}

TEST(AgeWords, UnitsByPrimaryLanguageWithEnglishBuiltIn) {
    Policy p;
    p.units = {AgeUnits{"de", "Jahr", "Jahre", "Monat", "Monate"}};
    EXPECT_EQ(units_for(p, "DE-at").years, "Jahre");
    EXPECT_EQ(units_for(p, "fr").years, "years");
    EXPECT_EQ(units_for(p, "").month, "month");
}

TEST(Span, Parses) {
    EXPECT_EQ(*parse_span("9y"), (AgeThreshold{9, 0, 0}));
    EXPECT_EQ(*parse_span("6m"), (AgeThreshold{0, 6, 0}));
    EXPECT_EQ(*parse_span("30d"), (AgeThreshold{0, 0, 30}));
    EXPECT_EQ(*parse_span("1y6m"), (AgeThreshold{1, 6, 0}));
    EXPECT_EQ(*parse_span("1y2m3d"), (AgeThreshold{1, 2, 3}));
    EXPECT_EQ(*parse_span("0d"), (AgeThreshold{}));
}

TEST(Span, RejectsWhatIsNotASpan) {
    for (const char* bad : {"9x", "", "y", "9", "6m1y", "1y1y", "1 y", "-1y", "1234567d"}) {
        auto span = parse_span(bad);
        ASSERT_FALSE(span.has_value()) << bad;
        EXPECT_EQ(span.error().message,
                  "expected a span of years, months and days such as 9y, 6m, 30d or 1y6m");
    }
}

TEST(Span, FormatsBack) {
    EXPECT_EQ(format_span({1, 6, 0}), "1y6m");
    EXPECT_EQ(format_span({0, 0, 30}), "30d");
    EXPECT_EQ(format_span({}), "0d");
}

TEST(Span, AddsYearsAndMonthsThenDays) {
    EXPECT_EQ(add_span(2023y / January / 31, {0, 1, 0}), 2023y / March / 3);
    EXPECT_EQ(add_span(2016y / February / 29, {1, 0, 0}), 2017y / March / 1);
    EXPECT_EQ(add_span(2024y / January / 31, {0, 1, 1}), 2024y / March / 3);
    EXPECT_EQ(add_span(2024y / December / 15, {0, 0, 30}), 2025y / January / 14);
}

}  // namespace
}  // namespace archtag::rules
