#include "util/glob.h"

#include <gtest/gtest.h>

namespace archtag {

TEST(Glob, StarStaysInSegment) {
    EXPECT_TRUE(glob_match("laist/*.md", "laist/a.md"));
    EXPECT_FALSE(glob_match("laist/*.md", "laist/2014/a.md"));
}

TEST(Glob, DoubleStarSpansSegments) {
    EXPECT_TRUE(glob_match("laist/**", "laist/2014/12/a.md"));
    EXPECT_TRUE(glob_match("**/drafts/**", "x/drafts/y.md"));
    EXPECT_TRUE(glob_match("laist/**/*.md", "laist/a.md"));
    EXPECT_FALSE(glob_match("laist/**", "guardian/a.md"));
}

TEST(Glob, PatternWithoutSlashMatchesFileName) {
    EXPECT_TRUE(glob_match("*.md", "a/b/c.md"));
    EXPECT_FALSE(glob_match("*.md", "a/b/c.html"));
}

TEST(Glob, SetsAndQuestionMark) {
    EXPECT_TRUE(glob_match("20[01]?-*.md", "2014-x.md"));
    EXPECT_FALSE(glob_match("20[!01]?-*.md", "2014-x.md"));
    EXPECT_TRUE(glob_match("/top.md", "top.md"));
}

TEST(Glob, TextGlobCrossesSlashes) {
    EXPECT_TRUE(glob_match_text("*laist.com*", "https://laist.com/2014/03/12/x"));
    EXPECT_TRUE(glob_match_text("https://?aist.com/*", "https://laist.com/2014/03/12/x"));
    EXPECT_FALSE(glob_match_text("*gothamist*", "https://laist.com/2014/03/12/x"));
    EXPECT_FALSE(glob_match("*laist.com*", "https://laist.com/2014/03/12/x"));
}

}  // namespace archtag
