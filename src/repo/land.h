#pragma once
// Lands a commit on a branch without ever losing someone else's: the commit
// is made on the tip read at the start, and the branch moves only if it
// still points there. When it moved meanwhile, the commit is made again on
// the new tip (the caller re-plans), a bounded number of times. A lock held
// by a running git is waited for briefly, then reported.
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "repo/repo.h"

namespace archtag::repo {

struct LandOptions {
    int max_replans = 3;                        // then give up, branch untouched
    std::chrono::milliseconds lock_wait{2000};  // total wait for a ref lock
};

// A commit written on top of a tip, and the reflog entry for moving onto it.
struct NewCommit {
    ObjectId id;
    std::string reflog_message;
};

// The commit to land on top of `tip`, or nullopt when there is nothing to
// commit. Called once per attempt with the branch's current tip.
using MakeCommit = std::function<Expected<std::optional<NewCommit>>(const ObjectId& tip)>;

struct Landing {
    ObjectId base;                   // the tip the landed commit was made on
    std::optional<ObjectId> commit;  // nullopt: nothing to commit
    int replans = 0;                 // how many times the branch moved under us
};

Expected<Landing> land(Repository& repo, const std::string& branch, const MakeCommit& make_commit,
                       const Signature& who, const LandOptions& options = {});

}  // namespace archtag::repo
