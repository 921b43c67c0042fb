#pragma once
// Private to src/repo: a blob written as the work tree has it (through the
// smudge filters its attributes name) to a temporary file that will replace
// a work-tree file.
#include <sys/stat.h>

#include <string>

#include "util/expected.h"

struct git_oid;
struct git_repository;

namespace archtag::repo::detail {

// The temporary file that replaces `target`: beside it, so that the rename
// stays in one folder (a rename across folders takes the file system's
// rename lock, and new files in one shared folder contend for its lock:
// that doubled the system time of a 30,000-file update). Its name is fixed,
// not random, so that a run killed before renaming it leaves a file the
// next one knows to remove; only one run at a time writes them, under
// git's index lock.
std::string work_temp_name(const std::string& target);

// Writes `blob` as the work tree has it at `path` (attributes and filters of
// `filters`) to work_temp_name(`target`) (a leftover there is replaced),
// with the permissions of `target` (lstat `st`); returns the file's name.
Expected<std::string> write_work_temp(git_repository* filters, const git_oid& blob,
                                      const std::string& path, const std::string& target,
                                      const struct stat& st);

}  // namespace archtag::repo::detail
