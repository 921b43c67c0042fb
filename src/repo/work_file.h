#pragma once
// Private to src/repo: a blob written as the work tree has it (through the
// smudge filters its attributes name) to a temporary file that will replace
// a work-tree file.
#include <sys/stat.h>
#include <sys/types.h>

#include <string>

#include "util/expected.h"

struct git_oid;
struct git_repository;

namespace archtag::repo::detail {

// Where those temporary files go: <git dir>/archtag/tmp, so that a run
// killed between writing one and renaming it over its target leaves it
// there and not among the articles, where `git status` would show it. A
// target on another file system than that folder (rename(2) cannot cross)
// gets its temporary beside it, as before.
class WorkTemps {
  public:
    explicit WorkTemps(const std::string& git_dir);

    // The mkstemp(3) template for a temporary that replaces `target`, whose
    // lstat(2) is `st`.
    std::string pattern(const std::string& target, const struct stat& st) const;
    // Removes the temporaries killed runs left. Only under git's index lock,
    // which every run writing them holds (a sweep takes it; git holds it for
    // the pre-commit hook).
    void clear_leftovers() const;
    // Their folder; empty when each goes beside its target.
    const std::string& folder() const { return m_dir; }

  private:
    std::string m_dir;  // empty: beside each target
    dev_t m_device = 0;
};

// Writes `blob` as the work tree has it at `path` (attributes and filters of
// `filters`) to a new temporary file for `target` (lstat `st`), with
// `target`'s permissions; returns the temporary file's name.
Expected<std::string> write_work_temp(git_repository* filters, const git_oid& blob,
                                      const std::string& path, const std::string& target,
                                      const struct stat& st, const WorkTemps& temps);

}  // namespace archtag::repo::detail
