#include "repo/repo.h"

#include <gtest/gtest.h>

#include "repo/test_support.h"

namespace archtag::repo {

namespace {

using testing::Bare;
using testing::TempRepo;

std::string line1(const std::string& s) {
    return s.substr(0, s.find('\n'));
}

Signature someone() {
    return {"Archive Bot", "bot@example.com", Instant{std::chrono::seconds{1795000000}}, 60};
}

// Writes `bytes` at `path` on top of the branch's tip as a new commit (no ref moves).
ObjectId commit_change(Repository& r, const ObjectId& tip, const std::string& path,
                       const std::string& bytes, std::uint32_t mode = 0100644) {
    auto blob = r.write_blob(bytes);
    EXPECT_TRUE(blob.has_value());
    auto tree = r.update_tree(tip, {{path, *PackedId::of(*blob), mode}});
    EXPECT_TRUE(tree.has_value()) << tree.error().describe();
    auto commit = r.create_commit({tip, *tree, someone(), someone(), "Change " + path + "\n"});
    EXPECT_TRUE(commit.has_value()) << commit.error().describe();
    return *commit;
}

}  // namespace

TEST(Repository, DiscoversFromAFolderInsideTheWorkTree) {
    TempRepo t;
    t.write("laist/a.md", "a\n");
    t.commit_all("one");
    auto r = Repository::discover(t.root() + "/laist");
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    EXPECT_FALSE(r->bare());
    EXPECT_EQ(r->work_dir(), std::optional<std::string>(t.root()));
    EXPECT_EQ(r->git_dir(), t.root() + "/.git");
    EXPECT_EQ(*r->head_branch(), "refs/heads/main");
}

TEST(Repository, OutsideAnyRepositoryIsAClearError) {
    auto r = Repository::discover("/");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().headline(), "/: not in a git repository (--commit needs one)");
}

TEST(Repository, BareRepository) {
    TempRepo t(Bare::yes);
    auto r = Repository::discover(t.root());
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    EXPECT_TRUE(r->bare());
    auto tip = r->tip("refs/heads/main");
    ASSERT_FALSE(tip.has_value());
    EXPECT_EQ(tip.error().message, "refs/heads/main has no commit yet");
}

TEST(Repository, DetachedHeadNamesTheWayOut) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("one");
    t.git("checkout -q --detach");
    auto r = Repository::discover(t.root());
    ASSERT_TRUE(r.has_value());
    auto b = r->head_branch();
    ASSERT_FALSE(b.has_value());
    EXPECT_EQ(b.error().message,
              "HEAD is detached, so there is no branch to commit to (name one with --branch)");
}

TEST(Repository, FindsBranchesByShortOrFullName) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("one");
    t.git("branch archive");
    auto r = Repository::discover(t.root());
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(*r->find_branch("archive"), "refs/heads/archive");
    EXPECT_EQ(*r->find_branch("heads/archive"), "refs/heads/archive");
    EXPECT_EQ(*r->find_branch("refs/heads/archive"), "refs/heads/archive");
    auto missing = r->find_branch("archiv");
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().message, "no local branch 'archiv' (expected a name such as main)");
    EXPECT_FALSE(r->find_branch("refs/tags/v1").has_value());
}

