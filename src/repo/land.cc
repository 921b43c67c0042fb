#include "repo/land.h"

#include <fmt/format.h>

#include <thread>

namespace archtag::repo {

namespace {

using Clock = std::chrono::steady_clock;

// Retries while the ref is locked, sleeping 50 ms, 100 ms, ... up to `wait`.
Expected<MoveOutcome> move_waiting_for_lock(Repository& repo, const std::string& branch,
                                            const ObjectId& to, const ObjectId& expected,
                                            const Signature& who, const std::string& message,
                                            std::chrono::milliseconds wait) {
    auto deadline = Clock::now() + wait;
    std::chrono::milliseconds pause{50};
    for (;;) {
        auto moved = repo.move_branch(branch, to, expected, who, message);
        if (!moved || *moved != MoveOutcome::locked)
            return moved;
        auto now = Clock::now();
        if (now >= deadline)
            return moved;
        std::this_thread::sleep_for(std::min<Clock::duration>(pause, deadline - now));
        pause *= 2;
    }
}

}  // namespace

Expected<Landing> land(Repository& repo, const std::string& branch, const MakeCommit& make_commit,
                       const Signature& who, const LandOptions& options) {
    Landing landing;
    for (;; ++landing.replans) {
        auto tip = repo.tip(branch);
        if (!tip)
            return fail(tip.error());
        landing.base = *tip;
        auto commit = make_commit(*tip);
        if (!commit)
            return fail(commit.error());
        if (!*commit) {
            landing.commit.reset();
            return landing;
        }
        landing.commit = (*commit)->id;
        auto moved = move_waiting_for_lock(repo, branch, *landing.commit, *tip, who,
                                           (*commit)->reflog_message, options.lock_wait);
        if (!moved)
            return fail(moved.error());
        if (*moved == MoveOutcome::moved)
            return landing;
        if (*moved == MoveOutcome::locked)
            return fail(make_error(
                repo.git_dir(),
                fmt::format("{} is locked by another git process ({}/{}.lock exists); waited {} "
                            "ms, left the branch unchanged (try again when it is done; if no git "
                            "process is running, one that crashed left the file: remove it)",
                            branch, repo.git_dir(), branch, options.lock_wait.count())));
        if (landing.replans >= options.max_replans)
            return fail(make_error(
                repo.git_dir(),
                fmt::format("{} moved {} times while the sweep was committing (someone else is "
                            "pushing); gave up and left the branch as they made it (run the sweep "
                            "again)",
                            branch, landing.replans + 1)));
    }
}

}  // namespace archtag::repo
