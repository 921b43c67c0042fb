#pragma once
// What a push brings: the paths that commits change, for a pre-receive hook.
#include <string>
#include <vector>

#include "repo/repo.h"

namespace archtag::repo {

// Paths of regular files that differ between the trees of two commits and
// exist in `to` (added, changed, renamed to).
Expected<std::vector<std::string>> pushed_paths(Repository& repo, const ObjectId& from,
                                                const ObjectId& to);

// Paths of regular files that the commits reachable from `tip` but from no
// existing reference add or change (each compared with its first parent),
// sorted, without duplicates. For a new branch: what it brings.
Expected<std::vector<std::string>> paths_new_to_repository(Repository& repo, const ObjectId& tip);

}  // namespace archtag::repo
