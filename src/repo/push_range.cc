// Changed paths between commits, and the commits new to a repository.
#include "repo/push_range.h"

#include <fmt/format.h>
#include <git2.h>

#include <algorithm>

#include "repo/handles.h"

namespace archtag::repo {

using detail::from_id;
using detail::git_failure;
using detail::Handle;
using detail::to_id;

namespace {

struct FreeDiff {
    void operator()(git_diff* d) const { git_diff_free(d); }
};
struct FreeWalk {
    void operator()(git_revwalk* w) const { git_revwalk_free(w); }
};
struct FreeIterator {
    void operator()(git_reference_iterator* i) const { git_reference_iterator_free(i); }
};

Expected<Handle<git_commit>> lookup_commit(Repository& repo, const git_oid& oid) {
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo.raw(), &oid) != 0)
        return fail(
            git_failure(repo.git_dir(), fmt::format("cannot read commit {}", to_id(oid).hex)));
    return Handle<git_commit>(raw);
}

Expected<Handle<git_tree>> tree_of(Repository& repo, const git_commit* commit) {
    git_tree* raw = nullptr;
    if (git_commit_tree(&raw, commit) != 0)
        return fail(git_failure(repo.git_dir(), "cannot read a commit's tree"));
    return Handle<git_tree>(raw);
}

// Regular files that `new_tree` adds or changes relative to `old_tree`
// (null: the empty tree), appended to `out`.
Status diff_into(Repository& repo, git_tree* old_tree, git_tree* new_tree,
                 std::vector<std::string>& out) {
    git_diff* raw = nullptr;
    if (git_diff_tree_to_tree(&raw, repo.raw(), old_tree, new_tree, nullptr) != 0)
        return fail(git_failure(repo.git_dir(), "cannot compare two trees"));
    std::unique_ptr<git_diff, FreeDiff> diff(raw);
    for (std::size_t i = 0, n = git_diff_num_deltas(diff.get()); i < n; ++i) {
        const git_diff_delta* d = git_diff_get_delta(diff.get(), i);
        bool regular = d->new_file.mode == GIT_FILEMODE_BLOB ||
                       d->new_file.mode == GIT_FILEMODE_BLOB_EXECUTABLE;
        if (d->status != GIT_DELTA_DELETED && regular)
            out.push_back(d->new_file.path);
    }
    return ok();
}

Status hide_every_reference(Repository& repo, git_revwalk* walk) {
    git_reference_iterator* raw = nullptr;
    if (git_reference_iterator_new(&raw, repo.raw()) != 0)
        return fail(git_failure(repo.git_dir(), "cannot list the references"));
    std::unique_ptr<git_reference_iterator, FreeIterator> it(raw);
    git_reference* ref = nullptr;
    while (git_reference_next(&ref, it.get()) == 0) {
        Handle<git_reference> owned(ref);
        git_object* peeled = nullptr;
        if (git_reference_peel(&peeled, owned.get(), GIT_OBJECT_COMMIT) != 0)
            continue;  // a reference to a blob or tree hides no commit
        Handle<git_object> commit(peeled);
        git_revwalk_hide(walk, git_object_id(commit.get()));
    }
    return ok();
}

void sort_unique(std::vector<std::string>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

Expected<std::vector<std::string>> pushed_paths(Repository& repo, const ObjectId& from,
                                                const ObjectId& to) {
    git_oid a, b;
    if (!from_id(from, a) || !from_id(to, b))
        return fail(make_error(repo.git_dir(), "expected 40-digit commit ids"));
    auto old_commit = lookup_commit(repo, a);
    if (!old_commit)
        return fail(old_commit.error());
    auto new_commit = lookup_commit(repo, b);
    if (!new_commit)
        return fail(new_commit.error());
    auto old_tree = tree_of(repo, old_commit->get());
    if (!old_tree)
        return fail(old_tree.error());
    auto new_tree = tree_of(repo, new_commit->get());
    if (!new_tree)
        return fail(new_tree.error());
    std::vector<std::string> out;
    if (Status s = diff_into(repo, old_tree->get(), new_tree->get(), out); !s)
        return fail(s.error());
    sort_unique(out);
    return out;
}

Expected<std::vector<std::string>> paths_new_to_repository(Repository& repo, const ObjectId& tip) {
    git_oid oid;
    if (!from_id(tip, oid))
        return fail(make_error(repo.git_dir(), fmt::format("'{}' is not a commit id", tip.hex)));
    git_revwalk* raw = nullptr;
    if (git_revwalk_new(&raw, repo.raw()) != 0)
        return fail(git_failure(repo.git_dir(), "cannot walk the history"));
    std::unique_ptr<git_revwalk, FreeWalk> walk(raw);
    if (git_revwalk_push(walk.get(), &oid) != 0)
        return fail(git_failure(repo.git_dir(), fmt::format("cannot read commit {}", tip.hex)));
    if (Status s = hide_every_reference(repo, walk.get()); !s)
        return fail(s.error());
    std::vector<std::string> out;
    git_oid next;
    while (git_revwalk_next(&next, walk.get()) == 0) {
        auto commit = lookup_commit(repo, next);
        if (!commit)
            return fail(commit.error());
        auto tree = tree_of(repo, commit->get());
        if (!tree)
            return fail(tree.error());
        Handle<git_tree> parent_tree;
        if (git_commit_parentcount(commit->get()) > 0) {
            git_commit* parent = nullptr;
            if (git_commit_parent(&parent, commit->get(), 0) != 0)
                return fail(git_failure(repo.git_dir(), "cannot read a parent commit"));
            Handle<git_commit> owned(parent);
            auto pt = tree_of(repo, owned.get());
            if (!pt)
                return fail(pt.error());
            parent_tree = std::move(*pt);
        }
        if (Status s = diff_into(repo, parent_tree.get(), tree->get(), out); !s)
            return fail(s.error());
    }
    sort_unique(out);
    return out;
}

}  // namespace archtag::repo
