// Opening the repository a git hook runs in, and finding its hooks folder.
#include <fmt/format.h>
#include <git2.h>
#include <git2/sys/repository.h>

#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "repo/handles.h"

namespace archtag::repo {

using detail::git_failure;
using detail::Handle;

namespace {

std::string without_trailing_slash(std::string p) {
    while (p.size() > 1 && p.back() == '/')
        p.pop_back();
    return p;
}

const char* env(const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? v : nullptr;
}

// libgit2 1.5 refuses GIT_WORK_TREE with GIT_REPOSITORY_OPEN_FROM_ENV, so
// then the repository is opened from GIT_DIR (or found from the working
// directory) and given the work tree git named.
int open_with_work_tree(git_repository** out, const char* work_tree) {
    const char* git_dir = env("GIT_DIR");
    if (git_repository_open_ext(out, git_dir ? git_dir : ".",
                                git_dir ? GIT_REPOSITORY_OPEN_NO_SEARCH : 0, nullptr) != 0)
        return -1;
    return git_repository_set_workdir(*out, work_tree, 0);
}

// GIT_INDEX_FILE or GIT_OBJECT_DIRECTORY, absolute (git may give them
// relative to where the hook runs).
std::optional<std::string> path_from_environment(const char* name) {
    const char* file = env(name);
    if (!file)
        return std::nullopt;
    std::string path = file;
    if (path.front() != '/') {
        std::string cwd(4096, '\0');
        if (::getcwd(cwd.data(), cwd.size()))
            path = std::string(cwd.c_str()) + "/" + path;
    }
    return path;
}

// Hides GIT_INDEX_FILE from libgit2 while the repository is opened: with
// it, GIT_REPOSITORY_OPEN_FROM_ENV reads and checks the whole index (a
// second of a hook's time in a million-article repository) even when the
// hook needs only its staged entries (repo/index_file.h reads those).
class IndexFileHidden {
  public:
    IndexFileHidden() {
        if (const char* v = std::getenv("GIT_INDEX_FILE")) {
            m_value = v;
            ::unsetenv("GIT_INDEX_FILE");
        }
    }
    ~IndexFileHidden() {
        if (m_value)
            ::setenv("GIT_INDEX_FILE", m_value->c_str(), 1);
    }
    IndexFileHidden(const IndexFileHidden&) = delete;
    IndexFileHidden& operator=(const IndexFileHidden&) = delete;

  private:
    std::optional<std::string> m_value;
};

}  // namespace

Expected<Repository> Repository::open_from_environment() {
    detail::ensure_libgit2();
    git_repository* r = nullptr;
    std::optional<std::string> index_file = path_from_environment("GIT_INDEX_FILE");
    const char* work_tree = env("GIT_WORK_TREE");
    int rc = 0;
    {
        IndexFileHidden hidden;
        rc = work_tree
                 ? open_with_work_tree(&r, work_tree)
                 : git_repository_open_ext(&r, nullptr, GIT_REPOSITORY_OPEN_FROM_ENV, nullptr);
    }
    if (rc != 0) {
        Error e = git_failure(env("GIT_DIR") ? env("GIT_DIR") : ".",
                              "cannot open the repository this hook runs in");
        git_repository_free(r);
        return fail(e);
    }
    Repository repo(r, without_trailing_slash(git_repository_path(r)));
    repo.m_index_file = std::move(index_file);
    if (!work_tree)  // else libgit2 was not told of it either
        repo.m_objects_dir = path_from_environment("GIT_OBJECT_DIRECTORY");
    return repo;
}

std::string Repository::hooks_dir() const {
    auto configured = config_string("core.hooksPath");
    if (configured && !configured->empty()) {
        std::string p = *configured;
        if (p.rfind("~/", 0) == 0 && env("HOME"))
            p = std::string(env("HOME")) + p.substr(1);
        if (p.front() != '/') {
            // Relative to where hooks run: the work tree, or a bare repository itself.
            auto base = work_dir();
            p = (base ? *base : m_git_dir) + "/" + p;
        }
        return without_trailing_slash(p);
    }
    return without_trailing_slash(git_repository_commondir(m_repo.get())) + "/hooks";
}

}  // namespace archtag::repo
