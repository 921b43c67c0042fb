// Moving a branch: one compare-and-swap on its old value, with a reflog
// entry. Waiting and re-planning are the caller's (repo/land.h).
#include <fmt/format.h>
#include <git2.h>

#include "repo/handles.h"

namespace archtag::repo {

Expected<MoveOutcome> Repository::move_branch(const std::string& branch, const ObjectId& to,
                                              const ObjectId& expected, const Signature& who,
                                              const std::string& reflog_message) {
    git_oid to_oid, expected_oid;
    if (!detail::from_id(to, to_oid) || !detail::from_id(expected, expected_oid))
        return fail(make_error(m_git_dir, "moving a branch needs two object ids"));
    // The reflog entry names the committer rather than whatever user.name says.
    if (git_repository_set_ident(m_repo.get(), who.name.c_str(), who.email.c_str()) != 0)
        return fail(failure("cannot set the reflog identity"));
    git_reference* raw = nullptr;
    int rc = git_reference_create_matching(&raw, m_repo.get(), branch.c_str(), &to_oid, 1,
                                           &expected_oid, reflog_message.c_str());
    detail::Handle<git_reference> ref(raw);
    git_repository_set_ident(m_repo.get(), nullptr, nullptr);
    if (rc == 0)
        return MoveOutcome::moved;
    if (rc == GIT_EMODIFIED)
        return MoveOutcome::branch_moved;
    if (rc == GIT_ELOCKED)
        return MoveOutcome::locked;
    return fail(failure(fmt::format("cannot move {}", branch)));
}

}  // namespace archtag::repo
