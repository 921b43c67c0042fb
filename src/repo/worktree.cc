// The work tree and index of a non-bare repository whose checked-out branch
// was swept: find uncommitted changes first, bring stamped files up to date
// after.
#include <fmt/format.h>
#include <git2.h>

#include "repo/handles.h"

namespace archtag::repo {

using detail::Handle;

namespace {

// Borrowed C strings for a git_strarray; valid while `paths` lives.
std::vector<char*> c_strings(const std::vector<std::string>& paths) {
    std::vector<char*> out;
    out.reserve(paths.size());
    for (const std::string& p : paths)
        out.push_back(const_cast<char*>(p.c_str()));
    return out;
}

Expected<Handle<git_tree>> commit_tree(git_repository* repo, const ObjectId& commit,
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

Expected<std::vector<std::string>> Repository::dirty_paths(
    const ObjectId& commit, const std::vector<std::string>& paths) const {
    if (bare() || paths.empty())
        return std::vector<std::string>{};
    auto tree = commit_tree(m_repo.get(), commit, m_git_dir);
    if (!tree)
        return fail(tree.error());
    std::vector<char*> strings = c_strings(paths);
    git_status_options opts;
    git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION);
    opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    opts.flags = GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH | GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
    opts.pathspec = {strings.data(), strings.size()};
    opts.baseline = tree->get();
    git_status_list* raw = nullptr;
    if (git_status_list_new(&raw, m_repo.get(), &opts) != 0)
        return fail(failure("cannot read the status of the work tree"));
    Handle<git_status_list> list(raw);
    std::vector<std::string> dirty;
    for (std::size_t i = 0, n = git_status_list_entrycount(list.get()); i < n; ++i) {
        const git_status_entry* e = git_status_byindex(list.get(), i);
        if (e->status == GIT_STATUS_CURRENT)
            continue;
        const git_diff_delta* d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
        if (d && d->old_file.path)
            dirty.emplace_back(d->old_file.path);
    }
    return dirty;
}

Status Repository::checkout_paths(const ObjectId& from, const ObjectId& to,
                                  const std::vector<std::string>& paths) {
    if (bare() || paths.empty())
        return ok();
    auto baseline = commit_tree(m_repo.get(), from, m_git_dir);
    if (!baseline)
        return fail(baseline.error());
    git_oid oid;
    git_object* target_raw = nullptr;
    if (!detail::from_id(to, oid) ||
        git_object_lookup(&target_raw, m_repo.get(), &oid, GIT_OBJECT_COMMIT) != 0)
        return fail(failure(fmt::format("cannot read commit {}", to.hex)));
    Handle<git_object> target(target_raw);
    std::vector<char*> strings = c_strings(paths);
    git_checkout_options opts;
    git_checkout_options_init(&opts, GIT_CHECKOUT_OPTIONS_VERSION);
    // SAFE against the old tree: a file edited since the dirty check is left alone.
    opts.checkout_strategy = GIT_CHECKOUT_SAFE | GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH;
    opts.paths = {strings.data(), strings.size()};
    opts.baseline = baseline->get();
    if (git_checkout_tree(m_repo.get(), target.get(), &opts) != 0)
        return fail(failure("the commit was made, but the work tree could not be updated"));
    return ok();
}

}  // namespace archtag::repo
