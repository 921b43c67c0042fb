// Choosing the publication date and the fields of HTML pages.
#include <gtest/gtest.h>

#include <string>

#include "article/test_support.h"

namespace archtag::article {

using testing::parsed;

namespace {

ArticleMeta html_meta(std::string_view bytes, std::string_view path = "story.html") {
    return extract(parsed(bytes, path), path, FieldMapping::defaults());
}

std::string flags_of(const ArticleMeta& m) {
    std::string out;
    for (const Flag& f : m.flags)
        out += std::string(to_string(f.level)) + " " + f.code + ": " + f.message + "\n";
    return out;
}

std::string notes_of(const ArticleMeta& m) {
    std::string out;
    for (const DateCandidate& c : m.date_candidates)
        out += c.source + ": " + c.note + "\n";
    return out;
}

}  // namespace

TEST(HtmlExtract, FieldsComeThroughTheDefaultMapping) {
    ArticleMeta m = html_meta(
        "<html lang=en-GB><head><title>Page title</title>"
        "<meta property=og:title content=\"Story title\">"
        "<meta property=og:site_name content=\"The Paper\">"
        "<meta property=article:section content=Sport>"
        "<meta property=article:tag content=Football>"
        "<meta property=article:tag content=\"Cup, final\">"
        "<meta property=article:published_time content=2014-12-19T10:00:00+00:00>"
        "</head><body></body></html>");
    EXPECT_EQ(m.format, Format::html);
    EXPECT_EQ(m.title, "Story title");
    EXPECT_EQ(m.publication, "The Paper");
    EXPECT_EQ(m.publication_source, "front-matter:publication");
    EXPECT_EQ(m.language, "en-GB");
    EXPECT_EQ(m.section, "Sport");
    EXPECT_EQ(m.tags, (std::vector<std::string>{"Football", "Cup, final"}));
    ASSERT_TRUE(m.published.has_value());
    EXPECT_EQ(m.published->iso(), "2014-12-19T10:00:00+00:00");
    EXPECT_EQ(m.published_source, "meta:article:published_time");
    EXPECT_EQ(m.published_confidence, Confidence::high);
    EXPECT_EQ(flags_of(m), "");
}

TEST(HtmlExtract, TheMostTrustedPublicationDateWinsAndModifiedNeverDoes) {
    ArticleMeta m = html_meta(
        "<meta property=article:modified_time content=2015-01-02>"
        "<meta name=date content=2014-12-19>"
        "<link rel=canonical href=https://x.example/2014/12/18/story/>"
        "<article><p class=byline>December 17, 2014</p></article>",
        "2014/12/19/story.html");
    ASSERT_TRUE(m.published.has_value());
    EXPECT_EQ(m.published->iso(), "2014-12-19");
    EXPECT_EQ(m.published_source, "meta:date");
    EXPECT_EQ(notes_of(m),
              "meta:date: chosen: the most trusted publication date\n"
              "url: not used: less trusted than meta:date\n"
              "path: not used: less trusted than meta:date\n"
              "dateline: not used: less trusted than meta:date\n"
              "meta:article:modified_time: modified date, never the publication date\n");
    EXPECT_EQ(flags_of(m), "");
}

TEST(HtmlExtract, TrustedDatesThatDisagreeAreAConflict) {
    ArticleMeta m = html_meta(
        "<script type=application/ld+json>{\"@type\":\"NewsArticle\","
        "\"datePublished\":\"2014-12-19T23:30:00-05:00\"}</script>"
        "<meta property=article:published_time content=2014-12-21T10:00:00Z>"
        "<meta name=pubdate content=2014-12-20T04:30:00Z>");
    EXPECT_EQ(m.published_source, "json-ld:datePublished");
    EXPECT_EQ(flags_of(m),
              "warning date-conflict: json-ld:datePublished says 2014-12-19 but "
              "meta:article:published_time says 2014-12-21\n");
}

TEST(HtmlExtract, OnlyAVisibleDateIsLowConfidence) {
    ArticleMeta m = html_meta(
        "<div class=entry-meta><span class=posted-on>Posted on December 19, 2014</span></div>");
    ASSERT_TRUE(m.published.has_value());
    EXPECT_EQ(m.published->iso(), "2014-12-19");
    EXPECT_EQ(m.published->text, "December 19, 2014");
    EXPECT_EQ(m.published_source, "dateline");
    EXPECT_EQ(m.published_confidence, Confidence::low);
    EXPECT_EQ(flags_of(m),
              "info low-confidence-date: the publication date 2014-12-19 comes from dateline, "
              "read with low confidence\n");
}

TEST(HtmlExtract, ReaderNotesAndFlagsAreKept) {
    ArticleMeta m =
        html_meta("<meta name=pubdate content=1970-01-01><meta name=date content=03/04/2014>");
    EXPECT_EQ(m.published_confidence, Confidence::low);
    EXPECT_EQ(notes_of(m),
              "meta:date: chosen: the most trusted publication date (03/04/2014 read "
              "month-first as 2014-03-04; the page's language does not say which comes "
              "first)\n");
    EXPECT_EQ(flags_of(m),
              "info placeholder-date: meta:pubdate at line 1: '1970-01-01' is a placeholder, "
              "not a date; ignored\n"
              "info low-confidence-date: the publication date 2014-03-04 comes from meta:date, "
              "read with low confidence\n");
}

TEST(HtmlExtract, NoDate) {
    ArticleMeta m = html_meta("<html><body><p>Undated.</p></body></html>");
    EXPECT_FALSE(m.published.has_value());
    EXPECT_EQ(flags_of(m),
              "warning no-date: no publication date found in the article's metadata, URL, path "
              "or text\n");
}

TEST(HtmlExtract, PolicyMappingStillApplies) {
    FieldMapping mapping = FieldMapping::defaults();
    mapping.title = {"canonical"};
    Document doc = parsed("<link rel=canonical href=https://x.example/a>", "a.html");
    EXPECT_EQ(extract(doc, "a.html", mapping).title, "https://x.example/a");
}

}  // namespace archtag::article
