// Dates as pages write them, read into the article's own terms.
#include "article/html/date_text.h"

#include <gtest/gtest.h>

#include <string>

namespace archtag::article {

namespace {

// "iso" or "iso ambiguous: note", or "error: message".
std::string read(std::string_view text, std::string_view lang = "") {
    auto d = parse_date_text(text, lang);
    if (!d)
        return "error: " + d.error().message;
    std::string out = d->timestamp.iso();
    if (d->ambiguous)
        out += " ambiguous: " + d->note;
    return out;
}

std::string found(std::string_view text, std::string_view lang = "") {
    auto d = find_date_in_text(text, lang);
    if (!d)
        return "none";
    return d->timestamp.iso() + " '" + d->timestamp.text + "' at " + std::to_string(d->begin);
}

}  // namespace

TEST(DateText, IsoFormsAreReadAsWritten) {
    EXPECT_EQ(read("2014-12-19"), "2014-12-19");
    EXPECT_EQ(read(" 2014-12-19T10:11:00-05:00 "), "2014-12-19T10:11:00-05:00");
    EXPECT_EQ(read("2019-01-01T00:00:00.000Z"), "2019-01-01T00:00:00.000Z");
    EXPECT_EQ(read("2014-12-15T12:56-5:00"), "2014-12-15T12:56:00-05:00");
    EXPECT_EQ(read("20141219"), "2014-12-19");
}

TEST(DateText, KeepsTheSourceText) {
    auto d = parse_date_text("  November 19, 2019, 07:47 PM EST ", "en-US");
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->timestamp.text, "November 19, 2019, 07:47 PM EST");
    EXPECT_FALSE(d->ambiguous);
}

TEST(DateText, EnglishMonthNames) {
    EXPECT_EQ(read("November 19, 2019, 07:47 PM EST"), "2019-11-19T19:47:00-05:00");
    EXPECT_EQ(read("December 19, 2014"), "2014-12-19");
    EXPECT_EQ(read("Dec. 19th, 2014 at 3:45 p.m. PDT"), "2014-12-19T15:45:00-07:00");
    EXPECT_EQ(read("Friday, December 19, 2014"), "2014-12-19");
    EXPECT_EQ(read("19 Nov 2019 07:09 GMT"), "2019-11-19T07:09:00+00:00");
    EXPECT_EQ(read("Wed, 19 Nov 2019 07:09:00 +0000"), "2019-11-19T07:09:00+00:00");
    EXPECT_EQ(read("Wed Nov 20 2019 09:28:00 GMT+0000 (UTC)"), "2019-11-20T09:28:00+00:00");
    EXPECT_EQ(read("Wed Nov 20 2019 09:28:00 GMT+0100 (Central European Standard Time)"),
              "2019-11-20T09:28:00+01:00");
    EXPECT_EQ(read("1st March 2015 12:00 AM"), "2015-03-01T00:00:00");
    EXPECT_EQ(read("March 1, 2015 12:30 pm"), "2015-03-01T12:30:00");
    EXPECT_EQ(read("JUNE 5, 2010"), "2010-06-05");
}

TEST(DateText, ZoneAbbreviationsAreOffsets) {
    const std::pair<const char*, const char*> cases[] = {
        {"EST", "-05:00"},  {"EDT", "-04:00"},   {"CST", "-06:00"},    {"CDT", "-05:00"},
        {"MST", "-07:00"},  {"MDT", "-06:00"},   {"PST", "-08:00"},    {"PDT", "-07:00"},
        {"GMT", "+00:00"},  {"UTC", "+00:00"},   {"BST", "+01:00"},    {"CET", "+01:00"},
        {"CEST", "+02:00"}, {"-0500", "-05:00"}, {"+05:30", "+05:30"}, {"UTC+1", "+01:00"},
    };
    for (auto [zone, offset] : cases)
        EXPECT_EQ(read(std::string("Jan 2, 2015 10:00 ") + zone),
                  std::string("2015-01-02T10:00:00") + offset)
            << zone;
    EXPECT_EQ(read("Jan 2, 2015 10:00 IST"), "error: not a date: 'Jan 2, 2015 10:00 IST'");
}

TEST(DateText, GermanFrenchAndSpanish) {
    EXPECT_EQ(read("19. Dezember 2014", "de"), "2014-12-19");
    EXPECT_EQ(read("19. Dezember 2014, 10:30 Uhr", "de"), "2014-12-19T10:30:00");
    EXPECT_EQ(read("Freitag, 19. Dezember 2014 um 10:30 Uhr MEZ", "de"),
              "2014-12-19T10:30:00+01:00");
    EXPECT_EQ(read("3. März 2015", "de"), "2015-03-03");
    EXPECT_EQ(read("3. MÄRZ 2015", "de"), "2015-03-03");
    EXPECT_EQ(read("19 décembre 2014 à 10h30", "fr"), "2014-12-19T10:30:00");
    EXPECT_EQ(read("1er août 2015", "fr"), "2015-08-01");
    EXPECT_EQ(read("19 de diciembre de 2014", "es"), "2014-12-19");
    EXPECT_EQ(read("viernes, 19 de diciembre de 2014 a las 10:30", "es"), "2014-12-19T10:30:00");
}

