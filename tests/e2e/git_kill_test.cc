// A committing sweep killed (SIGKILL) at every step that changes a file:
// each time the repository stays valid (git fsck), the branch is either
// where it was or moved by one whole commit, and a sweep run afterwards
// finishes the job. The steps are counted and cut by an LD_PRELOAD shim
// (tests/e2e/kill_at.cc), so no step is skipped and no timing is guessed.
#include <gtest/gtest.h>
#include <csignal>

#include <cstdio>
#include <cstdlib>

#include "e2e/harness.h"

namespace archtag::e2e {

namespace {

// Killed: by SIGKILL, seen directly or through the shell (128 + signal).
bool killed(const Shell& r) {
    return r.code == -1 || r.code == 128 + SIGKILL;
}

const std::string k_old_story =
    "---\ntitle: Obama on Sony\ndate: 2014-12-19 13:05:00 -0800\npublication: LAist\n---\n"
    "President Barack Obama announced today that North Korea is behind the attack.\n";
const std::string k_other_old_story =
    "---\ntitle: Council votes\ndate: 2011-03-02 09:00:00 -0800\npublication: LAist\n---\n"
    "The council voted 9-4.\n";
const std::string k_recent_story =
    "---\ntitle: Tamale season\ndate: 2026-11-20\npublication: LAist\n---\nLines again.\n";

std::string sweep_command(const std::string& git_dir) {
    return quote(ARCHTAG_BINARY) + " sweep " + quote(git_dir) +
           " --commit --as-of 2026-11-23 --policy " + quote(source_dir() + "/policies/laist.xml") +
           " --rules " + quote(source_dir() + "/rules");
}

std::string preload(const std::string& settings) {
    return settings + " LD_PRELOAD=" + quote(ARCHTAG_KILL_AT_LIBRARY) + " ";
}

std::string trimmed(std::string s) {
    while (!s.empty() && s.back() == '\n')
        s.pop_back();
    return s;
}

// A repository with two articles to stamp, cloned (bare or not) into a
// folder as `template`, and one sweep of a copy of it run to the end with
// its steps counted.
struct KillSetup {
    TempArchive place;
    std::string root = place.root();
    std::string before;   // the branch before any sweep
    std::string stamped;  // the tree a finished sweep commits
    int steps = 0;

    explicit KillSetup(const std::string& clone_options) {
        for (const char* name : {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"})
            unsetenv(name);
        GitArchive source;
        source.write("laist/2014-12-19-obama-sony.md", k_old_story);
        source.write("laist/2011-03-02-council.md", k_other_old_story);
        source.write("laist/2026-11-20-tamales.md", k_recent_story);
        source.commit();
        sh("git clone -q " + clone_options + " '" + source.root() + "' template", root);
        before = trimmed(sh("git -C template rev-parse main", root));
        sh("cp -a template reference", root);
        Shell counted =
            run(preload("ARCHTAG_TEST_KILL_COUNT=steps") + sweep_command("reference"), root);
        EXPECT_EQ(counted.code, 0) << counted.out;
        stamped = trimmed(sh("git -C reference rev-parse 'main^{tree}'", root));
        steps = std::atoi(sh("cat steps", root).c_str());
    }

    // A fresh copy of the template as `work`, swept and killed at step `k`.
    void sweep_killed_at(int k) const {
        sh("rm -rf work && cp -a template work", root);
        Shell cut =
            run(preload("ARCHTAG_TEST_KILL_AT=" + std::to_string(k)) + sweep_command("work"), root);
        EXPECT_TRUE(killed(cut)) << cut.code << cut.out;
        Shell fsck = run("git -C work fsck --strict --no-dangling", root);
        EXPECT_EQ(fsck.code, 0) << fsck.out;
    }
};

}  // namespace

TEST(GitKill, ASweepKilledAtEveryStepLeavesTheBranchUnchangedOrFullyMoved) {
    KillSetup k("--bare");
    const std::string& root = k.root;
    ASSERT_GT(k.steps, 5);  // blobs, tree, commit, reference, reflog, cache

    int moved = 0, unchanged = 0, stale_locks = 0;
    for (int step = 1; step <= k.steps; ++step) {
        SCOPED_TRACE("killed at step " + std::to_string(step) + " of " + std::to_string(k.steps));
        k.sweep_killed_at(step);
        std::string tip = trimmed(sh("git -C work rev-parse main", root));
        if (tip == k.before) {
            ++unchanged;
        } else {
            ++moved;
            EXPECT_EQ(trimmed(sh("git -C work rev-parse 'main~1'", root)), k.before);
            EXPECT_EQ(trimmed(sh("git -C work rev-parse 'main^{tree}'", root)), k.stamped);
        }
        // Whatever was left behind, the next sweep finishes the job. A kill
        // while the branch was locked leaves the lock file, as it does for
        // git itself: the sweep refuses, says so, and goes on once the user
        // has removed it.
        Shell again = run(sweep_command("work"), root);
        if (again.code == 2 &&
            again.out.find("work/refs/heads/main.lock exists") != std::string::npos) {
            ++stale_locks;
            sh("rm work/refs/heads/main.lock", root);
            again = run(sweep_command("work"), root);
        }
        EXPECT_EQ(again.code, 0) << again.out;
        EXPECT_EQ(trimmed(sh("git -C work rev-parse 'main^{tree}'", root)), k.stamped);
    }
    // Both outcomes happened: the cut points span the moment the branch moves.
    EXPECT_GT(unchanged, 0);
    EXPECT_GT(moved, 0);
    EXPECT_LE(stale_locks, 3);  // only while the lock is held: write, fsync, rename
}

// The same in a clone with a work tree: the branch moves before the index and
// the files follow, so a kill in between leaves them behind the branch. The
// next sweep finishes that update (a note under .git says what it was), and
// nothing is left in the work tree: no half-written or temporary file.
TEST(GitKill, ASweepKilledAtEveryStepInACloneLeavesNoStrayFilesAndTheNextOneCatchesUp) {
    KillSetup k("");
    const std::string& root = k.root;
    ASSERT_GT(k.steps, 8);  // blobs, tree, commit, reference, reflog, cache, files, index

    int moved = 0, unchanged = 0;
    for (int step = 1; step <= k.steps; ++step) {
        SCOPED_TRACE("killed at step " + std::to_string(step) + " of " + std::to_string(k.steps));
        k.sweep_killed_at(step);
        std::string tip = trimmed(sh("git -C work rev-parse main", root));
        (tip == k.before ? unchanged : moved)++;
        for (const char* lock : {"work/.git/refs/heads/main.lock", "work/.git/index.lock"})
            sh(std::string("rm -f ") + lock, root);  // as git leaves them: the user's to remove
        Shell again = run(sweep_command("work"), root);
        EXPECT_EQ(again.code, 0) << again.out;
        EXPECT_EQ(trimmed(sh("git -C work rev-parse 'main^{tree}'", root)), k.stamped);
        EXPECT_EQ(sh("git -C work status --porcelain --untracked-files=all", root), "");
        EXPECT_EQ(sh("git -C work diff HEAD --stat", root), "");
    }
    EXPECT_GT(unchanged, 0);
    EXPECT_GT(moved, 0);
}

}  // namespace archtag::e2e
