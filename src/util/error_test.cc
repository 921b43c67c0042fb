#include "util/error.h"

#include <gtest/gtest.h>

namespace archtag {

TEST(Error, HeadlineHasPathLineAndColumn) {
    Error e = make_error_at("policies/x.xml", 12, 5, "unknown element <ownr>");
    EXPECT_EQ(e.headline(), "policies/x.xml:12:5: unknown element <ownr>");
}

TEST(Error, DescribeShowsLineAndCaret) {
    Error e = make_error_at("r.xml", 3, 4, "bad", "  <x/>");
    EXPECT_EQ(e.describe(), "r.xml:3:4: bad\n      <x/>\n       ^");
}

TEST(Error, HeadlineWithoutPlace) {
    EXPECT_EQ(make_error("", "oops").headline(), "oops");
    EXPECT_EQ(make_error("a.md", "oops").headline(), "a.md: oops");
}

TEST(Error, LineOfStripsCarriageReturn) {
    EXPECT_EQ(line_of("a\r\nb\r\nc", 2), "b");
    EXPECT_EQ(line_of("a\nb", 3), "");
}

TEST(Error, LineColumnAt) {
    auto lc = line_column_at("ab\ncd", 4);
    EXPECT_EQ(lc.line, 2);
    EXPECT_EQ(lc.column, 2);
}

}  // namespace archtag
