// Whether .gitattributes, as of a commit, mark a file binary.
#include <fmt/format.h>
#include <git2.h>
#include <git2/sys/repository.h>

#include "repo/handles.h"

namespace archtag::repo {

using detail::git_failure;
using detail::Handle;

namespace {

// libgit2 reads attribute files from the work tree and the index before the
// commit's, and the first file with a matching rule wins, so the answer
// would depend on what happens to be checked out or staged. This handle
// shares the repository's object database (so a push's quarantine is seen)
// but has no work tree and an empty in-memory index: only the commit's
// files (and info/attributes, core.attributesFile) remain.
Expected<git_repository*> open_attribute_view(git_repository* repo, const std::string& where) {
    const std::string what = "cannot prepare to read .gitattributes";
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
    return view.release();
}

}  // namespace

Expected<bool> Repository::marked_binary(const std::string& path, const ObjectId& commit) const {
    git_attr_options options = GIT_ATTR_OPTIONS_INIT;
    if (!detail::from_id(commit, options.attr_commit_id))
        return fail(make_error(m_git_dir, fmt::format("'{}' is not an object id", commit.hex)));
    // libgit2 treats a commit it cannot read as one without .gitattributes.
    git_commit* found = nullptr;
    if (git_commit_lookup(&found, m_repo.get(), &options.attr_commit_id) != 0)
        return fail(failure(fmt::format("cannot read commit {}", commit.hex)));
    Handle<git_commit> exists(found);
    if (!m_attributes) {
        auto view = open_attribute_view(m_repo.get(), m_git_dir);
        if (!view)
            return fail(view.error());
        m_attributes.reset(*view);
    }
    // The machine's /etc/gitattributes would make a sweep's result depend on
    // where it runs.
    options.flags =
        GIT_ATTR_CHECK_INDEX_ONLY | GIT_ATTR_CHECK_NO_SYSTEM | GIT_ATTR_CHECK_INCLUDE_COMMIT;
    // `binary` is the macro for "-diff -merge -text"; `-diff` alone is what
    // makes git itself show "Binary files differ". `-text` is not taken as
    // binary: "* -text" is the usual way to switch off line-ending conversion
    // and says nothing about the content.
    const char* names[] = {"binary", "diff"};
    const char* values[2] = {};
    if (git_attr_get_many_ext(values, m_attributes.get(), &options, path.c_str(), 2, names) != 0)
        return fail(failure(
            fmt::format("cannot read the attributes of {} in commit {}", path, commit.hex)));
    return git_attr_value(values[0]) == GIT_ATTR_VALUE_TRUE ||
           git_attr_value(values[1]) == GIT_ATTR_VALUE_FALSE;
}

}  // namespace archtag::repo
