#include "article/xml/xml_dates.h"

#include <gtest/gtest.h>

namespace archtag::article::xml {
namespace {

// "iso (precision)" or "error: message".
std::string read(std::string_view text) {
    auto d = read_xml_date(text);
    if (!d)
        return "error: " + d.error().message;
    const char* p = d->precision == DatePrecision::day     ? "day"
                    : d->precision == DatePrecision::month ? "month"
                                                           : "year";
    return d->timestamp.iso() + " (" + p + ")";
}

std::string parts(std::string_view y, std::string_view m, std::string_view d) {
    auto r = date_from_parts(y, m, d);
    return r ? r->timestamp.text + " -> " + r->timestamp.iso() : "error: " + r.error().message;
}

TEST(XmlDates, IsoExtendedAndBasic) {
    EXPECT_EQ(read("20131020T192751+1100"), "2013-10-20T19:27:51+11:00 (day)");
    EXPECT_EQ(read("20131020T1927Z"), "2013-10-20T19:27:00Z (day)");
    EXPECT_EQ(read("20131020"), "2013-10-20 (day)");
    EXPECT_EQ(read(" 2014-03-12T10:14:58.000Z "), "2014-03-12T10:14:58.000Z (day)");
    EXPECT_EQ(read("2015-05-07T21:00:00+01:00"), "2015-05-07T21:00:00+01:00 (day)");
    EXPECT_EQ(read("2015-05-07T21:00:00"), "2015-05-07T21:00:00 (day)");
    EXPECT_EQ(read("2003-06"), "2003-06-01 (month)");
    EXPECT_EQ(read("2003"), "2003-01-01 (year)");
    EXPECT_EQ(read("20150230"), "error: impossible date '20150230': February 2015 has 28 days");
    EXPECT_EQ(read("2003-13"), "error: not a date: '2003-13'");
}

TEST(XmlDates, Rfc822) {
    EXPECT_EQ(read("Tue, 10 Jun 2003 04:00:00 GMT"), "2003-06-10T04:00:00+00:00 (day)");
    EXPECT_EQ(read("10 Jun 2003 04:00 -0700"), "2003-06-10T04:00:00-07:00 (day)");
    EXPECT_EQ(read("Wed, 02 Oct 02 08:00:00 EST"), "2002-10-02T08:00:00-05:00 (day)");
    EXPECT_EQ(read("Sat, 07 Sep 2002 00:00:01 PDT"), "2002-09-07T00:00:01-07:00 (day)");
    EXPECT_EQ(read("Sat, 7 September 2002 10:30:00 +0530"), "2002-09-07T10:30:00+05:30 (day)");
    EXPECT_EQ(read("Mon, 10 Jun 2003 04:00:00 Z"), "2003-06-10T04:00:00Z (day)");
    EXPECT_EQ(read("Tue, 10 Jun 2003 04:00:00"), "2003-06-10T04:00:00 (day)");
    EXPECT_EQ(read("Tue, 31 Jun 2003 04:00:00 GMT"),
              "error: impossible date 'Tue, 31 Jun 2003 04:00:00 GMT'");
    EXPECT_EQ(read("Tue, 10 Jun 2003 25:00:00 GMT"),
              "error: impossible time in 'Tue, 10 Jun 2003 25:00:00 GMT'");
    EXPECT_EQ(read("Tue, 10 Jun 2003 04:00:00 XYZ"),
              "error: not a time zone in 'Tue, 10 Jun 2003 04:00:00 XYZ'");
    EXPECT_EQ(read("yesterday"),
              "error: not a date: 'yesterday' (expected ISO 8601 such as 2003-06-10 or RFC 822 "
              "such as Tue, 10 Jun 2003 04:00:00 GMT)");
    auto ts = parse_rfc822("Tue, 10 Jun 2003 04:00:00 GMT");
    ASSERT_TRUE(ts.has_value());
    EXPECT_EQ(ts->text, "Tue, 10 Jun 2003 04:00:00 GMT");
    EXPECT_FALSE(ts->zulu);
}

TEST(XmlDates, JatsParts) {
    EXPECT_EQ(parts("2014", "03", "12"), "2014-03-12 -> 2014-03-12");
    EXPECT_EQ(parts("2014", "3", "1"), "2014-03-01 -> 2014-03-01");
    EXPECT_EQ(parts("2014", "Mar", ""), "2014-03 -> 2014-03-01");
    EXPECT_EQ(parts("2014", "September", "9"), "2014-09-09 -> 2014-09-09");
    EXPECT_EQ(parts("2014", "", "12"), "2014 -> 2014-01-01");  // a day without a month says nothing
    EXPECT_EQ(parts(" 2014 ", "", ""), "2014 -> 2014-01-01");
    EXPECT_EQ(parts("14", "03", "12"), "error: not a year: '14'");
    EXPECT_EQ(parts("2014", "13", "1"), "error: not a month: '13'");
    EXPECT_EQ(parts("2014", "2", "x"), "error: not a day: 'x'");
    EXPECT_EQ(parts("2014", "2", "29"), "error: impossible date '2014-02-29'");
}

}  // namespace
}  // namespace archtag::article::xml