TEST(Repository, ListsFilesWithModesAndByteNames) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.write("bin/run.md", "x\n");
    t.write(std::string("caf\xe9.md"), "latin-1 name\n");
    t.git("add -A");
    t.git("update-index --chmod=+x bin/run.md");
    t.git("commit -q -m one");
    t.git("update-index --add --cacheinfo 160000," + line1(t.git("rev-parse HEAD")) + ",theme");
    t.git("commit -q -m sub");
    auto r = Repository::discover(t.root());
    ASSERT_TRUE(r.has_value());
    auto files = r->list_files(*r->tip("refs/heads/main"));
    ASSERT_TRUE(files.has_value()) << files.error().describe();
    ASSERT_EQ(files->size(), 4u);
    EXPECT_EQ((*files)[0].path, "a.md");
    EXPECT_EQ((*files)[0].kind, EntryKind::file);
    EXPECT_EQ((*files)[1].path, "bin/run.md");
    EXPECT_EQ((*files)[1].kind, EntryKind::executable);
    EXPECT_EQ((*files)[1].mode, 0100755u);
    EXPECT_EQ((*files)[2].path, std::string("caf\xe9.md"));
    EXPECT_EQ((*files)[3].path, "theme");
    EXPECT_EQ((*files)[3].kind, EntryKind::submodule);
    EXPECT_EQ(*r->read_blob((*files)[2].id, 100), "latin-1 name\n");
    auto big = r->read_blob((*files)[2].id, 4);
    ASSERT_FALSE(big.has_value());
    EXPECT_EQ(big.error().message, "blob is 13 bytes, larger than the limit of 4 bytes");
}

TEST(Repository, SymbolicLinksAreListedAsSuch) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.git("add a.md");
    std::string blob = line1(t.git("hash-object -w --stdin < a.md"));
    t.git("update-index --add --cacheinfo 120000," + blob + ",link.md");
    t.git("commit -q -m one");
    auto r = Repository::discover(t.root());
    auto files = r->list_files(*r->tip("refs/heads/main"));
    ASSERT_TRUE(files.has_value());
    ASSERT_EQ(files->size(), 2u);
    EXPECT_EQ((*files)[1].kind, EntryKind::symlink);
    EXPECT_EQ((*files)[1].mode, 0120000u);
}

TEST(Repository, NewTreeDiffersOnlyInUpdatedFilesAndKeepsModes) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.write("b/run.md", "b\n");
    t.git("add -A");
    t.git("update-index --chmod=+x b/run.md");
    t.git("commit -q -m one");
    auto r = Repository::discover(t.root());
    ObjectId tip = *r->tip("refs/heads/main");
    ObjectId commit = commit_change(*r, tip, "b/run.md", "b stamped\n", 0100755);
    EXPECT_EQ(t.git("diff --name-only " + tip.hex + " " + commit.hex), "b/run.md\n");
    EXPECT_EQ(t.git("ls-tree -r " + commit.hex + " b/run.md").substr(0, 6), "100755");
    EXPECT_EQ(t.git("show -s --format='%an <%ae> %at %ai|%P|%s' " + commit.hex),
              "Archive Bot <bot@example.com> 1795000000 2026-11-18 12:06:40 +0100|" + tip.hex +
                  "|Change b/run.md\n");
    // Nothing moved yet.
    EXPECT_EQ(*r->tip("refs/heads/main"), tip);
}

TEST(Repository, MoveBranchIsACompareAndSwapWithAReflogEntry) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("one");
    auto r = Repository::discover(t.root());
    ObjectId tip = *r->tip("refs/heads/main");
    ObjectId mine = commit_change(*r, tip, "a.md", "mine\n");
    ObjectId theirs = commit_change(*r, tip, "a.md", "theirs\n");
    auto moved = r->move_branch("refs/heads/main", mine, tip, someone(), "archtag: mine");
    ASSERT_TRUE(moved.has_value());
    EXPECT_EQ(*moved, MoveOutcome::moved);
    auto stale = r->move_branch("refs/heads/main", theirs, tip, someone(), "archtag: theirs");
    ASSERT_TRUE(stale.has_value());
    EXPECT_EQ(*stale, MoveOutcome::branch_moved);
    EXPECT_EQ(*r->tip("refs/heads/main"), mine);
    EXPECT_EQ(t.git("reflog show -n1 --format='%gs|%gn' refs/heads/main"),
              "archtag: mine|Archive Bot\n");
}

