#pragma once
// `sweep --commit` and `unstamp --commit`: the articles of a branch tip are
// read from git objects (no index, no work tree; bare repositories work),
// planned as any sweep, and landed as one commit whose tree differs only in
// the stamped files. The branch moves by compare-and-swap; when someone
// pushed meanwhile the sweep re-plans on the new tip (repo/land.h).
// Articles unchanged since the last sweep come from the cache
// (app/git_cache.h); --since limits the sweep to articles changed since a
// commit, and without --commit makes it a dry run read from the branch.
#include <ostream>

#include "app/options.h"
#include "app/pipeline.h"

namespace archtag::app {

int run_git_sweep(const Options& options, Mode mode, std::ostream& out, std::ostream& err);

}  // namespace archtag::app
