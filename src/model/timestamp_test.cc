#include "model/timestamp.h"

#include <gtest/gtest.h>

namespace archtag {

namespace {
std::string iso(std::string_view text) {
    auto ts = parse_timestamp(text);
    return ts ? ts->iso() : "error: " + ts.error().message;
}
}  // namespace

TEST(Timestamp, FormsRealArchivesUse) {
    EXPECT_EQ(iso("2014-03-12"), "2014-03-12");
    EXPECT_EQ(iso("2013-02-06 00:00:00 +0000"), "2013-02-06T00:00:00+00:00");
    EXPECT_EQ(iso("'2014-03-12T10:11:00-04:00'"), "2014-03-12T10:11:00-04:00");
    EXPECT_EQ(iso("2015-03-17 14:00:00 -4"), "2015-03-17T14:00:00-04:00");
    EXPECT_EQ(iso("2015-1-12 9:00"), "2015-01-12T09:00:00");
    EXPECT_EQ(iso("\"2019-01-01T00:00:00.000Z\""), "2019-01-01T00:00:00.000Z");
    EXPECT_EQ(iso("20131020T192751+1100"), "2013-10-20T19:27:51+11:00");
    EXPECT_EQ(iso("2014-12-19 11:28 UTC"), "2014-12-19T11:28:00+00:00");
}

TEST(Timestamp, DateOnlyStaysDateOnly) {
    auto ts = parse_timestamp("2014-03-12");
    ASSERT_TRUE(ts.has_value());
    EXPECT_TRUE(ts->date_only());
    EXPECT_FALSE(ts->offset.has_value());
}

TEST(Timestamp, ImpossibleDatesSayWhy) {
    EXPECT_EQ(iso("2015-02-30"), "error: impossible date '2015-02-30': February 2015 has 28 days");
    EXPECT_EQ(iso("2015-13-01"), "error: impossible date '2015-13-01': there is no month 13");
    EXPECT_EQ(iso("2016-02-29"), "2016-02-29");
    EXPECT_EQ(iso("2014-03-12 25:00"), "error: impossible time in '2014-03-12 25:00'");
}

TEST(Timestamp, NonDatesAreRejected) {
    EXPECT_EQ(iso("yesterday"), "error: not a date: 'yesterday'");
    EXPECT_EQ(iso("2014-03"), "error: not a date: '2014-03'");
    EXPECT_EQ(iso("2014-03-12 10:00 +25"),
              "error: not a time zone offset in '2014-03-12 10:00 +25'");
}

TEST(Timestamp, CalendarDateOnly) {
    auto d = parse_calendar_date("2018-02-23");
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(format_date(*d), "2018-02-23");
    EXPECT_EQ(format_date_long(*d), "February 23, 2018");
    EXPECT_FALSE(parse_calendar_date("2018-02-23T00:00").has_value());
}

}  // namespace archtag
