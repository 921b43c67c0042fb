#include "article/text_checks.h"

#include <gtest/gtest.h>

#include <string>

#include "article/test_support.h"

namespace archtag::article {

using testing::error_of;

TEST(TextChecks, NulInTheFirst8000BytesMeansBinary) {
    std::string bytes(10000, 'a');
    EXPECT_FALSE(looks_binary(bytes));
    bytes[7999] = '\0';
    EXPECT_TRUE(looks_binary(bytes));
    bytes[7999] = 'a';
    bytes[8000] = '\0';
    EXPECT_FALSE(looks_binary(bytes));
    EXPECT_FALSE(looks_binary(""));
}

TEST(TextChecks, ValidUtf8Passes) {
    EXPECT_EQ(first_invalid_utf8(""), std::nullopt);
    EXPECT_EQ(first_invalid_utf8("plain ascii text that is longer than eight bytes"), std::nullopt);
    EXPECT_EQ(first_invalid_utf8("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 \xEF\xBB\xBF"),
              std::nullopt);
    EXPECT_EQ(first_invalid_utf8("\xF4\x8F\xBF\xBF"), std::nullopt);  // U+10FFFF
}

TEST(TextChecks, FirstInvalidByteIsFound) {
    EXPECT_EQ(first_invalid_utf8("caf\xE9 au lait"), 3u);        // Latin-1
    EXPECT_EQ(first_invalid_utf8("abcdefghijklmnop\x80"), 16u);  // stray continuation
    EXPECT_EQ(first_invalid_utf8("x\xC0\xAF"), 1u);              // overlong '/'
    EXPECT_EQ(first_invalid_utf8("x\xE0\x80\xAF"), 1u);          // overlong 3-byte
    EXPECT_EQ(first_invalid_utf8("x\xED\xA0\x80"), 1u);          // surrogate
    EXPECT_EQ(first_invalid_utf8("x\xF4\x90\x80\x80"), 1u);      // beyond U+10FFFF
    EXPECT_EQ(first_invalid_utf8("x\xF5\x80\x80\x80"), 1u);
    EXPECT_EQ(first_invalid_utf8("ab\xE2\x82"), 2u);  // cut short
    EXPECT_EQ(first_invalid_utf8("\xC3\xA9\xC3"), 2u);
}

TEST(Parse, BinaryFileIsRefused) {
    EXPECT_EQ(error_of(std::string("---\ntitle: x\n---\n\0\0", 20)),
              "post.md: binary file, not an article");
}

TEST(Parse, InvalidUtf8NamesByteAndLine) {
    EXPECT_EQ(error_of("---\ntitle: x\n---\ncaf\xE9 au lait\n"),
              "post.md:4:4: not UTF-8 text (invalid byte 0xE9 at line 4)");
    EXPECT_EQ(error_of("\xEF\xBB\xBF\x92quote"),
              "post.md:1:1: not UTF-8 text (invalid byte 0x92 at line 1)");
}

TEST(Parse, HtmlGoesToTheHtmlReader) {
    EXPECT_EQ(error_of("<html></html>", "a/story.html"), "parsed");
    EXPECT_EQ(testing::parsed("<html></html>", "a/story.html").layout.format, Format::html);
    EXPECT_EQ(error_of(std::string("<html>\0</html>", 14), "a/story.html"),
              "a/story.html: binary file, not an article");
}

TEST(Parse, XmlGoesToTheXmlReader) {
    Document doc = testing::parsed("<nitf xml:lang=\"en\"><body/></nitf>", "a/story.nitf");
    EXPECT_EQ(doc.layout.format, Format::xml);
    EXPECT_EQ(testing::values(doc, "language"), "en@1");
    EXPECT_EQ(doc.layout.elements.size(), 2u);
    EXPECT_EQ(error_of("<nitf><hl1></nitf>", "a/story.xml"),
              "a/story.xml:1:12: XML is not well-formed: mismatched end tag </nitf> (expected "
              "</hl1>)");
}

TEST(Parse, UnknownExtensionIsNotAnArticle) {
    EXPECT_EQ(error_of("text", "notes.txt"),
              "notes.txt: not an article: the file name extension is not one of .md, .markdown, "
              ".mdown, .mkd, .html, .htm, .shtml, .xhtml, .xml, .nitf, .newsml");
}

}  // namespace archtag::article