TEST(Repository, LockedBranchIsReportedAsLocked) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("one");
    auto r = Repository::discover(t.root());
    ObjectId tip = *r->tip("refs/heads/main");
    ObjectId mine = commit_change(*r, tip, "a.md", "mine\n");
    t.write(".git/refs/heads/main.lock", "");
    auto moved = r->move_branch("refs/heads/main", mine, tip, someone(), "archtag: mine");
    ASSERT_TRUE(moved.has_value()) << moved.error().describe();
    EXPECT_EQ(*moved, MoveOutcome::locked);
}

TEST(Repository, DirtyPathsAreThoseWithUncommittedChanges) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.write("b.md", "b\n");
    t.write("c.md", "c\n");
    t.commit_all("one");
    t.write("a.md", "edited\n");
    t.write("b.md", "staged\n");
    t.git("add b.md");
    auto r = Repository::discover(t.root());
    auto dirty = r->dirty_paths(*r->tip("refs/heads/main"), {"a.md", "b.md", "c.md"});
    ASSERT_TRUE(dirty.has_value()) << dirty.error().describe();
    EXPECT_EQ(*dirty, (std::vector<std::string>{"a.md", "b.md"}));
}

TEST(Repository, CheckoutPathsUpdatesIndexAndWorkTree) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.write("b.md", "b\n");
    t.commit_all("one");
    auto r = Repository::discover(t.root());
    ObjectId tip = *r->tip("refs/heads/main");
    ObjectId mine = commit_change(*r, tip, "a.md", "stamped\n");
    ASSERT_EQ(*r->move_branch("refs/heads/main", mine, tip, someone(), "m"), MoveOutcome::moved);
    EXPECT_EQ(t.git("status --porcelain"), "M  a.md\n");  // index still has the old blob
    Status s = r->checkout_paths(tip, mine, {"a.md"});
    ASSERT_TRUE(s.has_value()) << s.error().describe();
    EXPECT_EQ(t.read("a.md"), "stamped\n");
    EXPECT_EQ(t.git("status --porcelain"), "");
}

// A work-tree file stands in for its blob only when it hashes to it: the
// blob's loose object is removed, so only the file can have answered; an
// edited file, a FIFO and a symbolic link are passed over for the blob.
TEST(Repository, AWorkTreeFileIsReadForItsBlobOnlyWhenItHoldsIt) {
    TempRepo t;
    t.write("same.md", "same bytes\n");
    t.write("edited.md", "committed\n");
    t.write("fifo.md", "a fifo later\n");
    t.write("link.md", "a link later\n");
    t.commit_all("import");
    auto r = Repository::discover(t.root());
    ASSERT_TRUE(r.has_value());
    auto id = [&](const char* path) {
        std::string hex = t.git(std::string("rev-parse HEAD:") + path);
        return ObjectId{hex.substr(0, 40)};
    };
    ObjectId same = id("same.md");
    t.sh("rm .git/objects/" + same.hex.substr(0, 2) + "/" + same.hex.substr(2));
    ASSERT_FALSE(r->read_blob(same, 1000).has_value());
    auto reused = r->read_blob_reusing(same, t.root() + "/same.md", 1000);
    ASSERT_TRUE(reused.has_value()) << reused.error().describe();
    EXPECT_EQ(*reused, "same bytes\n");

    t.write("edited.md", "edited!!!\n");  // same size
    EXPECT_EQ(r->read_blob_reusing(id("edited.md"), t.root() + "/edited.md", 1000).value(),
              "committed\n");
    t.sh("rm fifo.md && mkfifo fifo.md && rm link.md && ln -s same.md link.md");
    EXPECT_EQ(r->read_blob_reusing(id("fifo.md"), t.root() + "/fifo.md", 1000).value(),
              "a fifo later\n");
    EXPECT_EQ(r->read_blob_reusing(id("link.md"), t.root() + "/link.md", 1000).value(),
              "a link later\n");
    EXPECT_FALSE(r->read_blob_reusing(same, t.root() + "/same.md", 5).has_value());  // too big
}

}  // namespace archtag::repo
