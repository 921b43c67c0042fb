// What the index stages, and restaging stamped blobs from a pre-commit hook.
#include "repo/index.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <git2.h>
#include <git2/sys/repository.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "repo/handles.h"
#include "repo/index_file.h"
#include "repo/work_file.h"

namespace archtag::repo {

using detail::from_id;
using detail::git_failure;
using detail::Handle;
using detail::to_id;

namespace {

// The index the hook works on, through libgit2 (which reads all of it): the
// one git named in GIT_INDEX_FILE, given to the repository on first use, or
// the repository's own.
Expected<Handle<git_index>> index_of(Repository& repo) {
    git_index* raw = nullptr;
    if (repo.index_file() && !repo.index_loaded()) {
        if (git_index_open(&raw, repo.index_file()->c_str()) != 0)
            return fail(git_failure(*repo.index_file(), "cannot read the index"));
        Handle<git_index> given(raw);
        git_repository_set_index(repo.raw(), given.get());
        repo.mark_index_loaded();
    }
    if (git_repository_index(&raw, repo.raw()) != 0)
        return fail(git_failure(repo.git_dir(), "cannot read the index"));
    return Handle<git_index>(raw);
}

// HEAD's tree, or null when HEAD has no commit yet.
Expected<Handle<git_tree>> head_tree(Repository& repo) {
    git_object* raw = nullptr;
    int rc = git_revparse_single(&raw, repo.raw(), "HEAD^{tree}");
    if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH)
        return Handle<git_tree>();
    if (rc != 0)
        return fail(git_failure(repo.git_dir(), "cannot read HEAD"));
    return Handle<git_tree>(reinterpret_cast<git_tree*>(raw));
}

bool is_regular(std::uint32_t mode) {
    return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool same_id(const RawId& raw, const git_oid& oid) {
    return std::memcmp(raw.data(), oid.id, raw.size()) == 0;
}

// What the index stages relative to HEAD, found the way `git diff --cached`
// finds it: a folder whose cache-tree id equals HEAD's tree there has
// nothing staged, and its entries are skipped uncompared; elsewhere each
// entry is compared with HEAD's tree of its folder. Entries are in path
// order, so each folder's are contiguous and the folders open form a stack.
class StagedWalk {
  public:
    StagedWalk(Repository& repo, const std::vector<IndexEntry>& entries)
        : m_repo(repo), m_entries(entries) {}

    Expected<std::vector<StagedFile>> run(Handle<git_tree> head, const CacheTree* cache) {
        std::vector<Folder> open;
        open.push_back({{}, cache, std::move(head)});
        std::size_t i = 0;
        while (i < m_entries.size()) {
            std::string_view path = m_entries[i].path;
            while (open.size() > 1 && !starts_with(path, open.back().prefix))
                open.pop_back();
            const Folder& folder = open.back();
            std::string_view rest = path.substr(folder.prefix.size());
            std::size_t slash = rest.find('/');
            if (slash == std::string_view::npos) {
                check_file(m_entries[i++], rest, folder.tree.get());
                continue;
            }
            std::string_view prefix = path.substr(0, folder.prefix.size() + slash + 1);
            const CacheTree* sub_cache =
                folder.cache ? folder.cache->subtree(rest.substr(0, slash)) : nullptr;
            const git_tree_entry* sub = subtree_entry(folder.tree.get(), rest.substr(0, slash));
            if (sub_cache && sub && unchanged(i, *sub_cache, *sub, prefix)) {
                i += static_cast<std::size_t>(sub_cache->entry_count);
                continue;
            }
            auto sub_tree = tree_of(sub, prefix);
            if (!sub_tree)
                return fail(sub_tree.error());
            open.push_back({prefix, sub_cache, std::move(*sub_tree)});
        }
        return std::move(m_out);
    }

  private:
    struct Folder {
        std::string_view prefix;  // "a/b/"; empty for the root
        const CacheTree* cache;   // null when the cache-tree does not have it
        Handle<git_tree> tree;    // HEAD's; null when HEAD does not have it
    };

    const git_tree_entry* entry_named(const git_tree* tree, std::string_view name) {
        if (!tree)
            return nullptr;
        m_name.assign(name);
        return git_tree_entry_byname(tree, m_name.c_str());
    }

    const git_tree_entry* subtree_entry(const git_tree* tree, std::string_view name) {
        const git_tree_entry* e = entry_named(tree, name);
        return e && git_tree_entry_type(e) == GIT_OBJECT_TREE ? e : nullptr;
    }

    // The cache-tree is trusted only where it covers exactly the entries of
    // the folder, so a stale or damaged one cannot hide an entry.
    bool unchanged(std::size_t i, const CacheTree& cache, const git_tree_entry& head,
                   std::string_view prefix) const {
        if (!cache.valid() || !same_id(cache.id, *git_tree_entry_id(&head)))
            return false;
        auto count = static_cast<std::size_t>(cache.entry_count);
        std::size_t end = i + count;
        return count > 0 && end <= m_entries.size() &&
               starts_with(m_entries[end - 1].path, prefix) &&
               (end == m_entries.size() || !starts_with(m_entries[end].path, prefix));
    }

    Expected<Handle<git_tree>> tree_of(const git_tree_entry* entry, std::string_view prefix) {
        if (!entry)
            return Handle<git_tree>();
        git_tree* raw = nullptr;
        if (git_tree_lookup(&raw, m_repo.raw(), git_tree_entry_id(entry)) != 0)
            return fail(
                git_failure(m_repo.git_dir(), fmt::format("cannot read HEAD's tree {}", prefix)));
        return Handle<git_tree>(raw);
    }

    // Listed as libgit2's diff lists it: a merged regular file that HEAD
    // does not have with the same id and mode.
    void check_file(const IndexEntry& entry, std::string_view name, const git_tree* tree) {
        if (entry.stage != 0 || !is_regular(entry.mode))
            return;
        const git_tree_entry* head = entry_named(tree, name);
        if (head && git_tree_entry_filemode_raw(head) == entry.mode &&
            same_id(entry.id, *git_tree_entry_id(head)))
            return;
        git_oid id;
        git_oid_fromraw(&id, entry.id.data());
        m_out.push_back({std::string(entry.path), to_id(id)});
    }

    Repository& m_repo;
    const std::vector<IndexEntry>& m_entries;
    std::vector<StagedFile> m_out;
    std::string m_name;  // a NUL-terminated name for libgit2
};

// A stamped work-tree file waiting to replace its target.
struct PendingFile {
    std::string temp;
    std::string target;
    std::string path;
};

void discard(const std::vector<PendingFile>& pending) {
    for (const PendingFile& p : pending)
        std::remove(p.temp.c_str());
}

// Prepares the work-tree file of `u` when it holds exactly the staged blob.
Status prepare_work_file(Repository& repo, const StagedUpdate& u, const git_oid& new_id,
                         std::vector<PendingFile>& pending) {
    auto work = repo.work_dir();
    if (!work)
        return ok();
    std::string target = *work + "/" + u.path;
    struct stat st {};
    if (::lstat(target.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return ok();
    git_oid on_disk;
    if (git_repository_hashfile(&on_disk, repo.raw(), target.c_str(), GIT_OBJECT_BLOB,
                                u.path.c_str()) != 0)
        return fail(git_failure(target, "cannot read the work-tree file"));
    if (to_id(on_disk) != u.old_blob)
        return ok();  // unstaged changes: the file is not ours to touch
    auto temp = detail::write_work_temp(repo.raw(), new_id, u.path, target, st);
    if (!temp)
        return fail(temp.error());
    pending.push_back({*temp, target, u.path});
    return ok();
}

// Points the entries of `index` at the new blobs. Stat data is cleared so
// that git compares the work-tree file by content, not by time and size.
Status update_entries(git_index* index, const std::vector<StagedUpdate>& updates,
                      const std::string& where, bool only_matching) {
    for (const StagedUpdate& u : updates) {
        const git_index_entry* e = git_index_get_bypath(index, u.path.c_str(), 0);
        if (!e || to_id(e->id) != u.old_blob) {
            if (only_matching)
                continue;
            return fail(make_error(where, fmt::format("{} changed in the index while archtag "
                                                      "was stamping it",
                                                      u.path)));
        }
        git_index_entry copy = *e;
        git_oid id;
        if (!from_id(u.new_blob, id))
            return fail(make_error(where, fmt::format("'{}' is not an object id", u.new_blob.hex)));
        copy.id = id;
        copy.ctime = {0, 0};
        copy.mtime = {0, 0};
        copy.dev = copy.ino = 0;
        copy.file_size = 0;
        if (git_index_add(index, &copy) != 0)
            return fail(git_failure(where, fmt::format("cannot restage {}", u.path)));
    }
    return ok();
}

// `git commit PATHS` hands the hook a temporary index (next-index-*.lock);
// the index git keeps afterwards is <same folder>/index.lock.
std::optional<std::string> kept_index() {
    const char* file = std::getenv("GIT_INDEX_FILE");
    if (!file)
        return std::nullopt;
    std::string f = file;
    std::size_t slash = f.rfind('/');
    std::string dir = slash == std::string::npos ? "." : f.substr(0, slash);
    std::string base = slash == std::string::npos ? f : f.substr(slash + 1);
    if (base.rfind("next-index-", 0) != 0)
        return std::nullopt;
    std::string kept = dir + "/index.lock";
    struct stat st {};
    if (::stat(kept.c_str(), &st) != 0)
        return std::nullopt;
    return kept;
}

Status restage_kept_index(const std::vector<StagedUpdate>& updates) {
    auto kept = kept_index();
    if (!kept)
        return ok();
    git_index* raw = nullptr;
    if (git_index_open(&raw, kept->c_str()) != 0)
        return fail(git_failure(*kept, "cannot read git's index"));
    Handle<git_index> index(raw);
    Status s = update_entries(index.get(), updates, *kept, true);
    if (!s)
        return s;
    if (git_index_write(index.get()) != 0)
        return fail(git_failure(*kept, "cannot write git's index"));
    return ok();
}

}  // namespace

Expected<std::vector<StagedFile>> staged_files(Repository& repo) {
    // The file index_of() opens, found without reading it.
    auto index = IndexFile::read(repo.index_path());
    if (!index)
        return fail(index.error());
    auto tree = head_tree(repo);
    if (!tree)
        return fail(tree.error());
    const auto& cache = index->cache_tree();
    StagedWalk walk(repo, index->entries());
    return walk.run(std::move(*tree), cache ? &*cache : nullptr);
}

Expected<Restaged> restage(Repository& repo, const std::vector<StagedUpdate>& updates) {
    auto index = index_of(repo);
    if (!index)
        return fail(index.error());
    std::vector<PendingFile> pending;
    auto give_up = [&](const Error& e) -> Expected<Restaged> {
        discard(pending);
        git_index_read(index->get(), 1);  // forget the changes made in memory
        return fail(e);
    };
    for (const StagedUpdate& u : updates) {
        git_oid id;
        if (!from_id(u.new_blob, id))
            return give_up(
                make_error(u.path, fmt::format("'{}' is not an object id", u.new_blob.hex)));
        if (Status s = prepare_work_file(repo, u, id, pending); !s)
            return give_up(s.error());
    }
    if (Status s = update_entries(index->get(), updates, repo.git_dir(), false); !s)
        return give_up(s.error());
    if (git_index_write(index->get()) != 0)
        return give_up(git_failure(repo.git_dir(), "cannot write the index"));
    if (Status s = restage_kept_index(updates); !s) {
        discard(pending);
        return fail(s.error());  // git rolls back both indexes when the hook fails
    }
    Restaged done;
    for (const PendingFile& p : pending) {
        if (std::rename(p.temp.c_str(), p.target.c_str()) != 0) {
            int reason = errno;  // before discard() sets its own
            discard(pending);
            return fail(make_error(p.target, fmt::format("cannot replace the work-tree file: {}",
                                                         std::strerror(reason))));
        }
        done.work_tree_paths.push_back(p.path);
    }
    return done;
}

}  // namespace archtag::repo
