#include "report/diff.h"

#include <gtest/gtest.h>

namespace archtag::report {

TEST(UnifiedDiff, NoEditsIsEmpty) {
    EXPECT_EQ(unified_diff("a.md", "text\n", {}), "");
}

TEST(UnifiedDiff, InsertedLineWithTwoLinesOfContext) {
    EXPECT_EQ(unified_diff("a.md", "a\nb\nc\nd\ne\nf\n", {{6, 0, "X\n"}}),
              "--- a/a.md\n+++ b/a.md\n"
              "@@ -2,4 +2,5 @@\n b\n c\n+X\n d\n e\n");
}

TEST(UnifiedDiff, ChangeInsideALineShowsTheWholeLine) {
    EXPECT_EQ(unified_diff("a.md", "title: a\nbody\n", {{7, 1, "b"}}),
              "--- a/a.md\n+++ b/a.md\n"
              "@@ -1,2 +1,2 @@\n-title: a\n+title: b\n body\n");
}

TEST(UnifiedDiff, InsertWithoutNewlineJoinsTheNextLine) {
    EXPECT_EQ(unified_diff("a.md", "abc\n", {{0, 0, "X"}}),
              "--- a/a.md\n+++ b/a.md\n"
              "@@ -1,1 +1,1 @@\n-abc\n+Xabc\n");
}

TEST(UnifiedDiff, MissingFinalNewlineIsSaid) {
    EXPECT_EQ(unified_diff("a.md", "x", {{0, 0, "top\n"}}),
              "--- a/a.md\n+++ b/a.md\n"
              "@@ -1,1 +1,2 @@\n+top\n x\n\\ No newline at end of file\n");
}

TEST(UnifiedDiff, FarApartEditsMakeTwoHunksWithShiftedNumbers) {
    std::string before;
    for (int i = 1; i <= 10; ++i)
        before += std::to_string(i) + "\n";
    std::size_t line10 = before.find("10\n");
    EXPECT_EQ(unified_diff("n.md", before, {{line10, 0, "B\n"}, {0, 0, "A\n"}}),
              "--- a/n.md\n+++ b/n.md\n"
              "@@ -1,2 +1,3 @@\n+A\n 1\n 2\n"
              "@@ -8,3 +9,4 @@\n 8\n 9\n+B\n 10\n");
}

TEST(UnifiedDiff, NearbyEditsShareAHunk) {
    EXPECT_EQ(unified_diff("a.md", "1\n2\n3\n4\n", {{0, 0, "A\n"}, {6, 0, "B\n"}}),
              "--- a/a.md\n+++ b/a.md\n"
              "@@ -1,4 +1,6 @@\n+A\n 1\n 2\n 3\n+B\n 4\n");
}

TEST(UnifiedDiff, TwoEditsOnOneLineAreOneChange) {
    EXPECT_EQ(unified_diff("a.md", "ab\n", {{0, 0, "<"}, {2, 0, ">"}}),
              "--- a/a.md\n+++ b/a.md\n"
              "@@ -1,1 +1,1 @@\n-ab\n+<ab>\n");
}

TEST(UnifiedDiff, CrLfLineEndingsAreNotShown) {
    EXPECT_EQ(unified_diff("a.md", "a\r\nb\r\n", {{3, 0, "X\r\n"}}),
              "--- a/a.md\n+++ b/a.md\n"
              "@@ -1,2 +1,3 @@\n a\n+X\n b\n");
}

TEST(UnifiedDiff, EmptyFile) {
    EXPECT_EQ(unified_diff("e.md", "", {{0, 0, "N\n"}}),
              "--- a/e.md\n+++ b/e.md\n@@ -0,0 +1,1 @@\n+N\n");
}

TEST(UnifiedDiff, RemovalOfLines) {
    EXPECT_EQ(unified_diff("a.md", "a\nS\nT\nb\n", {{2, 4, ""}}),
              "--- a/a.md\n+++ b/a.md\n"
              "@@ -1,4 +1,2 @@\n a\n-S\n-T\n b\n");
}

TEST(UnifiedDiff, LargeDiffIsCutAtALineWithANote) {
    std::string big;
    for (int i = 0; i < 200; ++i)
        big += "added line number " + std::to_string(i) + "\n";
    std::string d = unified_diff("a.md", "x\n", {{0, 0, big}}, 2, 1024);
    EXPECT_LE(d.size(), 1024u + 40u);
    EXPECT_TRUE(d.ends_with("\n… diff cut at 1 KiB\n")) << d;
    std::size_t note = d.rfind("… diff cut");
    std::size_t last_line = d.rfind('\n', note - 2) + 1;
    EXPECT_EQ(d.substr(last_line, 19), "+added line number ");
    EXPECT_EQ(d.substr(0, 38), "--- a/a.md\n+++ b/a.md\n@@ -1,1 +1,201 @");
}

}  // namespace archtag::report
