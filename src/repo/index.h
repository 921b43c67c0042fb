#pragma once
// The index a commit is being made from, as a pre-commit hook sees it: what
// it stages relative to HEAD, and replacing staged blobs. The index is the
// repository's current one, which Repository::open_from_environment() takes
// from GIT_INDEX_FILE (git hands `commit`, `commit -a` and `commit PATHS`
// different ones).
#include <string>
#include <vector>

#include "repo/repo.h"

namespace archtag::repo {

// A regular or executable file that the index adds or changes relative to
// HEAD (everything when HEAD has no commit yet). Deletions, symbolic links
// and submodules are not listed.
struct StagedFile {
    std::string path;  // bytes, relative to the work tree
    ObjectId blob;
};

Expected<std::vector<StagedFile>> staged_files(Repository& repo);

// Stage `new_blob` at `path` instead of `old_blob`.
struct StagedUpdate {
    std::string path;
    ObjectId old_blob;
    ObjectId new_blob;
};

// Which work-tree files were rewritten (they equalled the staged blob).
struct Restaged {
    std::vector<std::string> work_tree_paths;
};

// Replaces the staged blobs and writes the index; a work-tree file follows
// only when it holds exactly the staged blob (through the repository's
// filters), so unstaged changes are never touched. When git commits PATHS,
// its own index (<git dir>/index.lock) is updated the same way so that it
// agrees with the commit. Nothing is changed when any step fails before the
// index is written.
Expected<Restaged> restage(Repository& repo, const std::vector<StagedUpdate>& updates);

}  // namespace archtag::repo
