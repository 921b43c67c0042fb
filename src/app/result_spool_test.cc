#include "app/result_spool.h"

#include <gtest/gtest.h>

namespace archtag::app {
namespace {

ArticleResult result(int i) {
    ArticleResult r;
    r.path = "laist/" + std::to_string(i) + "\n\xe9.md";
    r.format = Format::html;
    r.policy = "laist";
    r.decision.era = "kpcc";
    r.plan.changes.push_back({NoticeKind::archival, Change::add, "An archival story."});
    r.plan.edits.push_back({12, 3, "kept: a pending plan stays pending"});
    r.diff = "--- a\n+++ b\n@@ -1 +1,2 @@\n+notice\n";
    if (i % 3 == 0)
        r.error = make_error_at(r.path, 3, 7, "cannot parse", "<p>broken");
    r.written = i % 2 == 0;
    return r;
}

TEST(ResultSpool, GivesBackWhatTheReportShowsInOrder) {
    auto spool = ResultSpool::create();
    ASSERT_TRUE(spool);
    for (int i = 0; i < 1000; ++i)
        ASSERT_TRUE(spool->add(result(i)));
    int seen = 0;
    ASSERT_TRUE(spool->replay([&](ArticleResult& r) {
        ArticleResult want = result(seen++);
        EXPECT_EQ(r.path, want.path);
        EXPECT_EQ(r.format, want.format);
        EXPECT_EQ(r.decision.era, "kpcc");
        EXPECT_EQ(r.plan.changes.size(), 1u);
        EXPECT_EQ(r.plan.edits, want.plan.edits);
        EXPECT_EQ(r.diff, want.diff);
        EXPECT_EQ(r.written, want.written);
        ASSERT_EQ(r.error.has_value(), want.error.has_value());
        if (r.error) {
            EXPECT_EQ(r.error->describe(), want.error->describe());
        }
    }));
    EXPECT_EQ(seen, 1000);
}

}  // namespace
}  // namespace archtag::app
