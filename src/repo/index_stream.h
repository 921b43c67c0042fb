#pragma once
// git's index read as a stream, and rewritten with some entries pointed at
// new blobs (https://git-scm.com/docs/index-format). A sweep that stamps
// 300,000 articles of a million in a checked-out branch must check those
// entries before it commits and update them after; libgit2 loads all million
// entries (~350 MB at a million) to do either. Here memory grows with the
// entries asked for, not with the index.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "repo/index_file.h"
#include "util/expected.h"

namespace archtag::repo {

// The stat data git keeps for an entry, as the file has it (32 bits each,
// times truncated the way git truncates them).
struct EntryStat {
    std::uint32_t ctime_s = 0, ctime_ns = 0, mtime_s = 0, mtime_ns = 0;
    std::uint32_t dev = 0, ino = 0, mode = 0, uid = 0, gid = 0, size = 0;
};

struct FoundEntry {
    std::string_view path;  // one of the paths asked for
    EntryStat stat;
    RawId id{};
    int stage = 0;
    bool skip_worktree = false;
    bool intent_to_add = false;
};

struct IndexScan {
    bool exists = false;  // a missing index file reads as an empty one
    // The entries (every stage) whose paths were asked for, in index order.
    std::vector<FoundEntry> entries;
    // When the index needs an extension this module does not rewrite (a split
    // or sparse index): what it is, and how to make it a plain one.
    std::optional<std::string> unsupported;
    // The index file's modification time: an entry whose mtime is not older
    // is "racily clean" and its stat data proves nothing.
    std::int64_t mtime_s = 0;
    std::int64_t mtime_ns = 0;
};

// Whether an entry's stat data proves nothing: its file was modified in the
// same instant as (or after) the index was written, so it may have changed
// again after git took that data (git's "racily clean" entries).
bool racily_clean(const EntryStat& s, std::int64_t index_mtime_s, std::int64_t index_mtime_ns);

// Reads `index_path` once; `sorted_paths` sorted by bytes, without repeats.
// The trailing checksum is verified.
Expected<IndexScan> scan_index(const std::string& index_path,
                               const std::vector<std::string_view>& sorted_paths);

// A stage-0 entry to point at a new blob, with the stat data of the file
// just written (all zeros when there is none: git then compares contents).
struct EntryPatch {
    std::string_view path;  // held by the caller
    RawId id{};
    EntryStat stat;  // its mode is not used: the entry keeps its own
};

// Writes `index_path` with `patches` applied (sorted by path, each naming a
// stage-0 entry) to the open file `out_fd` (`out_name` in errors), normally
// git's <index>.lock. Every other entry is copied byte for byte, except that
// a racily clean one loses its size, as git's own rewrite does, so that the
// newer index cannot make its stat data look trustworthy. The
// cache-tree (TREE) loses the folders above a patched entry, and the
// extensions that describe the old file are dropped (EOIE, IEOT: offsets;
// UNTR, FSMN: caches that git rebuilds). Fails, writing nothing useful, when
// the index changed in a way the patches do not fit.
Status write_patched_index(const std::string& index_path, int out_fd, const std::string& out_name,
                           const std::vector<EntryPatch>& patches);

// Rewrites a TREE extension's bytes with the folders in `changed_folders`
// ("" for the root, "a/" and "a/b/" below it; sorted) marked invalid.
Expected<std::string> invalidate_cache_tree(std::string_view tree,
                                            const std::vector<std::string_view>& changed_folders,
                                            const std::string& where);

}  // namespace archtag::repo
