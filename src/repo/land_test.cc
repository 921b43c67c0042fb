#include "repo/land.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "repo/test_support.h"

namespace archtag::repo {

namespace {

using testing::TempRepo;

const std::string k_main = "refs/heads/main";

Signature bot() {
    return {"Archive Bot", "bot@example.com", Instant{std::chrono::seconds{1795000000}}, 0};
}

ObjectId commit_on(Repository& r, const ObjectId& tip, const std::string& path,
                   const std::string& bytes, const std::string& subject) {
    auto tree = r.update_tree(tip, {{path, *PackedId::of(*r.write_blob(bytes)), 0100644}});
    return *r.create_commit({tip, *tree, bot(), bot(), subject + "\n"});
}

// Someone else's push: a commit on the branch made outside the sweep.
ObjectId push_concurrently(const std::string& git_dir, const std::string& subject) {
    auto other = Repository::open(git_dir);
    ObjectId tip = *other->tip(k_main);
    ObjectId c = commit_on(*other, tip, "other.md", subject + "\n", subject);
    EXPECT_EQ(*other->move_branch(k_main, c, tip, bot(), "push"), MoveOutcome::moved);
    return c;
}

Expected<std::optional<NewCommit>> made(ObjectId id) {
    return std::optional<NewCommit>(NewCommit{std::move(id), "archtag sweep: Stamp"});
}

struct Fixture {
    TempRepo t;
    Repository r;
    Fixture() : r(init(t)) {}
    static Repository init(TempRepo& t) {
        t.write("a.md", "a\n");
        t.commit_all("one");
        return std::move(Repository::discover(t.root())).value();
    }
};

}  // namespace

TEST(Land, MovesTheBranchOntoTheNewCommit) {
    Fixture f;
    ObjectId old = *f.r.tip(k_main);
    auto landed = land(
        f.r, k_main,
        [&](const ObjectId& tip) -> Expected<std::optional<NewCommit>> {
            return made(commit_on(f.r, tip, "a.md", "stamped\n", "Stamp"));
        },
        bot());
    ASSERT_TRUE(landed.has_value()) << landed.error().describe();
    EXPECT_EQ(landed->base, old);
    EXPECT_EQ(landed->replans, 0);
    EXPECT_EQ(*f.r.tip(k_main), *landed->commit);
    EXPECT_EQ(f.t.git("reflog show -n1 --format=%gs main"), "archtag sweep: Stamp\n");
}

TEST(Land, NothingToCommitLeavesTheBranch) {
    Fixture f;
    ObjectId old = *f.r.tip(k_main);
    auto landed = land(
        f.r, k_main,
        [](const ObjectId&) -> Expected<std::optional<NewCommit>> {
            return std::optional<NewCommit>();
        },
        bot());
    ASSERT_TRUE(landed.has_value());
    EXPECT_FALSE(landed->commit);
    EXPECT_EQ(*f.r.tip(k_main), old);
}

TEST(Land, AConcurrentPushIsReplannedOnAndKept) {
    Fixture f;
    ObjectId theirs;
    int calls = 0;
    auto landed = land(
        f.r, k_main,
        [&](const ObjectId& tip) -> Expected<std::optional<NewCommit>> {
            ObjectId mine = commit_on(f.r, tip, "a.md", "stamped\n", "Stamp");
            if (calls++ == 0)
                theirs = push_concurrently(f.r.git_dir(), "Their story");
            return made(mine);
        },
        bot());
    ASSERT_TRUE(landed.has_value()) << landed.error().describe();
    EXPECT_EQ(calls, 2);
    EXPECT_EQ(landed->replans, 1);
    EXPECT_EQ(landed->base, theirs);
    EXPECT_EQ(*f.r.tip(k_main), *landed->commit);
    EXPECT_EQ(f.t.git("log --format=%s main"), "Stamp\nTheir story\none\n");
}

TEST(Land, GivesUpAfterBoundedReplansWithoutOverwriting) {
    Fixture f;
    ObjectId last;
    int calls = 0;
    auto landed = land(f.r, k_main,
                       [&](const ObjectId& tip) -> Expected<std::optional<NewCommit>> {
                           ObjectId mine = commit_on(f.r, tip, "a.md", "stamped\n", "Stamp");
                           last =
                               push_concurrently(f.r.git_dir(), "push " + std::to_string(++calls));
                           return made(mine);
                       },
                       bot(), {2, std::chrono::milliseconds{0}});
    ASSERT_FALSE(landed.has_value());
    EXPECT_EQ(calls, 3);
    EXPECT_EQ(landed.error().headline(),
              f.r.git_dir() +
                  ": refs/heads/main moved 3 times while the sweep was committing (someone else "
                  "is pushing); gave up and left the branch as they made it (run the sweep "
                  "again)");
    EXPECT_EQ(*f.r.tip(k_main), last);
}

TEST(Land, ALockIsWaitedForThenReported) {
    Fixture f;
    ObjectId old = *f.r.tip(k_main);
    f.t.write(".git/refs/heads/main.lock", "");
    auto make = [&](const ObjectId& tip) -> Expected<std::optional<NewCommit>> {
        return made(commit_on(f.r, tip, "a.md", "stamped\n", "Stamp"));
    };
    auto start = std::chrono::steady_clock::now();
    auto landed = land(f.r, k_main, make, bot(), {3, std::chrono::milliseconds{120}});
    auto waited = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(landed.has_value());
    EXPECT_GE(waited, std::chrono::milliseconds{120});
    EXPECT_EQ(landed.error().message,
              "refs/heads/main is locked by another git process (" + f.r.git_dir() +
                  "/refs/heads/main.lock exists); waited 120 ms, left the branch unchanged (try "
                  "again when it is done; if no git process is running, one that crashed left "
                  "the file: remove it)");
    EXPECT_EQ(*f.r.tip(k_main), old);

    // A lock released while waiting: the commit lands.
    std::thread release([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds{150});
        std::filesystem::remove(f.t.root() + "/.git/refs/heads/main.lock");
    });
    auto later = land(f.r, k_main, make, bot(), {3, std::chrono::milliseconds{3000}});
    release.join();
    ASSERT_TRUE(later.has_value()) << later.error().describe();
    EXPECT_EQ(*f.r.tip(k_main), *later->commit);
}

}  // namespace archtag::repo
