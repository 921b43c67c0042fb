#include "article/xml/xml_test_support.h"

namespace archtag::article::xml::testing {
namespace {

TEST(NewsMl, FirstItemGivesTheMetadata) {
    Document doc = parsed(fixture("reuters-newsmessage.xml"));
    EXPECT_EQ(values(doc, "title"), "Australian firefighters contain Blue Mountains blaze@30");
    EXPECT_EQ(values(doc, "publication"), "reuters.com@17");
    EXPECT_EQ(values(doc, "language"), "en-AU@32");
    EXPECT_EQ(values(doc, "tags"), "Disasters@26|Australia@27");
    EXPECT_EQ(values(doc, "type"), "Report@29");
    EXPECT_EQ(values(doc, "section"), "<absent>");
    EXPECT_EQ(doc.layout.encoding, "utf-8");
}

TEST(NewsMl, FirstCreatedBeforeVersionCreatedAsALastResort) {
    Document doc = parsed(fixture("reuters-newsmessage.xml"));
    EXPECT_EQ(candidates(doc),
              (Lines{"newsml:firstCreated 2014-03-12T08:01:02.000Z @19 high published",
                     "newsml:versionCreated 2014-03-12T10:14:58.000Z @18 medium published [last "
                     "resort: when this version was made, which may be later than first "
                     "publication]"}));
}

TEST(NewsMl, SeveralItemsAreFlaggedAndEachIsAnAnchor) {
    std::string bytes = fixture("reuters-newsmessage.xml");
    Document doc = parsed(bytes);
    EXPECT_EQ(flags(doc), (Lines{"info several-items: the newsMessage holds 2 news items; "
                                 "metadata is read from the first (line 9), and each one is "
                                 "stamped"}));
    expect_spans(
        bytes, doc,
        {{bytes.substr(bytes.find("<newsMessage"), bytes.find('>', bytes.find("<newsMessage")) + 1 -
                                                       bytes.find("<newsMessage")),
          "</newsMessage>", 0},
         {"<newsItem guid=\"tag:reuters.com,2014:newsml_L6N0M90XE\" version=\"3\" "
          "standard=\"NewsML-G2\" standardversion=\"2.12\" conformance=\"power\" xml:lang=\"en\">",
          "</newsItem>", 2},
         {"<itemMeta>", "</itemMeta>", 3},
         {"<contentMeta>", "</contentMeta>", 3},
         {"<newsItem guid=\"tag:reuters.com,2014:newsml_L6N0M90XF\" version=\"1\" "
          "standard=\"NewsML-G2\" standardversion=\"2.12\" xml:lang=\"en\">",
          "</newsItem>", 2},
         {"<itemMeta>", "</itemMeta>", 3},
         {"<contentMeta>", "</contentMeta>", 3}});
}

TEST(NewsMl, SingleNewsItemRootWithContentCreatedAndNamedProvider) {
    std::string bytes =
        "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" xml:lang=\"de\">\n"
        "<rightsInfo><copyrightHolder literal=\"dpa\"/></rightsInfo>\n"
        "<itemMeta><itemClass qcode=\"icls:text\"/><provider><name>Deutsche Presse-Agentur"
        "</name></provider>\n"
        "<versionCreated>2016-05-02T11:00:00+02:00</versionCreated></itemMeta>\n"
        "<contentMeta><contentCreated>2016-05-02T09:30:00+02:00</contentCreated></contentMeta>\n"
        "</newsItem>";
    Document doc = parsed(bytes);
    EXPECT_EQ(values(doc, "publication"), "Deutsche Presse-Agentur@3");
    EXPECT_EQ(values(doc, "language"), "de@1");
    EXPECT_EQ(values(doc, "type"), "icls:text@3");
    EXPECT_EQ(candidates(doc),
              (Lines{"newsml:contentCreated 2016-05-02T09:30:00+02:00 @5 high published",
                     "newsml:versionCreated 2016-05-02T11:00:00+02:00 @4 medium published [last "
                     "resort: when this version was made, which may be later than first "
                     "publication]"}));
    EXPECT_TRUE(doc.flags.empty());
    expect_spans(bytes, doc,
                 {{"<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" xml:lang=\"de\">",
                   "</newsItem>", 0},
                  {"<itemMeta>", "</itemMeta>", 1},
                  {"<contentMeta>", "</contentMeta>", 1}});
}

TEST(NewsMl, CopyrightHolderWhenThereIsNoProvider) {
    Document doc = parsed(
        "<nar:newsItem xmlns:nar=\"http://iptc.org/std/nar/2006-10-01/\">\n"
        "<nar:rightsInfo><nar:copyrightHolder><nar:name>AFP</nar:name></nar:copyrightHolder>"
        "</nar:rightsInfo></nar:newsItem>");
    EXPECT_EQ(values(doc, "publication"), "AFP@2");
    ASSERT_EQ(doc.layout.elements.size(), 1u);
    EXPECT_EQ(doc.layout.elements[0].tag, "nar:newsItem");
}

TEST(NewsMl, MessageWithoutItemsIsFlagged) {
    Document doc = parsed("<newsMessage><header/><itemSet/></newsMessage>");
    EXPECT_EQ(flags(doc), (Lines{"warning no-items: the newsMessage holds no news items; there "
                                 "is no article metadata to read"}));
    EXPECT_TRUE(doc.dates.empty());
}

}  // namespace
}  // namespace archtag::article::xml::testing
