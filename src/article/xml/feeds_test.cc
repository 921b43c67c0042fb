#include "article/xml/xml_test_support.h"

namespace archtag::article::xml::testing {
namespace {

TEST(Atom, EntryFields) {
    Document doc = parsed(fixture("atom-entry.xml"));
    EXPECT_EQ(values(doc, "title"), "Guardian liveblog: election night as it happened@3");
    EXPECT_EQ(values(doc, "publication"), "The Guardian: Politics@13");
    EXPECT_EQ(values(doc, "language"), "en-GB@2");
    EXPECT_EQ(values(doc, "tags"), "politics@9|general-election-2015@10");
    EXPECT_EQ(values(doc, "type"), "<absent>");
    EXPECT_TRUE(doc.flags.empty());
}

TEST(Atom, PublishedThenUpdatedAsModified) {
    Document doc = parsed(fixture("atom-entry.xml"));
    EXPECT_EQ(candidates(doc), (Lines{"atom:published 2015-05-07T21:00:00+01:00 @6 high published",
                                      "atom:updated 2015-05-08T06:12:44Z @7 high modified"}));
}

TEST(Atom, EntryIsTheOnlyAnchor) {
    std::string bytes = fixture("atom-entry.xml");
    Document doc = parsed(bytes);
    expect_spans(
        bytes, doc,
        {{"<entry xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-GB\">", "</entry>", 0}});
}

TEST(Atom, FeedTitleOnlyWhenTheEntryHasNoSource) {
    std::string bytes =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
        "<title>Example Gazette</title><generator>Hugo</generator>\n"
        "<entry><title>One</title><dc:date>2011-04</dc:date></entry>\n"
        "<entry><title>Two</title></entry>\n"
        "</feed>";
    Document doc = parsed(bytes);
    EXPECT_EQ(values(doc, "title"), "One@3");
    EXPECT_EQ(values(doc, "publication"), "Example Gazette@2");
    EXPECT_EQ(candidates(doc), (Lines{"dc:date 2011-04-01 @3 medium published [no day given; "
                                      "read as the 1st of the month]"}));
    EXPECT_EQ(flags(doc), (Lines{"info several-items: the feed holds 2 entries; metadata is read "
                                 "from the first (line 3), and each one is stamped"}));
    expect_spans(bytes, doc,
                 {{"<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                   "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">",
                   "</feed>", 0},
                  {"<entry>", "</entry>", 1},
                  {"<entry>", "</entry>", 1}});
}

TEST(Atom, GeneratorAsTheLastResort) {
    Document doc = parsed("<feed>\n<generator>WordPress</generator><entry/></feed>");
    EXPECT_EQ(values(doc, "publication"), "WordPress@2");
}

TEST(Rss, ItemFields) {
    Document doc = parsed(fixture("rss-item.xml"));
    EXPECT_EQ(values(doc, "title"), "Star City's new transit plan, explained@10");
    EXPECT_EQ(values(doc, "publication"), "LAist@4");
    EXPECT_EQ(values(doc, "language"), "en-us@7");
    EXPECT_EQ(values(doc, "tags"), "Transportation@15|City Hall@16");
    EXPECT_TRUE(doc.flags.empty());
}

TEST(Rss, PubDateIsRfc822) {
    Document doc = parsed(fixture("rss-item.xml"));
    EXPECT_EQ(candidates(doc), (Lines{"rss:pubDate 2003-06-10T04:00:00+00:00 @13 high published",
                                      "dc:date 2003-06-10T04:00:00Z @14 high published"}));
    EXPECT_EQ(doc.dates[0].timestamp.text, "Tue, 10 Jun 2003 04:00:00 GMT");
}

TEST(Rss, ChannelAndItemAreAnchors) {
    std::string bytes = fixture("rss-item.xml");
    Document doc = parsed(bytes);
    expect_spans(
        bytes, doc,
        {{"<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">", "</rss>", 0},
         {"<channel>", "</channel>", 1},
         {"<item>", "</item>", 2}});
}

TEST(Rss, ItemSourceNamesThePublication) {
    Document doc = parsed(
        "<rss><channel><title>Aggregator</title>\n<item><source url=\"https://x.test/rss\">"
        "The Daily Planet</source><pubDate>10 Jun 2003 04:00 -0700</pubDate></item>"
        "</channel></rss>");
    EXPECT_EQ(values(doc, "publication"), "The Daily Planet@2");
    EXPECT_EQ(candidates(doc), (Lines{"rss:pubDate 2003-06-10T04:00:00-07:00 @2 high published"}));
}

TEST(Rss, ChannelWithoutItemsIsFlagged) {
    Document doc = parsed("<rss><channel><title>Empty</title></channel></rss>");
    EXPECT_EQ(flags(doc), (Lines{"warning no-items: the channel holds no items; there is no "
                                 "article metadata to read"}));
}

}  // namespace
}  // namespace archtag::article::xml::testing
