#pragma once
// git's index file read directly (https://git-scm.com/docs/index-format),
// versions 2, 3 and 4: its entries and its cache-tree (TREE extension). A
// pre-commit hook in a large archive needs only the few folders a commit
// touches, and the cache-tree says which folders are unchanged; libgit2
// does not expose it, and its own read verifies the checksum of the whole
// file, which git itself does not.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/expected.h"

namespace archtag::repo {

// A raw SHA-1 object id (the only object format libgit2 1.5 reads).
using RawId = std::array<unsigned char, 20>;

struct IndexEntry {
    std::string_view path;  // bytes; points into the IndexFile that holds the entry
    std::uint32_t mode = 0;
    RawId id{};
    int stage = 0;  // 0 when merged, 1-3 for the sides of a conflict
    bool intent_to_add = false;
    bool skip_worktree = false;
};

// A folder of the cache-tree: when valid, the tree `id` that the index
// entries under it (`entry_count` of them, from the first one whose path
// starts with the folder) make.
struct CacheTree {
    std::string name;                 // one path component; empty for the root
    std::int64_t entry_count = -1;    // -1 (any negative): invalid, the folder changed
    RawId id{};                       // only when valid
    std::vector<CacheTree> subtrees;  // sorted by name bytes

    bool valid() const { return entry_count >= 0; }
    const CacheTree* subtree(std::string_view name) const;
};

class IndexFile {
  public:
    // A missing file is an empty index (as git and libgit2 read it). The
    // file is mapped, not copied: a 100,000-entry index is ~10 MB.
    static Expected<IndexFile> read(const std::string& path);
    // `where` names the file in errors. The trailing checksum is not verified.
    static Expected<IndexFile> parse(std::string bytes, const std::string& where);

    std::uint32_t version() const { return m_version; }
    // In the file's order: sorted by path bytes, then stage.
    const std::vector<IndexEntry>& entries() const { return m_entries; }
    // nullopt when the index has no TREE extension.
    const std::optional<CacheTree>& cache_tree() const { return m_cache_tree; }

  private:
    friend class IndexParser;
    static Expected<IndexFile> parse_held(std::shared_ptr<const char> data, std::size_t size,
                                          const std::string& where);

    // Entries point into these (the file's bytes: a string or a read-only
    // mapping); held by pointer so that moving the IndexFile never moves them.
    std::shared_ptr<const char> m_bytes;
    std::unique_ptr<std::string> m_v4_paths;  // version 4 paths, rebuilt from their prefixes
    std::uint32_t m_version = 2;
    std::vector<IndexEntry> m_entries;
    std::optional<CacheTree> m_cache_tree;
};

}  // namespace archtag::repo
