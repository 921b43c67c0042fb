#pragma once
// Stamping what is staged as one change: the pre-commit hook in fix mode
// replaces the staged blobs in the index and rewrites the work-tree files
// that follow them. Everything that may change is saved before anything
// does, so that a failure half way (the index written, one work-tree file
// replaced and the next refused) is undone and leaves index and work tree
// exactly as they were.
#include <cstdint>
#include <string>
#include <vector>

#include "repo/index.h"
#include "util/expected.h"

namespace archtag::app {

// Files saved byte for byte, with their permission bits, to be put back
// after a change that failed.
class SavedFiles {
  public:
    // Saves `path` when it is a regular file; a missing path, or one that is
    // not a regular file, is not saved (a change never writes one). An
    // unreadable regular file is an error.
    Status save(const std::string& path);
    // Puts back every saved file whose bytes or permissions differ from what
    // was saved; files that still agree are not touched. Returns what could
    // not be put back (empty: all are as they were).
    std::vector<Error> restore() const;

  private:
    struct Saved {
        std::string path;
        std::string bytes;
        std::uint32_t mode = 0;  // permission bits
    };
    std::vector<Saved> m_files;
};

// The index file the hook's repository uses: GIT_INDEX_FILE (relative to the
// working directory, as git hands it to hooks), else <git dir>/index.
std::string hook_index_path(const repo::Repository& repo);

struct Restage {
    Expected<repo::Restaged> result;  // the error says why restaging failed
    std::vector<Error> not_restored;  // after a failure: what could not be put back
};

// repo::restage with a way back: the index file and the work-tree file of
// every update are saved first; when restaging fails they are restored.
// Saving that fails is reported before anything is changed.
Restage restage_all_or_nothing(repo::Repository& repo,
                               const std::vector<repo::StagedUpdate>& updates);

}  // namespace archtag::app
