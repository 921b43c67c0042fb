// When each file of a branch first appeared: a walk of the whole history,
// oldest commit first, with rename detection.
#include <fmt/format.h>
#include <git2.h>

#include "repo/handles.h"

namespace archtag::repo {

using detail::Handle;

namespace {

struct WalkFree {
    void operator()(git_revwalk* w) const { git_revwalk_free(w); }
};
struct DiffFree {
    void operator()(git_diff* d) const { git_diff_free(d); }
};

FirstCommit first_commit_of(const git_commit* c) {
    const git_signature* author = git_commit_author(c);
    return FirstCommit{detail::to_id(*git_commit_id(c)),
                       Instant{std::chrono::seconds{author->when.time}}, author->when.offset};
}

// The tree of `c`'s first parent, or null for a root commit.
Expected<Handle<git_tree>> parent_tree(const git_commit* c, const std::string& where) {
    if (git_commit_parentcount(c) == 0)
        return Handle<git_tree>();
    git_commit* parent = nullptr;
    if (git_commit_parent(&parent, c, 0) != 0)
        return fail(detail::git_failure(where, "cannot read a parent commit"));
    Handle<git_commit> owned(parent);
    git_tree* t = nullptr;
    if (git_commit_tree(&t, owned.get()) != 0)
        return fail(detail::git_failure(where, "cannot read a parent's tree"));
    return Handle<git_tree>(t);
}

void record(const git_diff_delta& d, const FirstCommit& now,
            std::map<std::string, FirstCommit>& seen) {
    switch (d.status) {
        case GIT_DELTA_ADDED:
            seen.try_emplace(d.new_file.path, now);
            break;
        case GIT_DELTA_RENAMED: {
            auto old = seen.find(d.old_file.path);
            FirstCommit first = old == seen.end() ? now : old->second;
            if (old != seen.end())
                seen.erase(old);
            seen.insert_or_assign(d.new_file.path, first);
            break;
        }
        case GIT_DELTA_DELETED:
            seen.erase(d.old_file.path);
            break;
        default:
            break;
    }
}

}  // namespace

Expected<std::map<std::string, FirstCommit>> Repository::first_commits(const ObjectId& tip) const {
    git_oid oid;
    if (!detail::from_id(tip, oid))
        return fail(make_error(m_git_dir, fmt::format("'{}' is not an object id", tip.hex)));
    git_revwalk* raw_walk = nullptr;
    if (git_revwalk_new(&raw_walk, m_repo.get()) != 0)
        return fail(failure("cannot walk the history"));
    std::unique_ptr<git_revwalk, WalkFree> walk(raw_walk);
    git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE);
    if (git_revwalk_push(walk.get(), &oid) != 0)
        return fail(failure(fmt::format("cannot walk the history of {}", tip.hex)));
    std::map<std::string, FirstCommit> seen;
    while (git_revwalk_next(&oid, walk.get()) == 0) {
        git_commit* raw_commit = nullptr;
        if (git_commit_lookup(&raw_commit, m_repo.get(), &oid) != 0)
            return fail(failure("cannot read a commit of the history"));
        Handle<git_commit> commit(raw_commit);
        git_tree* raw_tree = nullptr;
        if (git_commit_tree(&raw_tree, commit.get()) != 0)
            return fail(failure("cannot read a tree of the history"));
        Handle<git_tree> tree(raw_tree);
        auto before = parent_tree(commit.get(), m_git_dir);
        if (!before)
            return fail(before.error());
        git_diff* raw_diff = nullptr;
        if (git_diff_tree_to_tree(&raw_diff, m_repo.get(), before->get(), tree.get(), nullptr) != 0)
            return fail(failure("cannot compare a commit with its parent"));
        std::unique_ptr<git_diff, DiffFree> diff(raw_diff);
        git_diff_find_options find;
        git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
        find.flags = GIT_DIFF_FIND_RENAMES;
        if (git_diff_find_similar(diff.get(), &find) != 0)
            return fail(failure("cannot detect renames"));
        FirstCommit now = first_commit_of(commit.get());
        for (std::size_t i = 0, n = git_diff_num_deltas(diff.get()); i < n; ++i)
            record(*git_diff_get_delta(diff.get(), i), now, seen);
    }
    return seen;
}

}  // namespace archtag::repo
