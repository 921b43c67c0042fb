#include "app/history_date.h"

#include <gtest/gtest.h>

namespace archtag::app {

namespace {

using namespace std::chrono;

repo::FirstCommit first() {
    return {repo::ObjectId{"0123456789abcdef0123456789abcdef01234567"},
            sys_days{2015y / March / 1} + 9h + 30min, 60};
}

ArticleMeta undated() {
    ArticleMeta m;
    m.flags.push_back({FlagLevel::warning, "no-date", "no publication date found"});
    m.flags.push_back({FlagLevel::warning, "other", "kept"});
    return m;
}

}  // namespace

TEST(HistoryDate, TheAuthorTimeInTheAuthorsOffsetWithMediumConfidence) {
    DateCandidate c = history_date(first());
    EXPECT_EQ(c.timestamp.iso(), "2015-03-01T10:30:00+01:00");
    EXPECT_EQ(c.source, "git:first-commit");
    EXPECT_EQ(c.confidence, Confidence::medium);
    EXPECT_EQ(c.role, DateRole::published);
    EXPECT_EQ(c.note, "no date in the article: the commit 0123456 that first added it");
}

TEST(HistoryDate, NegativeOffsetsCrossMidnight) {
    repo::FirstCommit f = first();
    f.when = sys_days{2015y / March / 1} + 3h;
    f.offset_minutes = -480;
    EXPECT_EQ(history_date(f).timestamp.iso(), "2015-02-28T19:00:00-08:00");
}

TEST(HistoryDate, AnUndatedArticleTakesItAndLosesTheNoDateFlag) {
    ArticleMeta m = undated();
    date_from_history(m, history_date(first()));
    ASSERT_TRUE(m.published);
    EXPECT_EQ(m.published->iso(), "2015-03-01T10:30:00+01:00");
    EXPECT_EQ(m.published_source, "git:first-commit");
    EXPECT_EQ(m.published_confidence, Confidence::medium);
    ASSERT_EQ(m.date_candidates.size(), 1u);
    EXPECT_EQ(m.flags, (std::vector<Flag>{{FlagLevel::warning, "other", "kept"}}));
}

TEST(HistoryDate, ADatedArticleKeepsItsOwnDate) {
    ArticleMeta m;
    m.published = *parse_timestamp("2014-12-19");
    m.published_source = "front-matter:date";
    date_from_history(m, history_date(first()));
    EXPECT_EQ(m.published->iso(), "2014-12-19");
    EXPECT_EQ(m.published_source, "front-matter:date");
    EXPECT_TRUE(m.date_candidates.empty());
}

}  // namespace archtag::app
