#pragma once
// A git repository seen through libgit2: read a branch's files from the
// object database, write blobs, trees and commits, and move a branch with a
// compare-and-swap. src/repo is the only place that includes <git2.h>.
// Paths are bytes ('/'-separated, relative to the repository root), not
// always UTF-8.
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/timestamp.h"
#include "util/expected.h"

struct git_repository;

namespace archtag::repo {

// A 40-digit lower-case hex object id.
struct ObjectId {
    std::string hex;
    std::string short_hex() const { return hex.substr(0, 7); }
    friend bool operator==(const ObjectId&, const ObjectId&) = default;
};

// An object id as its 20 bytes: a sweep holds one for each article it
// stamps (hundreds of thousands), and the hex form costs 64 more bytes each.
struct PackedId {
    std::array<unsigned char, 20> bytes{};
    // nullopt when `id` is not 40 hex digits.
    static std::optional<PackedId> of(const ObjectId& id);
    ObjectId id() const;
    friend bool operator==(const PackedId&, const PackedId&) = default;
};

// What a tree entry is, from its mode.
enum class EntryKind { file, executable, symlink, submodule };

struct TreeFile {
    std::string path;  // bytes
    ObjectId id;       // the blob (or, for a submodule, the commit)
    std::uint32_t mode = 0100644;
    EntryKind kind = EntryKind::file;
    // Whether a .gitattributes file in its folder or a folder above may say
    // something about it. TreeCursor looks; list_files() does not and says
    // true.
    bool attributes_above = true;
};

// Replace the blob at `path`, keeping `mode` (taken from the old entry).
struct FileUpdate {
    std::string path;
    PackedId blob;
    std::uint32_t mode = 0100644;
};

struct Signature {
    std::string name;
    std::string email;
    Instant when{};
    int offset_minutes = 0;  // from UTC
};

struct CommitRequest {
    ObjectId parent;  // one parent: the branch tip the tree was made from
    ObjectId tree;
    Signature author;
    Signature committer;
    std::string message;
};

enum class MoveOutcome { moved, branch_moved, locked };

// The commit that first brought a file into a branch's history.
struct FirstCommit {
    ObjectId commit;
    Instant when{};          // its author time
    int offset_minutes = 0;  // the author's offset from UTC
};

// The index and work-tree update due once `branch` moves from `from` to
// `to` (repo/worktree.cc).
struct NotedCheckout {
    std::string branch;  // "refs/heads/main"
    ObjectId from;
    ObjectId to;
};

class Repository {
  public:
    // Finds the repository holding `path` (a work tree or any folder in it,
    // a .git folder, or a bare repository).
    static Expected<Repository> discover(const std::string& path);
    // Opens exactly the repository at `git_dir`, as each worker thread does.
    static Expected<Repository> open(const std::string& git_dir);
    // The repository a git hook runs in, as git describes it in the
    // environment: GIT_DIR, GIT_INDEX_FILE, GIT_OBJECT_DIRECTORY and
    // GIT_ALTERNATE_OBJECT_DIRECTORIES (a push's quarantine), GIT_WORK_TREE;
    // else the repository holding the working directory (repo/environment.cc).
    static Expected<Repository> open_from_environment();

    Repository(Repository&&) noexcept;
    Repository& operator=(Repository&&) noexcept;
    ~Repository();

    const std::string& git_dir() const { return m_git_dir; }
    // The work tree, without a trailing '/'; nullopt in a bare repository.
    std::optional<std::string> work_dir() const;
    bool bare() const { return !work_dir(); }

    // The branch HEAD points at ("refs/heads/main"); an error when HEAD is
    // detached.
    Expected<std::string> head_branch() const;
    // "main", "heads/main" or "refs/heads/main" -> the full name of an
    // existing local branch.
    Expected<std::string> find_branch(const std::string& name) const;
    // The commit a branch points at now.
    Expected<ObjectId> tip(const std::string& branch) const;

    // The commit a revision names ("main~3", a tag, an id), peeled.
    Expected<ObjectId> resolve_commit(const std::string& revision) const;
    // For each path that exists at `tip`, the commit that first added it:
    // history is walked oldest first, each commit compared with its first
    // parent with rename detection, so a renamed file keeps its first commit
    // (a file added on a merged branch keeps that branch's commit).
    Expected<std::map<std::string, FirstCommit>> first_commits(const ObjectId& tip) const;

    // The id of a commit's tree.
    Expected<ObjectId> tree_id(const ObjectId& commit) const;
    // Every blob, symbolic link and submodule of a commit's tree,
    // recursively, sorted by path bytes.
    Expected<std::vector<TreeFile>> list_files(const ObjectId& commit) const;
    // Whether the .gitattributes files of `commit`'s tree (and the
    // repository's info/attributes and core.attributesFile, as git reads
    // them; never the system-wide file) mark `path` as binary: `binary` set
    // or `diff` unset. The work tree and the index are not consulted, so a
    // bare repository answers the same as a clone with any checkout.
    Expected<bool> marked_binary(const std::string& path, const ObjectId& commit) const;
    // A blob's bytes; larger than `max_bytes` is an error.
    Expected<std::string> read_blob(const ObjectId& blob, std::uint64_t max_bytes) const;
    // The same bytes, taken from `file` (a work-tree file) when it holds
    // exactly them: its SHA-1 as a blob is `blob`. Else read_blob(). As
    // git's diff reuses a clean work-tree file: reading and hashing a file
    // costs about half of inflating a blob at the end of a delta chain.
    Expected<std::string> read_blob_reusing(const ObjectId& blob, const std::string& file,
                                            std::uint64_t max_bytes) const;

