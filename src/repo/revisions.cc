// Reading history: naming commits and comparing their trees.
#include <fmt/format.h>
#include <git2.h>

#include <algorithm>

#include "repo/handles.h"

namespace archtag::repo {

using detail::Handle;

namespace {

struct DiffFree {
    void operator()(git_diff* d) const { git_diff_free(d); }
};

Expected<Handle<git_tree>> tree_of_commit(git_repository* repo, const ObjectId& commit,
                                          const std::string& where) {
    git_oid oid;
    git_commit* c = nullptr;
    if (!detail::from_id(commit, oid) || git_commit_lookup(&c, repo, &oid) != 0)
        return fail(detail::git_failure(where, fmt::format("cannot read commit {}", commit.hex)));
    Handle<git_commit> owned(c);
    git_tree* t = nullptr;
    if (git_commit_tree(&t, owned.get()) != 0)
        return fail(
            detail::git_failure(where, fmt::format("cannot read the tree of {}", commit.hex)));
    return Handle<git_tree>(t);
}

}  // namespace

Expected<ObjectId> Repository::resolve_commit(const std::string& revision) const {
    git_object* raw = nullptr;
    if (git_revparse_single(&raw, m_repo.get(), revision.c_str()) != 0)
        return fail(make_error(
            m_git_dir,
            fmt::format("'{}' names no commit (expected a branch, tag or commit id)", revision)));
    Handle<git_object> named(raw);
    git_object* peeled = nullptr;
    if (git_object_peel(&peeled, named.get(), GIT_OBJECT_COMMIT) != 0)
        return fail(make_error(m_git_dir, fmt::format("'{}' is not a commit", revision)));
    Handle<git_object> commit(peeled);
    return detail::to_id(*git_object_id(commit.get()));
}

Expected<std::vector<std::string>> Repository::changed_paths(const ObjectId& from,
                                                             const ObjectId& to) const {
    auto old_tree = tree_of_commit(m_repo.get(), from, m_git_dir);
    if (!old_tree)
        return fail(old_tree.error());
    auto new_tree = tree_of_commit(m_repo.get(), to, m_git_dir);
    if (!new_tree)
        return fail(new_tree.error());
    git_diff_options opts;
    git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
    git_diff* raw = nullptr;
    if (git_diff_tree_to_tree(&raw, m_repo.get(), old_tree->get(), new_tree->get(), &opts) != 0)
        return fail(failure(fmt::format("cannot compare {} with {}", from.hex, to.hex)));
    std::unique_ptr<git_diff, DiffFree> diff(raw);
    std::vector<std::string> paths;
    for (std::size_t i = 0, n = git_diff_num_deltas(diff.get()); i < n; ++i) {
        const git_diff_delta* d = git_diff_get_delta(diff.get(), i);
        if (d->status != GIT_DELTA_DELETED && d->new_file.path)
            paths.emplace_back(d->new_file.path);
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

}  // namespace archtag::repo
