#pragma once
// Private to src/repo: a blob written as the work tree has it (through the
// smudge filters its attributes name), beside the file it will replace.
#include <sys/types.h>

#include <string>

#include "util/expected.h"

struct git_oid;
struct git_repository;

namespace archtag::repo::detail {

// Writes `blob` as the work tree has it at `path` (attributes and filters of
// `filters`) to a new temporary file beside `target`, with permissions
// `mode`; returns the temporary file's name.
Expected<std::string> write_work_temp(git_repository* filters, const git_oid& blob,
                                      const std::string& path, const std::string& target,
                                      mode_t mode);

}  // namespace archtag::repo::detail