    Expected<ObjectId> write_blob(std::string_view bytes);
    // The commit's tree with `updates` applied (git_tree_create_updated).
    Expected<ObjectId> update_tree(const ObjectId& commit, const std::vector<FileUpdate>& updates);
    // Writes a commit object; no reference moves.
    Expected<ObjectId> create_commit(const CommitRequest& request);
    // The same commit, signed: `sign` gets the commit's bytes and returns an
    // armored detached signature, stored in the commit's gpgsig header.
    using Sign = std::function<Expected<std::string>(const std::string& payload)>;
    Expected<ObjectId> create_signed_commit(const CommitRequest& request, const Sign& sign);

    // Moves `branch` from `expected` to `to` only if it still points at
    // `expected`, writing `reflog_message` (as `who`) to the reflog.
    Expected<MoveOutcome> move_branch(const std::string& branch, const ObjectId& to,
                                      const ObjectId& expected, const Signature& who,
                                      const std::string& reflog_message);

    // Where git runs hooks from: core.hooksPath, else <common dir>/hooks
    // (shared by every linked worktree).
    std::string hooks_dir() const;
    // The index file git named for a hook (GIT_INDEX_FILE); nullopt when
    // the repository's own index (<git dir>/index) applies.
    const std::optional<std::string>& index_file() const { return m_index_file; }
    // The index git uses here: index_file(), else <git dir>/index.
    std::string index_path() const { return m_index_file.value_or(m_git_dir + "/index"); }
    // Whether index_file() was given to libgit2 yet (repo/index.cc).
    bool index_loaded() const { return m_index_loaded; }
    void mark_index_loaded() { m_index_loaded = true; }
    // Where new objects go: GIT_OBJECT_DIRECTORY for a repository opened
    // from a hook's environment that names one (a push's quarantine), else
    // the objects folder of the common git dir (linked work trees share it).
    std::string objects_dir() const;
    // libgit2's handle, for the other files of src/repo only.
    git_repository* raw() const { return m_repo.get(); }

    // A git config value ("user.name"), nullopt when unset.
    std::optional<std::string> config_string(const std::string& key) const;

    // Which of `paths` differ between `commit`'s tree, the index and the work
    // tree (uncommitted changes). Empty in a bare repository.
    Expected<std::vector<std::string>> dirty_paths(
        const ObjectId& commit, const std::vector<std::string_view>& paths) const;
    // Brings the index and the work-tree files `paths` from commit `from` to
    // commit `to`, through the repository's filters (line endings); a file
    // that no longer matches `from` is left alone and reported. Files are
    // written on up to `jobs` threads (0: one per core).
    Status checkout_paths(const ObjectId& from, const ObjectId& to,
                          const std::vector<std::string_view>& paths, unsigned jobs = 0);

    // A note under the git dir (archtag/checkout) of a checkout_paths() due
    // once a branch moves: written before it moves, forgotten once the
    // update is done, so that a sweep killed in between leaves it for the
    // next one, which finishes the update.
    Status note_checkout(const NotedCheckout& due) const;
    // The note; nullopt when there is none.
    Expected<std::optional<NotedCheckout>> noted_checkout() const;
    void forget_checkout() const;
    // Removes the temporary files a killed checkout_paths() of `paths` may
    // have left in the work tree (<file>.archtag-new).
    void remove_work_temps(const std::vector<std::string>& paths) const;
    // The paths of the files whose blob changed between two commits' trees.
    Expected<std::vector<std::string>> changed_files(const ObjectId& from,
                                                     const ObjectId& to) const;

  private:
    struct Free {
        void operator()(git_repository* r) const;
    };
    Repository(git_repository* r, std::string git_dir);
    Error failure(std::string_view what) const;

    std::unique_ptr<git_repository, Free> m_repo;
    std::string m_git_dir;
    // The index git named in GIT_INDEX_FILE (absolute), for a repository
    // opened from a hook's environment; read only when it is needed
    // (repo/index.cc), because libgit2 reads and checks all of it.
    std::optional<std::string> m_index_file;
    bool m_index_loaded = false;
    std::optional<std::string> m_objects_dir;  // GIT_OBJECT_DIRECTORY, from a hook's environment
    // The same repository without work tree or index, for marked_binary();
    // opened on first use (repo/attributes.cc).
    mutable std::unique_ptr<git_repository, Free> m_attributes;
};

}  // namespace archtag::repo
