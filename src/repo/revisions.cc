// Reading history: naming commits.
#include <fmt/format.h>
#include <git2.h>

#include "repo/handles.h"

namespace archtag::repo {

using detail::Handle;

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

}  // namespace archtag::repo
