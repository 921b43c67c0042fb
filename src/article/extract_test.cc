// Metadata extraction: mapping keys, tags, opt-out, and the publication date.
#include <gtest/gtest.h>

#include <string>

#include "article/path_date.h"
#include "article/test_support.h"

namespace archtag::article {

using testing::parsed;

namespace {

ArticleMeta meta_of(std::string_view bytes, std::string_view path = "post.md",
                    const FieldMapping& mapping = FieldMapping::defaults()) {
    return extract(parsed(bytes, path), path, mapping);
}

ArticleMeta yaml_meta(std::string_view front_matter, std::string_view path = "post.md") {
    return meta_of("---\n" + std::string(front_matter) + "---\nBody\n", path);
}

std::string flags_of(const ArticleMeta& m) {
    std::string out;
    for (const Flag& f : m.flags) {
        if (!out.empty())
            out += "\n";
        out += std::string(to_string(f.level)) + " " + f.code + ": " + f.message;
    }
    return out;
}

std::string published_iso(const ArticleMeta& m) {
    return m.published ? m.published->iso() + " from " + m.published_source : "none";
}

}  // namespace

TEST(Extract, TextFieldsUseTheFirstKeyPresent) {
    ArticleMeta m = yaml_meta(
        "headline: Second choice\n"
        "title: First choice\n"
        "brand: LAist\n"
        "category: News\n"
        "layout: post\n"
        "locale: es\n"
        "date: 2014-03-12\n",
        "content/story.md");
    EXPECT_EQ(m.path, "content/story.md");
    EXPECT_EQ(m.format, Format::markdown);
    EXPECT_EQ(m.title, "First choice");
    EXPECT_EQ(m.publication, "LAist");
    EXPECT_EQ(m.publication_source, "front-matter:brand");
    EXPECT_EQ(m.section, "News");
    EXPECT_EQ(m.type, "post");
    EXPECT_EQ(m.language, "es");
    EXPECT_EQ(m.fields.size(), 7u);
    EXPECT_EQ(flags_of(m), "");
}

TEST(Extract, BlankValuesDoNotCountAsPresent) {
    ArticleMeta m =
        yaml_meta("title: ''\nheadline: Real\npublication:\nsite: WNYC\ndate: 2014-03-12\n");
    EXPECT_EQ(m.title, "Real");
    EXPECT_EQ(m.publication, "WNYC");
    EXPECT_EQ(m.publication_source, "front-matter:site");
}

TEST(Extract, TagsFromAList) {
    ArticleMeta m = yaml_meta("tags:\n  - politics\n  - 'Smith, John'\ndate: 2014-03-12\n");
    EXPECT_EQ(m.tags, (std::vector<std::string>{"politics", "Smith, John"}));
}

TEST(Extract, TagsFromACommaSeparatedString) {
    ArticleMeta m = yaml_meta("tags: \"politics, la ,  ,elections\"\ndate: 2014-03-12\n");
    EXPECT_EQ(m.tags, (std::vector<std::string>{"politics", "la", "elections"}));
}

TEST(Extract, TagsFallBackToTheNextKey) {
    ArticleMeta m = meta_of("+++\ntags = []\nkeywords = [\"a\", \"b\"]\ndate = 2014-03-12\n+++\n");
    EXPECT_EQ(m.tags, (std::vector<std::string>{"a", "b"}));
    m = meta_of("{\"categories\": [\"x\"], \"date\": \"2014-03-12\"}\n");
    EXPECT_EQ(m.tags, (std::vector<std::string>{"x"}));
}

TEST(Extract, OptOut) {
    ArticleMeta m = yaml_meta("archtag_skip: true\ndate: 2014-03-12\n");
    EXPECT_EQ(m.opt_out_reason, "opted out");
    EXPECT_EQ(m.opt_out_source, "front-matter:archtag_skip");

    m = yaml_meta("archtag:\n  skip: legal hold until 2030\ndate: 2014-03-12\n");
    EXPECT_EQ(m.opt_out_reason, "legal hold until 2030");
    EXPECT_EQ(m.opt_out_source, "front-matter:archtag.skip");

    m = yaml_meta("archtag_skip: no\ndate: 2014-03-12\n");
    EXPECT_EQ(m.opt_out_reason, std::nullopt);
    EXPECT_EQ(m.opt_out_source, "");

    m = meta_of("{\"archtag_skip\": false, \"date\": \"2014-03-12\"}");
    EXPECT_EQ(m.opt_out_reason, std::nullopt);
}

TEST(Extract, EveryDateForm) {
    struct Case {
        const char* written;
        const char* iso;
    };
    const Case cases[] = {
        {"2014-03-12", "2014-03-12"},
        {"2013-02-06 00:00:00 +0000", "2013-02-06T00:00:00+00:00"},
        {"'2014-03-12T10:11:00-04:00'", "2014-03-12T10:11:00-04:00"},
        {"\"'2014-03-12T10:11:00-04:00'\"", "2014-03-12T10:11:00-04:00"},
        {"2014-03-12T10:11:00-04:00", "2014-03-12T10:11:00-04:00"},
        {"2015-03-17 14:00:00 -4", "2015-03-17T14:00:00-04:00"},
        {"2015-1-12 9:00", "2015-01-12T09:00:00"},
        {"2019-01-01T00:00:00.000Z", "2019-01-01T00:00:00.000Z"},
    };
    for (const Case& c : cases) {
        ArticleMeta m = yaml_meta("title: x\ndate: " + std::string(c.written) + "\n");
        EXPECT_EQ(published_iso(m), std::string(c.iso) + " from front-matter:date") << c.written;
        ASSERT_EQ(m.date_candidates.size(), 1u);
        EXPECT_EQ(m.date_candidates[0].line, 3);
        EXPECT_EQ(flags_of(m), "") << c.written;
    }
}

TEST(Extract, TomlAndJsonDates) {
    ArticleMeta m = meta_of("+++\ndate = 2014-03-12T10:11:00-04:00\n+++\n");
    EXPECT_EQ(published_iso(m), "2014-03-12T10:11:00-04:00 from front-matter:date");
    EXPECT_EQ(m.published->text, "2014-03-12T10:11:00-04:00");
    m = meta_of("+++\npublishDate = 1979-05-27 07:32:00.500\n+++\n");
    EXPECT_EQ(published_iso(m), "1979-05-27T07:32:00.500 from front-matter:publishDate");
    m = meta_of("{\"pubDate\": \"2019-01-01T00:00:00.000Z\"}\n");
    EXPECT_EQ(published_iso(m), "2019-01-01T00:00:00.000Z from front-matter:pubDate");
}

TEST(Extract, EveryDateKeyPresentIsACandidate) {
    ArticleMeta m =
        yaml_meta("published: 2014-03-13\ndate: 2014-03-12\n", "_posts/2014-03-12-story.md");
    EXPECT_EQ(published_iso(m), "2014-03-12 from front-matter:date");
    ASSERT_EQ(m.date_candidates.size(), 3u);
    EXPECT_EQ(m.date_candidates[0].source, "front-matter:date");
    EXPECT_EQ(m.date_candidates[0].line, 3);
    EXPECT_EQ(m.date_candidates[0].note, "chosen: the first date key present");
    EXPECT_EQ(m.date_candidates[1].source, "front-matter:published");
    EXPECT_EQ(m.date_candidates[1].line, 2);
    EXPECT_EQ(m.date_candidates[1].note, "not used: front-matter:date comes first");
    EXPECT_EQ(m.date_candidates[2].source, "filename");
    EXPECT_EQ(m.date_candidates[2].timestamp.text, "2014-03-12");
    EXPECT_EQ(m.date_candidates[2].note, "not used: the front matter states the date");
    EXPECT_EQ(flags_of(m), "");
}

TEST(Extract, ImpossibleDateIsFlaggedAndTheNextKeyUsed) {
    ArticleMeta m = yaml_meta("date: 2015-02-30\npublished: 2015-03-01\n");
    EXPECT_EQ(published_iso(m), "2015-03-01 from front-matter:published");
    EXPECT_EQ(flags_of(m),
              "warning bad-date: front-matter:date: impossible date '2015-02-30': February 2015 "
              "has 28 days");
}

TEST(Extract, UnparseableDateAloneLeavesNoDate) {
    ArticleMeta m = yaml_meta("date: last tuesday\n");
    EXPECT_EQ(published_iso(m), "none");
    EXPECT_TRUE(m.date_candidates.empty());
    EXPECT_EQ(flags_of(m),
              "warning bad-date: front-matter:date: not a date: 'last tuesday'\n"
              "warning no-date: no publication date found in front matter or file name");
}

TEST(Extract, BadFrontMatterDateFallsBackToTheFileName) {
    ArticleMeta m = yaml_meta("date: 2014-03-12 25:00\n", "_posts/2014-03-12-story.md");
    EXPECT_EQ(published_iso(m), "2014-03-12 from filename");
    EXPECT_EQ(flags_of(m),
              "warning bad-date: front-matter:date: impossible time in '2014-03-12 25:00'");
}

TEST(Extract, FileNameDateWhenFrontMatterHasNone) {
    ArticleMeta m = yaml_meta("title: x\n", "_posts/2015-1-12-slug.md");
    EXPECT_EQ(published_iso(m), "2015-01-12 from filename");
    EXPECT_EQ(m.published->text, "2015-1-12");
    EXPECT_TRUE(m.published->date_only());
    ASSERT_EQ(m.date_candidates.size(), 1u);
    EXPECT_EQ(m.date_candidates[0].note, "chosen: the front matter states no date");
    EXPECT_EQ(flags_of(m), "");

    m = meta_of("No front matter at all.\n", "2014-12-09-another-slug.markdown");
    EXPECT_EQ(published_iso(m), "2014-12-09 from filename");
}

TEST(Extract, DatedFoldersGiveAPathDate) {
    ArticleMeta m = meta_of("Body\n", "news/2014/12/19/slug.md");
    EXPECT_EQ(published_iso(m), "2014-12-19 from path");
    EXPECT_EQ(m.published->text, "2014/12/19");
    EXPECT_EQ(flags_of(m), "");
}

TEST(Extract, ImpossibleFileNameDateIsFlagged) {
    ArticleMeta m = meta_of("Body\n", "_posts/2015-02-30-slug.md");
    EXPECT_EQ(published_iso(m), "none");
    EXPECT_EQ(flags_of(m),
              "warning bad-date: filename: impossible date '2015-02-30': February 2015 has 28 "
              "days\n"
              "warning no-date: no publication date found in front matter or file name");
}

TEST(Extract, MismatchOfMoreThanADayIsFlagged) {
    ArticleMeta m = yaml_meta("date: 2014-03-12\n", "_posts/2014-05-01-story.md");
    EXPECT_EQ(published_iso(m), "2014-03-12 from front-matter:date");
    EXPECT_EQ(flags_of(m),
              "warning date-mismatch: front matter date 2014-03-12 (front-matter:date) and file "
              "name date 2014-05-01 disagree by more than a day");

    m = yaml_meta("date: 2014-12-21\n", "news/2014/12/19/story.md");
    EXPECT_EQ(flags_of(m),
              "warning date-mismatch: front matter date 2014-12-21 (front-matter:date) and path "
              "date 2014-12-19 disagree by more than a day");
}

TEST(Extract, ExactlyOneDayApartIsNotFlagged) {
    // A late-evening post in New York is the next day in UTC; that is no mismatch.
    ArticleMeta m = yaml_meta("date: 2014-03-12T23:30:00-04:00\n", "_posts/2014-03-13-story.md");
    EXPECT_EQ(flags_of(m), "");
    m = yaml_meta("date: 2014-03-01\n", "_posts/2014-02-28-story.md");
    EXPECT_EQ(flags_of(m), "");
    m = yaml_meta("date: 2014-03-02\n", "_posts/2014-02-28-story.md");
    EXPECT_EQ(m.flags.size(), 1u);
}

TEST(Extract, NoDateIsFlagged) {
    ArticleMeta m = yaml_meta("title: Undated\n", "about.md");
    EXPECT_EQ(published_iso(m), "none");
    EXPECT_EQ(flags_of(m),
              "warning no-date: no publication date found in front matter or file name");
}

TEST(Extract, MappingOverrideForTheDateKey) {
    FieldMapping mapping = FieldMapping::defaults();
    mapping.date = {"params.published"};
    ArticleMeta m = meta_of(
        "---\n"
        "date: 2010-01-01\n"
        "params:\n"
        "  published: 2013-02-06 00:00:00 +0000\n"
        "---\n",
        "post.md", mapping);
    EXPECT_EQ(published_iso(m), "2013-02-06T00:00:00+00:00 from front-matter:params.published");
    ASSERT_EQ(m.date_candidates.size(), 1u);
    EXPECT_EQ(m.date_candidates[0].line, 4);
}

TEST(PathDate, Forms) {
    auto text = [](std::string_view path) {
        auto d = date_from_path(path);
        return d ? d->source + " " + d->text : std::string("none");
    };
    EXPECT_EQ(text("_posts/2015-1-12-slug.md"), "filename 2015-1-12");
    EXPECT_EQ(text("2015-01-12-slug.md"), "filename 2015-01-12");
    EXPECT_EQ(text("2014/12/19/2015-01-02-slug.md"), "filename 2015-01-02");
    EXPECT_EQ(text("a/2014/12/19/slug.md"), "path 2014/12/19");
    EXPECT_EQ(text("2014/1/9/x/slug.md"), "path 2014/1/9");
    EXPECT_EQ(text("2015-01-12.md"), "none");
    EXPECT_EQ(text("2015-01-slug.md"), "none");
    EXPECT_EQ(text("15-01-12-slug.md"), "none");
    EXPECT_EQ(text("2014/12/slug.md"), "none");
    EXPECT_EQ(text("2014/12/19.md"), "none");
}

}  // namespace archtag::article
