#include "stamp/escape.h"

#include <gtest/gtest.h>

namespace archtag::stamp {

TEST(EscapeMarkdown, PlainTextIsUnchanged) {
    EXPECT_EQ(escape_markdown("This article is more than 9 years old."),
              "This article is more than 9 years old.");
}

TEST(EscapeMarkdown, EscapesInlineMarkupEverywhere) {
    EXPECT_EQ(
        escape_markdown("a *b* _c_ `d` [e](f) <script>alert(1)</script> x|y ~z~ {g} \\ &amp;"),
        "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<script\\>alert(1)\\</script\\> x\\|y \\~z\\~ "
        "\\{g\\} \\\\ \\&amp;");
}

TEST(EscapeMarkdown, CommentCloserCannotSurvive) {
    std::string out = escape_markdown("end --> <!-- start");
    EXPECT_EQ(out, "end --\\> \\<!-- start");
    EXPECT_EQ(out.find("-->"), std::string::npos);
}

TEST(EscapeMarkdown, CollapsesNewlinesAndTrims) {
    EXPECT_EQ(escape_markdown("  one\r\ntwo\nthree\rfour  \n"), "one two three four");
}

TEST(EscapeMarkdown, EscapesBlockStartsOnlyAtTheLineStart) {
    EXPECT_EQ(escape_markdown("# not a heading #"), "\\# not a heading #");
    EXPECT_EQ(escape_markdown("- not a list - item"), "\\- not a list - item");
    EXPECT_EQ(escape_markdown("+ plus + plus"), "\\+ plus + plus");
    EXPECT_EQ(escape_markdown("=== not a rule"), "\\=== not a rule");
    EXPECT_EQ(escape_markdown("2014. A year. 1. Again"), "2014\\. A year. 1. Again");
    EXPECT_EQ(escape_markdown("3) three"), "3\\) three");
    EXPECT_EQ(escape_markdown("> quote"), "\\> quote");
    EXPECT_EQ(escape_markdown("    code?"), "code?");
}

TEST(EscapeLinkUrl, PercentEscapesWhatWouldEndTheDestination) {
    EXPECT_EQ(escape_link_url("https://x.org/a b(c)<d>\\e"),
              "https://x.org/a%20b%28c%29%3Cd%3E%5Ce");
    EXPECT_EQ(escape_link_url("https://x.org/?q=1&r=%20"), "https://x.org/?q=1&r=%20");
}

TEST(EscapeQuoted, EscapesForYamlTomlAndJson) {
    EXPECT_EQ(escape_quoted("say \"hi\" \\ tab\tbell\x07 del\x7f"),
              "say \\\"hi\\\" \\\\ tab\\tbell\\u0007 del\\u007F");
    EXPECT_EQ(escape_quoted("line\xE2\x80\xA8sep\xC2\x85nel é"), "line\\u2028sep\\u0085nel é");
}

TEST(EscapeQuoted, RoundTrips) {
    std::string text = "a \"b\" \\c\td\x01 \xE2\x80\xA9 é \r\n";
    EXPECT_EQ(unescape_quoted(escape_quoted(text)), text);
}

TEST(PlainText, AddsTheLinkAfterTheText) {
    Notice n{NoticeKind::archival, "Old\nstory.", "en", "https://x.org/s", "Learn more."};
    EXPECT_EQ(plain_text(n), "Old story. Learn more. (https://x.org/s)");
    n.link_text.clear();
    EXPECT_EQ(plain_text(n), "Old story. https://x.org/s");
    n.link_url.clear();
    EXPECT_EQ(plain_text(n), "Old story.");
}

TEST(PlainFromMarkdown, UndoesEscapingAndLinks) {
    EXPECT_EQ(plain_from_markdown("\\# a \\*b\\* [Learn \\[more\\]](https://x.org/a%20b)"),
              "# a *b* Learn [more] (https://x.org/a b)");
    EXPECT_EQ(plain_from_markdown("text [https://x.org](https://x.org)"), "text https://x.org");
}

}  // namespace archtag::stamp
