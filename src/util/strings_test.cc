#include "util/strings.h"

#include <gtest/gtest.h>

namespace archtag {

TEST(Strings, TrimAndLower) {
    EXPECT_EQ(trim("  a b \r\n"), "a b");
    EXPECT_EQ(to_lower("LAist"), "laist");
    EXPECT_TRUE(iequals("LAist", "laIST"));
    EXPECT_FALSE(iequals("LAist", "LAis"));
}

TEST(Strings, IfindIgnoresAsciiCaseAndCopiesNothing) {
    EXPECT_EQ(ifind("<p>a</SCRIPT></script>", "</script"), 4u);
    EXPECT_EQ(ifind("<p>a</SCRIPT></script>", "</script", 5), 13u);
    EXPECT_EQ(ifind("abcABC", "Bc"), 1u);
    EXPECT_EQ(ifind("abcABC", "bC", 2), 4u);
    EXPECT_EQ(ifind("abc", "abcd"), std::string_view::npos);
    EXPECT_EQ(ifind("abc", "c", 3), std::string_view::npos);
    EXPECT_EQ(ifind("abc", "", 3), 3u);
    EXPECT_EQ(ifind("abc", "x", 9), std::string_view::npos);
    EXPECT_EQ(ifind("</scrip", "</script"), std::string_view::npos);
    EXPECT_EQ(ifind("\xC3\x89t\xC3\xA9", "\xC3\xA9"), 3u);  // bytes, not letters
}

TEST(Strings, SplitKeepsEmptyPieces) {
    EXPECT_EQ(split("a,,b", ','), (std::vector<std::string>{"a", "", "b"}));
    EXPECT_EQ(split_words("  tone/help \t type/crossword "),
              (std::vector<std::string>{"tone/help", "type/crossword"}));
}

TEST(Strings, ClosestMatchSuggestsTypos) {
    std::vector<std::string> commands{"sweep", "check", "fix", "explain", "unstamp", "policy"};
    EXPECT_EQ(closest_match("swep", commands), "sweep");
    EXPECT_EQ(closest_match("explian", commands), "explain");
    EXPECT_EQ(closest_match("zzzzzzzz", commands), "");
}

TEST(Strings, DetectNewline) {
    EXPECT_EQ(detect_newline("a\r\nb"), "\r\n");
    EXPECT_EQ(detect_newline("a\nb\r\n"), "\n");
    EXPECT_EQ(detect_newline("no newline"), "\n");
}

TEST(Strings, Thousands) {
    EXPECT_EQ(with_thousands(0), "0");
    EXPECT_EQ(with_thousands(1234), "1,234");
    EXPECT_EQ(with_thousands(1234567), "1,234,567");
}

TEST(Strings, LooksBinaryWhenANulByteIsAmongTheFirst8000Bytes) {
    EXPECT_FALSE(looks_binary(""));
    EXPECT_FALSE(looks_binary("caf\xc3\xa9 \xff\xfe text\r\n"));
    EXPECT_TRUE(looks_binary(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)));
    std::string text(8000, 'a');
    EXPECT_FALSE(looks_binary(text + '\0'));  // byte 8001: git does not look that far
    text[7999] = '\0';
    EXPECT_TRUE(looks_binary(text));
}

}  // namespace archtag
