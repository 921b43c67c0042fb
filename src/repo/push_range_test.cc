// pushed_paths() and paths_new_to_repository(), as a pre-receive hook uses them.
#include "repo/push_range.h"

#include <gtest/gtest.h>

#include "repo/test_support.h"

namespace archtag::repo {

namespace {

using testing::TempRepo;

std::string line1(const std::string& s) {
    return s.substr(0, s.find('\n'));
}

ObjectId head(const TempRepo& t) {
    return ObjectId{line1(t.git("rev-parse HEAD"))};
}

const ObjectId k_zero{std::string(40, '0')};

using Paths = std::vector<std::string>;

}  // namespace

TEST(PushedPaths, ListsRegularFilesThatTheNewTipAddsOrChanges) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.write("c.md", "c\n");
    t.write("d.md", "d\n");
    t.write("same.md", "same\n");
    ObjectId from{t.commit_all("one")};
    t.write("a.md", "a changed\n");
    t.write("b/new.md", "new\n");
    t.git("rm -q c.md");
    t.git("mv d.md e.md");
    t.write("run.sh", "#!/bin/sh\n");
    t.git("add -A");
    t.git("update-index --chmod=+x run.sh");
    t.git("update-index --add --cacheinfo 120000," + line1(t.git("rev-parse :same.md")) +
          ",link.md");
    t.git("commit -q -m two");
    ObjectId to = head(t);
    auto r = Repository::discover(t.root());
    auto paths = pushed_paths(*r, from, to);
    ASSERT_TRUE(paths.has_value()) << paths.error().describe();
    EXPECT_EQ(*paths, (Paths{"a.md", "b/new.md", "e.md", "run.sh"}));
    auto none = pushed_paths(*r, to, to);
    ASSERT_TRUE(none.has_value());
    EXPECT_TRUE(none->empty());
}

TEST(PushedPaths, ANonFastForwardPushComparesTheTwoTips) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("one");
    t.write("b.md", "b\n");
    ObjectId old_tip{t.commit_all("two")};
    t.git("reset -q --hard HEAD~1");
    t.write("c.md", "c\n");
    ObjectId new_tip{t.commit_all("rewritten")};
    auto r = Repository::discover(t.root());
    auto paths = pushed_paths(*r, old_tip, new_tip);
    ASSERT_TRUE(paths.has_value()) << paths.error().describe();
    EXPECT_EQ(*paths, Paths{"c.md"});  // b.md is gone, not pushed
}

TEST(PushedPaths, ZeroIdsOfCreatedOrDeletedRefsAreNotCommits) {
    TempRepo t;
    t.write("a.md", "a\n");
    ObjectId tip{t.commit_all("one")};
    auto r = Repository::discover(t.root());
    std::string not_found =
        "cannot read commit " + k_zero.hex + ": odb: cannot read object: null OID cannot exist";
    auto created = pushed_paths(*r, k_zero, tip);
    ASSERT_FALSE(created.has_value());
    EXPECT_EQ(created.error().message, not_found);
    auto deleted = pushed_paths(*r, tip, k_zero);
    ASSERT_FALSE(deleted.has_value());
    EXPECT_EQ(deleted.error().message, not_found);
    auto bad = pushed_paths(*r, ObjectId{"abc"}, tip);
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().headline(), r->git_dir() + ": expected 40-digit commit ids");
}

TEST(PushedPaths, AnAnnotatedTagIsNotACommit) {
    TempRepo t;
    t.write("a.md", "a\n");
    ObjectId tip{t.commit_all("one")};
    t.git("tag -a -m release v1");
    ObjectId tag{line1(t.git("rev-parse v1"))};
    auto r = Repository::discover(t.root());
    auto paths = pushed_paths(*r, tip, tag);
    ASSERT_FALSE(paths.has_value());
    EXPECT_EQ(paths.error().message, "cannot read commit " + tag.hex +
                                         ": the requested type does not match the type in the "
                                         "ODB");
}

