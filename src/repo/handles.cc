#include "repo/handles.h"

#include <fmt/format.h>
#include <git2.h>
#include <git2/sys/repository.h>

#include <cstring>

namespace archtag::repo::detail {

void Free::operator()(git_blob* p) const {
    git_blob_free(p);
}
void Free::operator()(git_commit* p) const {
    git_commit_free(p);
}
void Free::operator()(git_index* p) const {
    git_index_free(p);
}
void Free::operator()(git_object* p) const {
    git_object_free(p);
}
void Free::operator()(git_reference* p) const {
    git_reference_free(p);
}
void Free::operator()(git_signature* p) const {
    git_signature_free(p);
}
void Free::operator()(git_tree* p) const {
    git_tree_free(p);
}
void Free::operator()(git_diff* p) const {
    git_diff_free(p);
}
void Free::operator()(git_config* p) const {
    git_config_free(p);
}
void Free::operator()(git_odb* p) const {
    git_odb_free(p);
}
void Free::operator()(git_repository* p) const {
    git_repository_free(p);
}

namespace {

// libgit2 caches parsed objects per repository, but by default only objects
// of at most 4 KiB: the tree of a folder holding thousands of articles is
// far larger, so every lookup (a sweep's TreeCursor, update_tree, attribute
// lookups walking a commit's folders) would read and parse it again. Trees up
// to 4 MiB are cached instead, and the cache as a whole is capped at 16 MiB
// (libgit2's default is 256 MiB, the whole of a sweep's memory budget; a
// million-article tree is about 100,000 trees, and a sweep reads forward).
// Blobs stay uncached: a sweep reads each article once, and caching them
// would make memory grow with the archive instead of with the largest
// article.
void limit_object_cache() {
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE,
                     static_cast<std::size_t>(4) << 20);
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_BLOB, static_cast<std::size_t>(0));
    git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, static_cast<ssize_t>(16) << 20);
    // Pack files are read through mapped windows; libgit2 keeps up to 8 GiB
    // of them mapped on 64-bit machines (in 1 GiB windows), and every page
    // touched while reading a million blobs counts in the process's memory.
    // 8 MiB windows, at most 32 MiB mapped, are plenty for reading forward.
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, static_cast<std::size_t>(8) << 20);
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, static_cast<std::size_t>(32) << 20);
    // libgit2 hashes every object it reads again to check its id (5% of a
    // sweep that reads a million blobs); git does not, trusting zlib's
    // checksum of each compressed object, which libgit2 still checks.
    // `git fsck` is the tool for a damaged object store.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}

class LibGit2 {
  public:
    LibGit2() {
        git_libgit2_init();
        limit_object_cache();
    }
    ~LibGit2() { git_libgit2_shutdown(); }
    LibGit2(const LibGit2&) = delete;
    LibGit2& operator=(const LibGit2&) = delete;
};

}  // namespace

void ensure_libgit2() {
    static LibGit2 guard;
}

Error git_failure(const std::string& where, std::string_view what) {
    const git_error* e = git_error_last();
    std::string why = e && e->message ? e->message : "unknown libgit2 error";
    return make_error(where, fmt::format("{}: {}", what, why));
}

ObjectId to_id(const git_oid& oid) {
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, &oid);
    return ObjectId{hex};
}

bool from_id(const ObjectId& id, git_oid& out) {
    return id.hex.size() == GIT_OID_HEXSZ && git_oid_fromstr(&out, id.hex.c_str()) == 0;
}

}  // namespace archtag::repo::detail

namespace archtag::repo {

std::optional<PackedId> PackedId::of(const ObjectId& id) {
    git_oid oid;
    if (!detail::from_id(id, oid))
        return std::nullopt;
    PackedId out;
    std::memcpy(out.bytes.data(), oid.id, out.bytes.size());
    return out;
}

ObjectId PackedId::id() const {
    git_oid oid;
    std::memcpy(oid.id, bytes.data(), bytes.size());
    return detail::to_id(oid);
}

}  // namespace archtag::repo

namespace archtag::repo::detail {

EntryKind kind_of(std::uint32_t mode) {
    switch (mode) {
        case GIT_FILEMODE_BLOB_EXECUTABLE:
            return EntryKind::executable;
        case GIT_FILEMODE_LINK:
            return EntryKind::symlink;
        case GIT_FILEMODE_COMMIT:
            return EntryKind::submodule;
        default:
            return EntryKind::file;
    }
}

Expected<Handle<git_repository>> open_view(git_repository* repo, const std::string& where,
                                           View kind) {
    const char* what = kind == View::bare ? "cannot prepare to read .gitattributes"
                                          : "cannot prepare to filter work-tree files";
    git_repository* raw = nullptr;
    if (git_repository_open_ext(&raw, git_repository_path(repo),
                                GIT_REPOSITORY_OPEN_NO_SEARCH | GIT_REPOSITORY_OPEN_BARE,
                                nullptr) != 0)
        return fail(git_failure(where, what));
    Handle<git_repository> view(raw);
    git_odb* odb = nullptr;
    if (git_repository_odb(&odb, repo) != 0)
        return fail(git_failure(where, what));
    Handle<git_odb> shared(odb);
    git_index* index = nullptr;
    if (git_repository_set_odb(view.get(), shared.get()) != 0 || git_index_new(&index) != 0)
        return fail(git_failure(where, what));
    Handle<git_index> empty(index);
    if (git_repository_set_index(view.get(), empty.get()) != 0)
        return fail(git_failure(where, what));
    if (kind == View::with_work_tree &&
        git_repository_set_workdir(view.get(), git_repository_workdir(repo), 0) != 0)
        return fail(git_failure(where, what));
    return view;
}

}  // namespace archtag::repo::detail
