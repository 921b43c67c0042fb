// What parse_xml refuses, and the words it uses.
#include "article/xml/xml_scan.h"
#include "article/xml/xml_test_support.h"

namespace archtag::article::xml::testing {
namespace {

// `levels` nested elements under <nitf>, one per line, the innermost with text.
std::string nested(int levels) {
    std::string s = "<nitf>\n";
    for (int i = 1; i < levels; ++i)
        s += "<div>\n";
    s += "deep";
    for (int i = 1; i < levels; ++i)
        s += "</div>";
    return s + "</nitf>";
}

TEST(XmlSafety, DoctypeWithEntitiesIsRefused) {
    EXPECT_EQ(error_of(fixture("doctype-entities.xml"), "lol.xml"),
              "lol.xml:4:3: DOCTYPE declares entities; archtag does not expand entities");
    EXPECT_EQ(error_of("<!DOCTYPE nitf [<!ENTITY % ext SYSTEM \"http://x.test/e.dtd\"> %ext;]>"
                       "<nitf/>"),
              "story.xml:1:17: DOCTYPE declares entities; archtag does not expand entities");
}

TEST(XmlSafety, DoctypeWithoutEntitiesIsSkipped) {
    std::string bytes =
        "<!DOCTYPE nitf [\n  <!ATTLIST nitf note CDATA \"a ] > b\">\n  <!-- ]> -->\n]>\n"
        "<nitf><head/></nitf>";
    Document doc = parsed(bytes);
    expect_spans(bytes, doc, {{"<nitf>", "</nitf>", 0}, {"<head/>", "", 1}});
}

TEST(XmlSafety, NestingIsLimitedBeforeParsing) {
    Document doc = parsed(nested(k_max_depth));
    EXPECT_EQ(doc.layout.elements.size(), 1u);
    EXPECT_EQ(error_of(nested(k_max_depth + 1)),
              "story.xml:99:1: elements nest more than 98 levels deep (at <div>); archtag does "
              "not read XML nested that deeply");
    EXPECT_EQ(error_of(nested(200000)),
              "story.xml:99:1: elements nest more than 98 levels deep (at <div>); archtag does "
              "not read XML nested that deeply");
}

TEST(XmlSafety, FilesOver32MiBAreRefusedUnread) {
    std::string big(k_max_xml_bytes + 1, ' ');
    EXPECT_EQ(error_of(big),
              "story.xml: the file is 33,554,433 bytes; archtag reads XML articles of at most 32 "
              "MiB (33,554,432 bytes)");
}

TEST(XmlWellFormed, MismatchedEndTagNamesBoth) {
    std::string bytes = fixture("ap-wire-story.nitf");
    std::string broken = bytes;
    broken.replace(broken.find("</hedline>"), 10, "</hedlin>");
    EXPECT_EQ(error_of(broken),
              "story.xml:30:7: XML is not well-formed: mismatched end tag </hedlin> (expected "
              "</hedline>)");
    auto e = parse_xml("story.xml", broken);
    ASSERT_FALSE(e.has_value());
    EXPECT_EQ(e.error().source_line, "      </hedlin>");
}

TEST(XmlWellFormed, StructuralErrors) {
    EXPECT_EQ(error_of("<nitf>\n  <head>\n</nitf>"),
              "story.xml:3:1: XML is not well-formed: mismatched end tag </nitf> (expected "
              "</head>)");
    EXPECT_EQ(error_of("<nitf>\n  <head>"),
              "story.xml:2:3: XML is not well-formed: <head> is not closed (expected </head> "
              "before the end of the file)");
    EXPECT_EQ(error_of("<nitf/>\n</nitf>"),
              "story.xml:2:1: XML is not well-formed: end tag </nitf> without a start tag");
    EXPECT_EQ(error_of("<nitf/>\n<nitf/>"),
              "story.xml:2:1: XML is not well-formed: a second root element <nitf>");
    EXPECT_EQ(error_of("hello <nitf/>"),
              "story.xml:1:1: XML is not well-formed: text before the root element");
    EXPECT_EQ(error_of("<nitf/>x"),
              "story.xml:1:8: XML is not well-formed: text after the root element");
    EXPECT_EQ(error_of(""),
              "story.xml:1:1: XML is not well-formed: no root element (expected an element such "
              "as <nitf>)");
    EXPECT_EQ(error_of("<nitf>a < b</nitf>"),
              "story.xml:1:9: XML is not well-formed: '<' that starts no element (write &lt; for "
              "a literal '<')");
    EXPECT_EQ(error_of("<nitf>\n<!-- never closed </nitf>"),
              "story.xml:2:1: XML is not well-formed: a comment is not closed (expected -->)");
    EXPECT_EQ(error_of("<nitf>\n<head version=1.0/></nitf>"),
              "story.xml:2:1: XML is not well-formed: cannot read the start tag <head> (expected "
              "name=\"value\" attributes, then > or />)");
    EXPECT_EQ(error_of("<nitf>\n<head a=\"1\"b=\"2\"/></nitf>"),
              "story.xml:2:1: XML is not well-formed: cannot read the start tag <head> (expected "
              "name=\"value\" attributes, then > or />)");
    EXPECT_EQ(error_of("<nitf>\n<head note=\"open/></nitf>"),
              "story.xml:2:12: XML is not well-formed: the value of note in <head> is not closed "
              "(expected \")");
}

TEST(XmlWellFormed, ParserErrorsHaveTheLine) {
    EXPECT_EQ(error_of("<nitf>\n<head a=\"1\" a=\"2\"/></nitf>"),
              "story.xml:2: XML is not well-formed: cannot read an attribute (expected "
              "name=\"value\", each name at most once) in <head>");
}

TEST(XmlRefused, UnknownVocabulary) {
    EXPECT_EQ(error_of("<?xml version=\"1.0\"?>\n<urlset><url/></urlset>", "sitemap.xml"),
              "sitemap.xml:2: not a known XML article: the root element is <urlset> (expected "
              "NITF <nitf>, NewsML-G2 <newsMessage> or <newsItem>, JATS <article>, Atom <feed> "
              "or <entry>, or RSS <rss>)");
}

TEST(XmlRefused, EncodingProblems) {
    EXPECT_EQ(error_of("<?xml version=\"1.0\"?>\n<nitf>caf\xE9</nitf>"),
              "story.xml:2:10: not UTF-8 text (invalid byte 0xE9 at line 2); the XML declaration "
              "says UTF-8 or names no encoding");
    EXPECT_EQ(error_of("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><nitf/>"),
              "story.xml: encoding 'Shift_JIS' is not supported (expected UTF-8, ISO-8859-1 or "
              "windows-1252)");
    EXPECT_EQ(error_of("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"latin1\"?><nitf/>"),
              "story.xml: the file starts with a UTF-8 byte order mark but declares encoding "
              "'latin1'");
}

TEST(XmlEncoding, Windows1252IsTranscodedForTheParser) {
    std::string bytes =
        "<?xml version='1.0' encoding='Windows-1252'?>\n<nitf><body><body.head><hedline><hl1>"
        "\x93Quoted\x94 \x96 caf\xE9</hl1></hedline></body.head></body></nitf>";
    Document doc = parsed(bytes);
    EXPECT_EQ(doc.layout.encoding, "windows-1252");
    EXPECT_EQ(values(doc, "title"), "\u201cQuoted\u201d \u2013 caf\u00e9@2");
    expect_spans(
        bytes, doc,
        {{"<nitf>", "</nitf>", 0}, {"<body>", "</body>", 1}, {"<body.head>", "</body.head>", 2}});
}

TEST(XmlScanAndParse, MarkupInsideCommentsCdataAndAttributesIsNotAnElement) {
    std::string bytes =
        "<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"a.xsl\"?>\n"
        "<!-- <head> <body.head> -->\n<nitf note=\"a > b\" other='</nitf>'>\n"
        "<body><![CDATA[</body.head>]]><body.content>x</body.content ></body></nitf >\n";
    Document doc = parsed(bytes);
    expect_spans(bytes, doc,
                 {{"<nitf note=\"a > b\" other='</nitf>'>", "</nitf >", 0},
                  {"<body>", "</body>", 1},
                  {"<body.content>", "</body.content >", 2}});
}

}  // namespace
}  // namespace archtag::article::xml::testing
