#include "report/reason.h"

#include <gtest/gtest.h>

#include "report/test_articles.h"

namespace archtag::report {

using namespace testing;

TEST(Reason, ArchivalSaysEraAndWhoTookOverAndAge) {
    EXPECT_EQ(reason(gothamist_article(), "2026-11-23"),
              "published 2014-12-19 in the Gothamist era (Gothamist LLC), before Southern "
              "California Public Radio took over on 2018-02-23; more than 11 years old on "
              "2026-11-23");
}

TEST(Reason, AgeOnly) {
    EXPECT_EQ(reason(guardian_article(), "2026-11-23"),
              "published 2015-05-08, more than 11 years before 2026-11-23");
}

TEST(Reason, NoOwnerGapAndItsFlag) {
    EXPECT_EQ(reason(no_owner_article(), "2026-11-23"),
              "published 2017-12-15, when LAist had no owner, before Southern California Public "
              "Radio took over on 2018-02-23; for review: published on 2017-12-15, when LAist had "
              "no owner");
}

TEST(Reason, Exempt) {
    EXPECT_EQ(reason(exempt_article(), "2026-11-23"), "no notice: recipes do not go out of date");
    ArticleResult archival_only = gothamist_article();
    archival_only.decision.notices.pop_back();
    archival_only.decision.exempt_reason = "tagged as not ageing";
    EXPECT_EQ(reason(archival_only, "2026-11-23"),
              "published 2014-12-19 in the Gothamist era (Gothamist LLC), before Southern "
              "California Public Radio took over on 2018-02-23; no age notice: tagged as not "
              "ageing");
}

TEST(Reason, Error) {
    EXPECT_EQ(reason(broken_article(), "2026-11-23"), "could not be processed: bad YAML");
}

TEST(Reason, RemovedStamps) {
    ArticleResult r = guardian_article();
    r.decision.notices.clear();
    r.plan.changes = {{NoticeKind::age, Change::remove, "This article is more than 1 year old"}};
    EXPECT_EQ(reason(r, "2026-11-23"), "age notice no longer due: removed");
}

TEST(Reason, NothingDue) {
    ArticleResult r = guardian_article();
    r.decision.notices.clear();
    r.plan = Plan{};
    EXPECT_EQ(reason(r, "2026-11-23"), "published 2015-05-08: no notice due");
}

}  // namespace archtag::report
