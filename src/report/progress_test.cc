#include "report/progress.h"

#include <gtest/gtest.h>

namespace archtag::report {

TEST(Progress, LineHasCountsRateAndTimeLeft) {
    EXPECT_EQ(progress_line(1000, 20000, 2.0),
              "[#                   ] 1,000/20,000 articles  500/s  ETA 0:38");
}

TEST(Progress, NothingDoneYetHasNoRate) {
    EXPECT_EQ(progress_line(0, 5, 0.0), "[                    ] 0/5 articles");
}

TEST(Progress, FinishedBarIsFull) {
    EXPECT_EQ(progress_line(5, 5, 1.0), "[####################] 5/5 articles  5/s  ETA 0:00");
}

TEST(Progress, ClockDuration) {
    EXPECT_EQ(clock_duration(21), "0:21");
    EXPECT_EQ(clock_duration(725), "12:05");
    EXPECT_EQ(clock_duration(3723), "1:02:03");
    EXPECT_EQ(clock_duration(-3), "0:00");
}

}  // namespace archtag::report
