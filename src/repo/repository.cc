// Opening a repository, branches and configuration.
#include <fmt/format.h>
#include <git2.h>

#include "repo/handles.h"

namespace archtag::repo {

using detail::git_failure;
using detail::Handle;

void Repository::Free::operator()(git_repository* r) const {
    git_repository_free(r);
}

Repository::Repository(git_repository* r, std::string git_dir)
    : m_repo(r), m_git_dir(std::move(git_dir)) {}
Repository::Repository(Repository&&) noexcept = default;
Repository& Repository::operator=(Repository&&) noexcept = default;
Repository::~Repository() = default;

Error Repository::failure(std::string_view what) const {
    return git_failure(m_git_dir, what);
}

namespace {

std::string without_trailing_slash(std::string p) {
    while (p.size() > 1 && p.back() == '/')
        p.pop_back();
    return p;
}

}  // namespace

Expected<Repository> Repository::discover(const std::string& path) {
    detail::ensure_libgit2();
    git_buf found = GIT_BUF_INIT;
    if (git_repository_discover(&found, path.c_str(), 0, nullptr) != 0) {
        git_buf_dispose(&found);
        return fail(make_error(path, "not in a git repository (--commit needs one)"));
    }
    std::string git_dir(found.ptr, found.size);
    git_buf_dispose(&found);
    return open(git_dir);
}

Expected<Repository> Repository::open(const std::string& git_dir) {
    detail::ensure_libgit2();
    git_repository* r = nullptr;
    if (git_repository_open_ext(&r, git_dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0)
        return fail(git_failure(git_dir, "cannot open the repository"));
    return Repository(r, without_trailing_slash(git_repository_path(r)));
}

std::string Repository::objects_dir() const {
    if (m_objects_dir)
        return *m_objects_dir;
    return std::string(git_repository_commondir(m_repo.get())) + "objects";
}

std::optional<std::string> Repository::work_dir() const {
    const char* w = git_repository_workdir(m_repo.get());
    if (!w || git_repository_is_bare(m_repo.get()))
        return std::nullopt;
    return without_trailing_slash(w);
}

Expected<std::string> Repository::head_branch() const {
    git_reference* raw = nullptr;
    if (git_reference_lookup(&raw, m_repo.get(), "HEAD") != 0)
        return fail(failure("cannot read HEAD"));
    Handle<git_reference> head(raw);
    if (git_reference_type(head.get()) != GIT_REFERENCE_SYMBOLIC)
        return fail(make_error(m_git_dir,
                               "HEAD is detached, so there is no branch to commit to (name one "
                               "with --branch)"));
    std::string target = git_reference_symbolic_target(head.get());
    if (target.rfind("refs/heads/", 0) != 0)
        return fail(make_error(
            m_git_dir, fmt::format("HEAD points at {}, which is not a local branch", target)));
    return target;
}

Expected<std::string> Repository::find_branch(const std::string& name) const {
    std::string full = name.rfind("refs/", 0) == 0    ? name
                       : name.rfind("heads/", 0) == 0 ? "refs/" + name
                                                      : "refs/heads/" + name;
    git_reference* raw = nullptr;
    if (full.rfind("refs/heads/", 0) != 0 ||
        git_reference_lookup(&raw, m_repo.get(), full.c_str()) != 0)
        return fail(make_error(
            m_git_dir, fmt::format("no local branch '{}' (expected a name such as main)", name)));
    Handle<git_reference> ref(raw);
    return full;
}

Expected<ObjectId> Repository::tip(const std::string& branch) const {
    git_oid oid;
    int rc = git_reference_name_to_id(&oid, m_repo.get(), branch.c_str());
    if (rc == GIT_ENOTFOUND)
        return fail(make_error(m_git_dir, fmt::format("{} has no commit yet", branch)));
    if (rc != 0)
        return fail(failure(fmt::format("cannot read {}", branch)));
    return detail::to_id(oid);
}

std::optional<std::string> Repository::config_string(const std::string& key) const {
    git_config* raw = nullptr;
    if (git_repository_config_snapshot(&raw, m_repo.get()) != 0)
        return std::nullopt;
    Handle<git_config> config(raw);
    const char* value = nullptr;
    if (git_config_get_string(&value, config.get(), key.c_str()) != 0 || !value)
        return std::nullopt;
    return std::string(value);
}

}  // namespace archtag::repo
