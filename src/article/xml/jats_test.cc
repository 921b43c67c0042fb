#include "article/xml/xml_test_support.h"

namespace archtag::article::xml::testing {
namespace {

TEST(Jats, ArticleFields) {
    Document doc = parsed(fixture("jats-article.xml"));
    EXPECT_EQ(values(doc, "title"), "Newsrooms and the Long Decline of Local Ownership@23");
    EXPECT_EQ(values(doc, "publication"), "Journal of Urban History Studies@8");
    EXPECT_EQ(values(doc, "language"), "en@3");
    EXPECT_EQ(values(doc, "section"), "Research Articles@20");
    EXPECT_EQ(values(doc, "tags"), "local news@40|ownership@41");
    EXPECT_EQ(values(doc, "type"), "research-article@3");
    EXPECT_TRUE(doc.flags.empty());
}

TEST(Jats, ElectronicPublicationFirstUpdatesAsModified) {
    Document doc = parsed(fixture("jats-article.xml"));
    EXPECT_EQ(candidates(doc),
              (Lines{"jats:pub-date[pub-type=epub] 2014-03-12 @31 high published",
                     "jats:pub-date[pub-type=ppub] 2014-04-01 @29 medium published [the print "
                     "date; online publication usually comes first; no day given; read as the "
                     "1st of the month]",
                     "jats:pub-date[pub-type=collection] 2014-01-01 @28 medium published [the "
                     "issue's date, not the article's; only the year given; read as January 1]",
                     "jats:pub-date[date-type=update] 2015-01-12 @30 high modified",
                     "jats:history/date[date-type=rev-recd] 2013-12-15 @36 high modified"}));
    EXPECT_EQ(doc.dates[0].timestamp.text, "2014-03-12");
    EXPECT_EQ(doc.dates[1].timestamp.text, "2014-04");
    EXPECT_TRUE(doc.dates[0].timestamp.date_only());
}

TEST(Jats, AnchorsAreFrontAndArticleMeta) {
    std::string bytes = fixture("jats-article.xml");
    Document doc = parsed(bytes);
    EXPECT_EQ(doc.layout.elements[0].tag, "article");
    expect_spans(bytes, doc,
                 {{"<article xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                   "xmlns:mml=\"http://www.w3.org/1998/Math/MathML\" "
                   "article-type=\"research-article\" dtd-version=\"1.1\" xml:lang=\"en\">",
                   "</article>", 0},
                  {"<front>", "</front>", 1},
                  {"<article-meta>", "</article-meta>", 2}});
}

TEST(Jats, PublisherNameOfAReferenceIsNeverThePublication) {
    Document doc = parsed(
        "<article><front><journal-meta><journal-id>x</journal-id></journal-meta>"
        "<article-meta/></front>\n<back><ref-list><ref><element-citation>"
        "<publisher-name>Gannett Books</publisher-name></element-citation></ref></ref-list>"
        "</back></article>");
    EXPECT_EQ(values(doc, "publication"), "<absent>");
}

TEST(Jats, PublisherNameOfTheJournalWhenThereIsNoJournalTitle) {
    Document doc = parsed(
        "<article><front><journal-meta>\n<publisher><publisher-name>Metro Academic Press"
        "</publisher-name></publisher></journal-meta></front></article>");
    EXPECT_EQ(values(doc, "publication"), "Metro Academic Press@2");
}

TEST(Jats, Jats11DateTypesAndIsoAttribute) {
    Document doc = parsed(
        "<article><front><article-meta>\n"
        "<pub-date date-type=\"pub\" publication-format=\"print\"><day>1</day><month>Jun</month>"
        "<year>2016</year></pub-date>\n"
        "<pub-date date-type=\"corrected\" iso-8601-date=\"2016-07-04\"/>\n"
        "<pub-date date-type=\"pub\" publication-format=\"electronic\" "
        "iso-8601-date=\"2016-05-20\"/>\n"
        "<pub-date><year>2016</year><month>5</month><day>19</day></pub-date>\n"
        "<pub-date pub-type=\"epreprint\"><day>01</day><month>02</month><year>2016</year>"
        "</pub-date>\n"
        "</article-meta></front></article>");
    EXPECT_EQ(
        candidates(doc),
        (Lines{"jats:pub-date[date-type=pub][publication-format=electronic] 2016-05-20 @4 high "
               "published",
               "jats:pub-date[date-type=pub][publication-format=print] 2016-06-01 @2 medium "
               "published [the print date; online publication usually comes first]",
               "jats:pub-date 2016-05-19 @5 high published",
               "jats:pub-date[pub-type=epreprint] 2016-02-01 @6 medium published [pub-date of "
               "type 'epreprint', not a plain publication date]",
               "jats:pub-date[date-type=corrected] 2016-07-04 @3 high modified"}));
}

TEST(Jats, ImpossibleDatePartsAreFlagged) {
    Document doc = parsed(
        "<article><front><article-meta>\n"
        "<pub-date pub-type=\"epub\"><day>30</day><month>02</month><year>2015</year></pub-date>\n"
        "<pub-date pub-type=\"ppub\"><month>Smarch</month><year>2015</year></pub-date>\n"
        "</article-meta></front></article>");
    EXPECT_TRUE(doc.dates.empty());
    EXPECT_EQ(flags(doc),
              (Lines{"warning bad-date: jats:pub-date[pub-type=epub] at line 2: impossible date "
                     "'2015-02-30'",
                     "warning bad-date: jats:pub-date[pub-type=ppub] at line 3: not a month: "
                     "'Smarch'"}));
}

}  // namespace
}  // namespace archtag::article::xml::testing