TEST(PathsNewToRepository, ANewBranchBringsWhatItsOwnCommitsChange) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.write("b.md", "b\n");
    t.commit_all("one");
    t.git("checkout -q -b feature");
    t.write("a.md", "a on feature\n");
    t.commit_all("two");
    t.write("c/new.md", "new\n");
    t.git("rm -q b.md");
    ObjectId tip{t.commit_all("three")};
    t.git("checkout -q main");
    t.git("branch -q -D feature");  // as in a pre-receive hook: not referenced yet
    auto r = Repository::discover(t.root());
    auto paths = paths_new_to_repository(*r, tip);
    ASSERT_TRUE(paths.has_value()) << paths.error().describe();
    EXPECT_EQ(*paths, (Paths{"a.md", "c/new.md"}));
}

TEST(PathsNewToRepository, CommitsThatAnyReferenceReachesAreNotNew) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("one");
    t.git("checkout -q -b topic");
    t.write("tagged.md", "t\n");
    t.commit_all("tagged");
    t.git("tag -a -m release v1");
    t.write("new.md", "n\n");
    ObjectId tip{t.commit_all("new")};
    t.git("checkout -q main");
    t.git("branch -q -D topic");
    // A reference to a blob hides nothing and breaks nothing.
    t.git("update-ref refs/blobs/a " + line1(t.git("rev-parse HEAD:a.md")));
    auto r = Repository::discover(t.root());
    auto paths = paths_new_to_repository(*r, tip);
    ASSERT_TRUE(paths.has_value()) << paths.error().describe();
    EXPECT_EQ(*paths, Paths{"new.md"});
    auto main_tip = paths_new_to_repository(*r, head(t));
    ASSERT_TRUE(main_tip.has_value());
    EXPECT_TRUE(main_tip->empty());
}

TEST(PathsNewToRepository, ANewTagBringsItsCommitsAndARootCommitEverything) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("one");
    t.git("checkout -q --orphan other");
    t.git("rm -q -r --cached .");
    t.write("x/first.md", "x\n");
    t.git("add x");
    t.git("commit -q -m root");
    t.write("x/second.md", "y\n");
    t.git("add x");
    t.git("commit -q -m two");
    t.git("tag -a -m release v2");
    ObjectId tag{line1(t.git("rev-parse v2"))};
    t.git("tag -d v2");
    t.git("checkout -q -f main");
    t.git("branch -q -D other");
    auto r = Repository::discover(t.root());
    auto paths = paths_new_to_repository(*r, tag);
    ASSERT_TRUE(paths.has_value()) << paths.error().describe();
    EXPECT_EQ(*paths, (Paths{"x/first.md", "x/second.md"}));
}

TEST(PathsNewToRepository, AMergeIsComparedWithItsFirstParent) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("one");
    t.git("checkout -q -b side");
    t.write("side.md", "s\n");
    t.commit_all("side");
    t.git("checkout -q main");
    t.git("checkout -q -b work");
    t.write("work.md", "w\n");
    t.commit_all("work");
    t.git("merge -q --no-edit side");
    ObjectId merge = head(t);
    t.git("checkout -q main");
    t.git("branch -q -D work");
    auto r = Repository::discover(t.root());
    auto paths = paths_new_to_repository(*r, merge);
    ASSERT_TRUE(paths.has_value()) << paths.error().describe();
    // side.md is on `side` already; the merge brings it relative to work.md's commit.
    EXPECT_EQ(*paths, (Paths{"side.md", "work.md"}));
}

TEST(PathsNewToRepository, NeedsACommit) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("one");
    auto r = Repository::discover(t.root());
    auto zero = paths_new_to_repository(*r, k_zero);
    ASSERT_FALSE(zero.has_value());
    EXPECT_EQ(zero.error().message, "cannot read commit " + k_zero.hex +
                                        ": odb: cannot read object: null OID cannot exist");
    auto bad = paths_new_to_repository(*r, ObjectId{"main"});
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().headline(), r->git_dir() + ": 'main' is not a commit id");
}

}  // namespace archtag::repo
