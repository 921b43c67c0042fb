#pragma once
// Private to src/repo: owning handles for libgit2 objects, the library
// guard, and the conversion of libgit2 failures into Error. libgit2's types
// are forward-declared so that <git2.h> stays in the .cc files.
#include <memory>
#include <string>
#include <string_view>

#include "repo/repo.h"
#include "util/error.h"
#include "util/expected.h"

struct git_blob;
struct git_commit;
struct git_index;
struct git_object;
struct git_oid;
struct git_reference;
struct git_signature;
struct git_tree;
struct git_diff;
struct git_config;
struct git_odb;
struct git_repository;

namespace archtag::repo::detail {

struct Free {
    void operator()(git_blob* p) const;
    void operator()(git_commit* p) const;
    void operator()(git_index* p) const;
    void operator()(git_object* p) const;
    void operator()(git_reference* p) const;
    void operator()(git_signature* p) const;
    void operator()(git_tree* p) const;
    void operator()(git_diff* p) const;
    void operator()(git_config* p) const;
    void operator()(git_odb* p) const;
    void operator()(git_repository* p) const;
};

template <typename T>
using Handle = std::unique_ptr<T, Free>;

// Initialises libgit2 once per process; shut down at exit.
void ensure_libgit2();

// "<what>: <libgit2's last error message>", about the repository `where`.
Error git_failure(const std::string& where, std::string_view what);

ObjectId to_id(const git_oid& oid);
// False when `id` is not 40 hex digits.
bool from_id(const ObjectId& id, git_oid& out);

// What a tree entry with this file mode is (list_files, TreeCursor).
EntryKind kind_of(std::uint32_t mode);

// A second handle on `repo`'s git directory that shares its object
// database (so a push's quarantine is seen) and has an empty in-memory
// index: libgit2's attribute lookups read the index's .gitattributes, and
// would load all of the index for them. `with_work_tree` keeps the work
// tree's .gitattributes and filters (checking and writing files); `bare`
// leaves only a commit's files, info/attributes and core.attributesFile.
enum class View { bare, with_work_tree };
Expected<Handle<git_repository>> open_view(git_repository* repo, const std::string& where,
                                           View kind);

// The root tree of `commit` (objects.cc); errors are about `where`.
Expected<Handle<git_tree>> tree_of(git_repository* repo, const ObjectId& commit,
                                   const std::string& where);

}  // namespace archtag::repo::detail
