// Which encoding a page is in, and offsets back from its UTF-8 form.
#include "article/html/page_encoding.h"

#include <gtest/gtest.h>

#include <string>

namespace archtag::article {

namespace {

std::string encoding_of(std::string_view bytes) {
    auto e = page_encoding("p.html", bytes);
    return e ? *e : e.error().headline();
}

}  // namespace

TEST(PageEncoding, DeclaredCharsets) {
    EXPECT_EQ(declared_charset("<meta charset=\"UTF-8\">"), "utf-8");
    EXPECT_EQ(declared_charset("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; "
                               "charset=iso-8859-1\">"),
              "iso-8859-1");
    EXPECT_EQ(declared_charset("<meta name=x content=y><meta charset=windows-1252>"),
              "windows-1252");
    EXPECT_EQ(declared_charset("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html>"),
              "iso-8859-1");
    EXPECT_EQ(declared_charset("<html><body>charset=utf-8</body>"), "");
    EXPECT_EQ(declared_charset(std::string(5000, ' ') + "<meta charset=latin1>"), "");
}

TEST(PageEncoding, BomDeclarationOrContent) {
    EXPECT_EQ(encoding_of("\xEF\xBB\xBF<meta charset=iso-8859-1>"), "utf-8");
    EXPECT_EQ(encoding_of("<meta charset=latin1>caf\xE9"), "iso-8859-1");
    EXPECT_EQ(encoding_of("<meta charset=cp1252>"), "windows-1252");
    EXPECT_EQ(encoding_of("<meta charset=us-ascii>"), "windows-1252");
    EXPECT_EQ(encoding_of("<p>caf\xC3\xA9</p>"), "utf-8");
    EXPECT_EQ(encoding_of("<p>caf\xE9 \x93quoted\x94</p>"), "windows-1252");
    EXPECT_EQ(encoding_of("<meta charset=is>caf\xE9"), "windows-1252");  // unknown label
    EXPECT_EQ(encoding_of("<meta charset=\"Shift_JIS\">"),
              "p.html: the page declares the character encoding 'shift_jis'; archtag reads "
              "HTML in utf-8, iso-8859-1 or windows-1252 only");
}

TEST(PageEncoding, TranscodesAndMapsOffsetsBack) {
    std::string latin =
        "<p>Stra\xDF"
        "e \x80 5</p><b>";
    Transcoded t(latin);
    EXPECT_EQ(t.utf8(),
              "<p>Stra\xC3\x9F"
              "e \xE2\x82\xAC 5</p><b>");
    std::size_t p_end = t.utf8().find("</p>");
    EXPECT_EQ(t.original_offset(p_end), latin.find("</p>"));
    EXPECT_EQ(t.original_offset(t.utf8().find("<b>")), latin.find("<b>"));
    EXPECT_EQ(t.original_offset(0), 0u);
    EXPECT_EQ(t.original_offset(t.utf8().size()), latin.size());
}

}  // namespace archtag::article
