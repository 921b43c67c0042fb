// Reading history: revisions, changed paths between commits, and the commit
// that first added each file.
#include <gtest/gtest.h>

#include "repo/repo.h"
#include "repo/test_support.h"

namespace archtag::repo {

namespace {

using testing::TempRepo;

const std::string k_story =
    "---\ntitle: A story long enough to be recognised when renamed\n---\n"
    "Line one of the story.\nLine two of the story.\nLine three.\n";

std::string commit_at(const TempRepo& t, const std::string& message, const std::string& date) {
    t.git("add -A");
    t.git("commit -q -m '" + message + "' --date='" + date + "'");
    std::string id = t.git("rev-parse HEAD");
    return id.substr(0, 40);
}

}  // namespace

TEST(History, RevisionsNameCommits) {
    TempRepo t;
    t.write("a.md", "a\n");
    std::string first = t.commit_all("one");
    t.write("a.md", "b\n");
    t.commit_all("two");
    t.git("tag v1 HEAD~1");
    auto r = Repository::discover(t.root());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->resolve_commit("HEAD~1")->hex, first.substr(0, 40));
    EXPECT_EQ(r->resolve_commit("v1")->hex, first.substr(0, 40));
    auto missing = r->resolve_commit("nope");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message,
              "'nope' names no commit (expected a branch, tag or commit id)");
}

TEST(History, FirstCommitsFollowRenamesAndForgetDeletions) {
    TempRepo t;
    t.write("a.md", k_story);
    t.write("b.md", "b\n");
    t.write("gone.md", "g\n");
    std::string one = commit_at(t, "one", "2015-03-01T10:00:00+01:00");
    t.write("old/a-renamed.md", k_story);
    t.git("rm -q a.md");
    t.git("rm -q gone.md");
    t.write("c.md", "c\n");
    std::string two = commit_at(t, "two", "2016-06-02T08:00:00-07:00");
    t.write("b.md", "b changed\n");
    t.write("gone.md", "back\n");
    std::string three = commit_at(t, "three", "2017-01-01T00:00:00+00:00");
    auto r = Repository::discover(t.root());
    ASSERT_TRUE(r);
    auto first = r->first_commits({three});
    ASSERT_TRUE(first) << first.error().describe();
    EXPECT_EQ(first->size(), 4u);
    EXPECT_EQ(first->count("a.md"), 0u);
    const FirstCommit& renamed = first->at("old/a-renamed.md");
    EXPECT_EQ(renamed.commit.hex, one);
    EXPECT_EQ(renamed.when, Instant{std::chrono::seconds{1425200400}});
    EXPECT_EQ(renamed.offset_minutes, 60);
    EXPECT_EQ(first->at("b.md").commit.hex, one);
    EXPECT_EQ(first->at("c.md").commit.hex, two);
    EXPECT_EQ(first->at("c.md").offset_minutes, -420);
    EXPECT_EQ(first->at("gone.md").commit.hex, three);  // deleted, then added again
}

}  // namespace archtag::repo