TEST(DateText, NumericDatesFollowThePageLanguage) {
    EXPECT_EQ(read("03/04/2014", "en-US"), "2014-03-04");
    EXPECT_EQ(read("03/04/2014", "en-GB"), "2014-04-03");
    EXPECT_EQ(read("03/04/2014", "de"), "2014-04-03");
    EXPECT_EQ(read("03/04/2014", "fr-FR"), "2014-04-03");
    EXPECT_EQ(read("19/12/2014", "en-US"), "2014-12-19");  // only one reading possible
    EXPECT_EQ(read("12/19/2014", "de"), "2014-12-19");
    EXPECT_EQ(read("19.12.2014"), "2014-12-19");
    EXPECT_EQ(read("2014/12/19"), "2014-12-19");
    EXPECT_EQ(read("04/04/2014"), "2014-04-04");
}

TEST(DateText, NumericDatesWithoutLanguageAreAmbiguous) {
    EXPECT_EQ(read("03/04/2014"),
              "2014-03-04 ambiguous: 03/04/2014 read month-first as 2014-03-04; the page's "
              "language does not say which comes first");
    EXPECT_EQ(read("3-4-2014", "en"),
              "2014-03-04 ambiguous: 03/04/2014 read month-first as 2014-03-04; the page's "
              "language does not say which comes first");
    EXPECT_EQ(read("19/12/2014"), "2014-12-19");
}

TEST(DateText, TwoDigitYears) {
    EXPECT_EQ(read("14-12-29"), "2014-12-29");
    EXPECT_EQ(read("99-01-31"), "1999-01-31");
}

TEST(DateText, ImpossibleAndForeignTextIsAnError) {
    EXPECT_EQ(read("February 30, 2015"), "error: impossible date 'February 30, 2015'");
    EXPECT_EQ(read("2015-02-30"), "error: impossible date '2015-02-30'");
    EXPECT_EQ(read(""), "error: not a date: the value is empty");
    EXPECT_EQ(read("yesterday"), "error: not a date: 'yesterday'");
    EXPECT_EQ(read("December 19, 2014 by Ann"), "error: not a date: 'December 19, 2014 by Ann'");
    EXPECT_EQ(read("December 2014"), "error: not a date: 'December 2014'");
    EXPECT_EQ(read("13:00 PM"), "error: not a date: '13:00 PM'");
}

TEST(DateText, FindsTheFirstDateInProse) {
    EXPECT_EQ(found("Posted on December 19, 2014 by admin"),
              "2014-12-19 'December 19, 2014' at 10");
    EXPECT_EQ(found("Von Anna Muster | 19. Dezember 2014, 10:30 Uhr", "de"),
              "2014-12-19T10:30:00 '19. Dezember 2014, 10:30 Uhr' at 18");
    EXPECT_EQ(found("By Ann · Published 19/12/2014 · 3 min read", "en-GB"),
              "2014-12-19 '19/12/2014' at 20");
    EXPECT_EQ(found("Page 2 of 10, version 1.2.3"), "none");
    EXPECT_EQ(found("Updated 2014-12-20T08:00:00Z"),
              "2014-12-20T08:00:00Z '2014-12-20T08:00:00Z' at 8");
    EXPECT_EQ(found("ID 123/45/67890"), "none");
}

TEST(DateText, PlaceholdersAreRecognised) {
    for (const char* text : {"1970-01-01", "1970-01-01T00:00:00Z", "1969-12-31T19:00:00-05:00",
                             "1900-01-01", "0001-01-01"}) {
        auto d = parse_date_text(text, "");
        ASSERT_TRUE(d.has_value()) << text;
        EXPECT_TRUE(is_placeholder_date(d->timestamp)) << text;
    }
    auto real = parse_date_text("1970-01-02", "");
    ASSERT_TRUE(real.has_value());
    EXPECT_FALSE(is_placeholder_date(real->timestamp));
    EXPECT_TRUE(is_placeholder_text("0000-00-00 00:00:00"));
    EXPECT_FALSE(is_placeholder_text("2000-01-01"));
}

TEST(DateText, NumericOrderByLanguage) {
    EXPECT_EQ(numeric_order_for("en-US"), NumericOrder::month_first);
    EXPECT_EQ(numeric_order_for("en_us"), NumericOrder::month_first);
    EXPECT_EQ(numeric_order_for("en-GB"), NumericOrder::day_first);
    EXPECT_EQ(numeric_order_for("de-AT"), NumericOrder::day_first);
    EXPECT_EQ(numeric_order_for("EN"), NumericOrder::unknown);
    EXPECT_EQ(numeric_order_for(""), NumericOrder::unknown);
}

}  // namespace archtag::article
