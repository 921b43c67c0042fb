#include "app/as_of.h"

#include <gtest/gtest.h>

namespace archtag::app {

using namespace std::chrono;

TEST(AsOf, DateMeansMidnightInEachZone) {
    auto a = AsOf::make(std::string("2026-11-23"), Instant{});
    ASSERT_TRUE(a.has_value());
    auto la = TimeZone::locate("America/Los_Angeles");
    auto london = TimeZone::locate("Europe/London");
    EXPECT_EQ(a->in_zone(*la), sys_days{2026y / November / 23} + 8h);
    EXPECT_EQ(a->in_zone(*london), sys_days{2026y / November / 23} + 0h);
    EXPECT_EQ(a->label(), "2026-11-23");
}

TEST(AsOf, FullTimestampIsOneInstant) {
    auto a = AsOf::make(std::string("2026-11-23T12:00:00Z"), Instant{});
    ASSERT_TRUE(a.has_value());
    EXPECT_EQ(a->in_zone(*TimeZone::locate("America/Los_Angeles")),
              sys_days{2026y / November / 23} + 12h);
}

TEST(AsOf, DefaultIsNow) {
    Instant now = sys_days{2026y / November / 23} + 15h + 31min;
    auto a = AsOf::make(std::nullopt, now);
    ASSERT_TRUE(a.has_value());
    EXPECT_EQ(a->in_zone(TimeZone::utc()), now);
    EXPECT_EQ(a->label(), "2026-11-23T15:31:00Z");
}

TEST(AsOf, BadDateIsUsageError) {
    auto a = AsOf::make(std::string("2026-02-30"), Instant{});
    ASSERT_FALSE(a.has_value());
    EXPECT_EQ(a.error().message,
              "--as-of: impossible date '2026-02-30': February 2026 has 28 days (expected "
              "YYYY-MM-DD or an ISO "
              "8601 timestamp)");
}

}  // namespace archtag::app
