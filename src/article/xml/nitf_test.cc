#include "article/xml/xml_test_support.h"

namespace archtag::article::xml::testing {
namespace {

TEST(Nitf, WireStoryFields) {
    Document doc = parsed(fixture("ap-wire-story.nitf"), "wire/ap.nitf");
    EXPECT_EQ(values(doc, "title"), "Bushfires threaten homes west of Sydney@28");
    EXPECT_EQ(values(doc, "publication"), "The Associated Press@16");
    EXPECT_EQ(values(doc, "language"), "en-US@3");
    EXPECT_EQ(values(doc, "section"), "International@23");
    EXPECT_EQ(values(doc, "tags"), "Australia@18|Wildfires@19|Blue Mountains@20");
    EXPECT_EQ(values(doc, "type"), "news@8");
    EXPECT_EQ(doc.fields.size(), 6u);
    EXPECT_TRUE(doc.flags.empty());
}

TEST(Nitf, WireStoryDatesInTrustOrder) {
    Document doc = parsed(fixture("ap-wire-story.nitf"));
    EXPECT_EQ(candidates(doc),
              (Lines{"nitf:pubdata@date.publication 2013-10-20T19:27:51+11:00 @23 high "
                     "published",
                     "nitf:date.issue@norm 2013-10-20T19:27:51+11:00 @14 high published",
                     "nitf:story.date@norm 2013-10-20T19:27:00Z @32 high published"}));
    EXPECT_EQ(doc.dates[0].timestamp.text, "20131020T192751+1100");
    EXPECT_EQ(doc.dates[2].timestamp.text, "20131020T1927Z");
}

TEST(Nitf, WireStoryLayout) {
    std::string bytes = fixture("ap-wire-story.nitf");
    Document doc = parsed(bytes);
    EXPECT_EQ(doc.layout.format, Format::xml);
    EXPECT_EQ(doc.layout.encoding, "utf-8");
    EXPECT_EQ(doc.layout.newline, "\n");
    EXPECT_FALSE(doc.layout.bom);
    EXPECT_EQ(doc.layout.front_matter, FrontMatterKind::none);
    expect_spans(bytes, doc,
                 {{"<nitf version=\"-//IPTC//DTD NITF 3.3//EN\" change.date=\"June 10, 2005\" "
                   "change.time=\"19:30\" xml:lang=\"en-US\">",
                   "</nitf>", 0},
                  {"<head>", "</head>", 1},
                  {"<docdata>", "</docdata>", 2},
                  {"<body>", "</body>", 1},
                  {"<body.head>", "</body.head>", 2},
                  {"<body.content>", "</body.content>", 2}});
}

TEST(Nitf, Latin1IsReadAsLatin1AndSpansStayInTheOriginalBytes) {
    std::string bytes = fixture("latin1-nitf.xml");
    Document doc = parsed(bytes);
    EXPECT_EQ(doc.layout.encoding, "iso-8859-1");
    EXPECT_EQ(values(doc, "title"),
              "Le m\u00e9tro de Montr\u00e9al s'agrandit \u00e0 l'\u00e9t\u00e9@14");
    EXPECT_EQ(values(doc, "publication"), "La Presse canadienne@7");
    EXPECT_EQ(values(doc, "tags"), "Montr\u00e9al@8|M\u00e9tro@8");
    EXPECT_EQ(values(doc, "section"), "Actualit\u00e9s@10");
    EXPECT_EQ(values(doc, "language"), "fr-CA@2");
    EXPECT_EQ(candidates(doc),
              (Lines{"nitf:date.issue@norm 2012-09-15T08:30:00-04:00 @6 high published"}));
    // Offsets count Latin-1 bytes (one per accented letter), not UTF-8 ones.
    expect_spans(bytes, doc,
                 {{"<nitf xml:lang=\"fr-CA\">", "</nitf>", 0},
                  {"<head>", "</head>", 1},
                  {"<docdata>", "</docdata>", 2},
                  {"<body>", "</body>", 1},
                  {"<body.head>", "</body.head>", 2},
                  {"<body.content>", "</body.content>", 2}});
    EXPECT_EQ(bytes.find("\xE9"), bytes.find("Montr") + 5);  // the fixture really is Latin-1
}

TEST(Nitf, CrlfAndBomAreKept) {
    std::string bytes = fixture("crlf-bom-nitf.xml");
    Document doc = parsed(bytes);
    EXPECT_TRUE(doc.layout.bom);
    EXPECT_EQ(doc.layout.newline, "\r\n");
    EXPECT_EQ(doc.layout.encoding, "utf-8");
    EXPECT_EQ(values(doc, "title"), "Caf\u00e9 owners cheer the new \u201cparklet\u201d rules@9");
    EXPECT_EQ(candidates(doc), (Lines{"nitf:date.issue@norm 2013-10-20 @5 high published"}));
    expect_spans(bytes, doc,
                 {{"<nitf>", "</nitf>", 0},
                  {"<head>", "</head>", 1},
                  {"<docdata>", "</docdata>", 2},
                  {"<body>", "</body>", 1},
                  {"<body.head>", "</body.head>", 2},
                  {"<body.content>", "</body.content>", 2}});
}

TEST(Nitf, TitleFallsBackToHeadTitleAndPublicationToPubdataName) {
    Document doc = parsed(
        "<nitf>\n<head><title>Head title</title>\n<pubdata name=\"Daily Bugle\"/></head>\n"
        "<body><body.head><hedline><hl1>  </hl1></hedline></body.head></body></nitf>");
    EXPECT_EQ(values(doc, "title"), "Head title@2");
    EXPECT_EQ(values(doc, "publication"), "Daily Bugle@3");
}

TEST(Nitf, HeadlineMarkupAndWhiteSpaceAreFlattened) {
    Document doc = parsed(
        "<nitf><body><body.head><hedline><hl1>\n  Mayor <em>resigns</em>\n  &amp; leaves"
        "</hl1></hedline></body.head></body></nitf>");
    EXPECT_EQ(values(doc, "title"), "Mayor resigns & leaves@1");
}

TEST(Nitf, CompactDatesOfEveryLength) {
    Document doc = parsed(
        "<nitf><head><docdata><date.issue norm=\"20131020\"/></docdata>\n"
        "<pubdata date.publication=\"20131020T1927\"/></head>\n"
        "<body><body.head><dateline><story.date norm=\"2013-10-20T19:27:51.250+11:00\"/>"
        "</dateline></body.head></body></nitf>");
    EXPECT_EQ(candidates(doc),
              (Lines{"nitf:pubdata@date.publication 2013-10-20T19:27:00 @2 high published",
                     "nitf:date.issue@norm 2013-10-20 @1 high published",
                     "nitf:story.date@norm 2013-10-20T19:27:51.250+11:00 @3 high published"}));
    EXPECT_FALSE(doc.dates[0].timestamp.offset.has_value());  // the policy's zone applies later
    EXPECT_TRUE(doc.dates[1].timestamp.date_only());
}

TEST(Nitf, UnreadableDatesAreFlaggedNotGuessed) {
    Document doc = parsed(
        "<nitf><head>\n<docdata><date.issue norm=\"20131320T1927\"/></docdata>\n"
        "<pubdata date.publication=\"soon\"/></head>\n"
        "<body><body.head><dateline><story.date>Oct. 20</story.date></dateline></body.head>"
        "</body></nitf>");
    EXPECT_TRUE(doc.dates.empty());
    EXPECT_EQ(flags(doc),
              (Lines{"warning bad-date: nitf:pubdata@date.publication at line 3: not a "
                     "date: 'soon' (expected ISO 8601 such as 2003-06-10 or RFC 822 such "
                     "as Tue, 10 Jun 2003 04:00:00 GMT)",
                     "warning bad-date: nitf:date.issue@norm at line 2: impossible date "
                     "'20131320T1927': there is no month 13"}));
}

TEST(Nitf, SelfClosingAnchorsHaveAnEmptyInside) {
    std::string bytes = "<nitf><head/><body><body.content/></body></nitf>";
    Document doc = parsed(bytes);
    expect_spans(bytes, doc,
                 {{"<nitf>", "</nitf>", 0},
                  {"<head/>", "", 1},
                  {"<body>", "</body>", 1},
                  {"<body.content/>", "", 2}});
}

}  // namespace
}  // namespace archtag::article::xml::testing
