// The XML reader through article::parse() and extract(): what the rules see.
#include "article/xml/xml_test_support.h"

namespace archtag::article::xml::testing {
namespace {

ArticleMeta meta_of(std::string_view fixture_name, std::string_view path) {
    auto doc = parse(path, fixture(fixture_name));
    EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error().describe());
    return doc ? extract(*doc, path, FieldMapping::defaults()) : ArticleMeta{};
}

std::string published(const ArticleMeta& m) {
    return m.published ? m.published->iso() + " from " + m.published_source + " (" +
                             std::string(to_string(m.published_confidence)) + ")"
                       : "<none>";
}

TEST(XmlExtract, NitfWireStory) {
    ArticleMeta m = meta_of("ap-wire-story.nitf", "wire/2013/ap.nitf");
    EXPECT_EQ(m.format, Format::xml);
    EXPECT_EQ(published(m), "2013-10-20T19:27:51+11:00 from nitf:pubdata@date.publication (high)");
    EXPECT_EQ(m.title, "Bushfires threaten homes west of Sydney");
    EXPECT_EQ(m.publication, "The Associated Press");
    EXPECT_EQ(m.tags, (Lines{"Australia", "Wildfires", "Blue Mountains"}));
    EXPECT_EQ(m.section, "International");
    EXPECT_EQ(m.type, "news");
    EXPECT_EQ(m.language, "en-US");
    EXPECT_TRUE(m.flags.empty());
}

TEST(XmlExtract, NewsMlTakesFirstCreated) {
    ArticleMeta m = meta_of("reuters-newsmessage.xml", "wire/reuters.newsml");
    EXPECT_EQ(published(m), "2014-03-12T08:01:02.000Z from newsml:firstCreated (high)");
    ASSERT_EQ(m.flags.size(), 1u);
    EXPECT_EQ(m.flags[0].code, "several-items");
}

TEST(XmlExtract, JatsTakesTheElectronicDateAndNeverTheUpdate) {
    ArticleMeta m = meta_of("jats-article.xml", "journal/juhs.2014.0312.xml");
    EXPECT_EQ(published(m), "2014-03-12 from jats:pub-date[pub-type=epub] (high)");
    EXPECT_EQ(m.publication, "Journal of Urban History Studies");
    EXPECT_TRUE(m.flags.empty());
}

TEST(XmlExtract, AtomAndRss) {
    EXPECT_EQ(published(meta_of("atom-entry.xml", "feeds/entry.xml")),
              "2015-05-07T21:00:00+01:00 from atom:published (high)");
    EXPECT_EQ(published(meta_of("rss-item.xml", "feeds/item.xml")),
              "2003-06-10T04:00:00+00:00 from rss:pubDate (high)");
    EXPECT_EQ(published(meta_of("latin1-nitf.xml", "fr/metro.xml")),
              "2012-09-15T08:30:00-04:00 from nitf:date.issue@norm (high)");
}

}  // namespace
}  // namespace archtag::article::xml::testing
