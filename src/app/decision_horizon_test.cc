#include "app/decision_horizon.h"

#include <gtest/gtest.h>

namespace archtag::app {

namespace {

using namespace std::chrono;

const TimeZone& la() {
    static const TimeZone zone = *TimeZone::locate("America/Los_Angeles");
    return zone;
}

Policy calendar_policy() {
    Policy p;
    p.id = "laist";
    p.time_zone = "America/Los_Angeles";
    return p;
}

Resolution published_at(const Policy& p, Instant when) {
    Resolution r;
    r.policy = &p;
    r.zone = la();
    r.published = when;
    r.local_day = la().local_date(when);
    return r;
}

rules::RuleSet with_age_condition(AgeThreshold at_least) {
    rules::Condition c;
    c.test = rules::AgeCondition{rules::Span{at_least, "span"}, std::nullopt};
    rules::Rule rule;
    rule.id = "old";
    rule.when.push_back(c);
    rules::RuleSet set;
    set.rules.push_back(rule);
    return set;
}

}  // namespace

TEST(DecisionHorizon, CalendarAgeHoldsUntilTheNextMonthAnniversary) {
    Policy p = calendar_policy();
    Instant published = la().start_of_day(2014y / December / 19) + 13h;
    Instant as_of = la().start_of_day(2026y / November / 23);
    auto until = decision_valid_until(p, {}, published_at(p, published), as_of);
    ASSERT_TRUE(until);
    EXPECT_EQ(*until, la().start_of_day(2026y / December / 19));
}

TEST(DecisionHorizon, TheDayBeforeTheAnniversaryStillNamesIt) {
    Policy p = calendar_policy();
    Instant published = la().start_of_day(2014y / December / 19);
    Instant as_of = la().start_of_day(2026y / December / 18) + 23h;
    auto until = decision_valid_until(p, {}, published_at(p, published), as_of);
    ASSERT_TRUE(until);
    EXPECT_EQ(*until, la().start_of_day(2026y / December / 19));
}

TEST(DecisionHorizon, AnAgeConditionOfTheRulesComesFirstWhenEarlier) {
    Policy p = calendar_policy();
    Instant published = la().start_of_day(2026y / November / 20);
    Instant as_of = la().start_of_day(2026y / November / 23);
    auto until =
        decision_valid_until(p, with_age_condition({0, 0, 10}), published_at(p, published), as_of);
    ASSERT_TRUE(until);
    EXPECT_EQ(*until, la().start_of_day(2026y / November / 30));
}

TEST(DecisionHorizon, ThePolicyMinimumAgeIsABoundary) {
    Policy p = calendar_policy();
    p.age_minimum = {0, 0, 45};
    Instant published = la().start_of_day(2026y / November / 1);
    Instant as_of = la().start_of_day(2026y / December / 5);
    auto until = decision_valid_until(p, {}, published_at(p, published), as_of);
    ASSERT_TRUE(until);
    EXPECT_EQ(*until, la().start_of_day(2026y / December / 16));
}

TEST(DecisionHorizon, UndatedArticlesNeverChange) {
    Policy p = calendar_policy();
    Resolution undated;
    undated.policy = &p;
    undated.zone = la();
    EXPECT_FALSE(decision_valid_until(p, {}, undated, la().start_of_day(2026y / November / 23)));
}

TEST(DecisionHorizon, GuardianArithmeticCountsElapsedDays) {
    Policy p = calendar_policy();
    p.arithmetic = AgeArithmetic::guardian;
    Instant published = la().start_of_day(2020y / January / 10) + 9h;
    // 10 years of 365 days and a bit: the next 31-day step comes before the
    // next month anniversary of the calendar.
    Instant as_of = published + days{3650} + days{3};
    auto until = decision_valid_until(p, {}, published_at(p, published), as_of);
    ASSERT_TRUE(until);
    EXPECT_EQ(*until, published + days{31 * 118});
}

TEST(DecisionHorizon, GuardianExactlyOnABoundaryHoldsOnlyForThatInstant) {
    Policy p = calendar_policy();
    p.arithmetic = AgeArithmetic::guardian;
    Instant published = la().start_of_day(2020y / January / 10) + 9h;
    Instant as_of = published + days{365};
    auto until = decision_valid_until(p, {}, published_at(p, published), as_of);
    ASSERT_TRUE(until);
    EXPECT_EQ(*until, as_of + seconds{1});
}

}  // namespace archtag::app
