#include "article/xml/xml_encoding.h"

#include <gtest/gtest.h>

namespace archtag::article::xml {
namespace {

std::string encoding_of(std::string_view bytes) {
    auto e = declared_encoding(bytes);
    return e ? *e : "error: " + e.error().message;
}

TEST(XmlEncoding, DeclarationNamesTheEncoding) {
    EXPECT_EQ(encoding_of("<nitf/>"), "utf-8");
    EXPECT_EQ(encoding_of("<?xml version=\"1.0\"?><nitf/>"), "utf-8");
    EXPECT_EQ(encoding_of("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), "utf-8");
    EXPECT_EQ(encoding_of("<?xml version='1.0' encoding = 'ISO-8859-1' ?>"), "iso-8859-1");
    EXPECT_EQ(encoding_of("<?xml version=\"1.0\" encoding=\"latin1\"?>"), "iso-8859-1");
    EXPECT_EQ(encoding_of("<?xml version=\"1.0\" encoding=\"CP1252\"?>"), "windows-1252");
    EXPECT_EQ(encoding_of("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>"), "utf-8");
    // Only a declaration at the very start counts.
    EXPECT_EQ(encoding_of("<a/><?xml version=\"1.0\" encoding=\"latin1\"?>"), "utf-8");
    EXPECT_EQ(encoding_of("\xFF\xFE<\0a\0"),
              "error: UTF-16 is not supported (expected UTF-8, ISO-8859-1 or windows-1252)");
}

TEST(XmlEncoding, TranscodesSingleByteEncodings) {
    EXPECT_EQ(to_utf8("caf\xE9\n\xAB x \xBB", "iso-8859-1"), "caf\u00e9\n\u00ab x \u00bb");
    EXPECT_EQ(to_utf8("\x80 \x93q\x94 \x81 \xE9", "windows-1252"),
              "\u20ac \u201cq\u201d \u0081 \u00e9");
    EXPECT_EQ(to_utf8("caf\xC3\xA9", "utf-8"), "caf\xC3\xA9");
}

TEST(XmlEncoding, FindsInvalidUtf8) {
    EXPECT_EQ(first_invalid_utf8_byte("caf\xC3\xA9 \xE2\x80\x9C \xF0\x9F\x93\xB0"), std::nullopt);
    EXPECT_EQ(first_invalid_utf8_byte("caf\xE9"), 3u);
    EXPECT_EQ(first_invalid_utf8_byte("a\xC0\xAF"), 1u);      // overlong
    EXPECT_EQ(first_invalid_utf8_byte("a\xED\xA0\x80"), 1u);  // surrogate
    EXPECT_EQ(first_invalid_utf8_byte("ab\xE2\x82"), 2u);     // cut short
    EXPECT_EQ(first_invalid_utf8_byte("\x80"), 0u);           // stray continuation
}

}  // namespace
}  // namespace archtag::article::xml
