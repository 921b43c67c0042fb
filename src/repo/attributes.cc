// Whether .gitattributes, as of a commit, mark a file binary.
#include <fmt/format.h>
#include <git2.h>
#include <git2/sys/repository.h>

#include "repo/handles.h"

namespace archtag::repo {

using detail::git_failure;
using detail::Handle;

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
        // libgit2 reads attribute files from the work tree and the index
        // before the commit's, and the first file with a matching rule wins,
        // so the answer would depend on what happens to be checked out or
        // staged: on this view only the commit's files (and info/attributes,
        // core.attributesFile) remain.
        auto view = detail::open_view(m_repo.get(), m_git_dir, detail::View::bare);
        if (!view)
            return fail(view.error());
        m_attributes.reset(view->release());
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
