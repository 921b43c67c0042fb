#include "model/timezone.h"

#include <gtest/gtest.h>

namespace archtag {

using namespace std::chrono;

TEST(TimeZone, UnknownZoneIsAnError) {
    auto z = TimeZone::locate("America/Los_Angles");
    ASSERT_FALSE(z.has_value());
    EXPECT_EQ(z.error().message,
              "unknown time zone 'America/Los_Angles' (expected an IANA name such as "
              "America/Los_Angeles)");
}

TEST(TimeZone, DateOnlyIsMidnightInTheZone) {
    auto la = TimeZone::locate("America/Los_Angeles");
    ASSERT_TRUE(la.has_value());
    auto ts = parse_timestamp("2018-02-23");
    Instant t = to_instant(*ts, *la);
    EXPECT_EQ(t, sys_days{2018y / February / 23} + 8h);
}

TEST(TimeZone, OwnOffsetWins) {
    auto la = TimeZone::locate("America/Los_Angeles");
    auto ts = parse_timestamp("2018-02-22T23:30:00-08:00");
    Instant t = to_instant(*ts, *la);
    EXPECT_EQ(t, sys_days{2018y / February / 23} + 7h + 30min);
    EXPECT_EQ(la->local_date(t), 2018y / February / 22);
}

TEST(TimeZone, SkippedLocalTimeMovesForward) {
    auto la = TimeZone::locate("America/Los_Angeles");
    // 2018-03-11 02:30 does not exist in Los Angeles (clocks jump 02:00 -> 03:00).
    Instant t = la->to_instant(local_days{2018y / March / 11} + 2h + 30min);
    EXPECT_EQ(t, sys_days{2018y / March / 11} + 10h);
}

}  // namespace archtag
