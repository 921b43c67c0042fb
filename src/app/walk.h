#pragma once
// Finds the articles of a folder archive. Walking is separate from deciding
// and printing: it only yields relative paths.
#include <string>
#include <vector>

#include "util/expected.h"

namespace archtag::app {

struct WalkFilter {
    std::vector<std::string> include;  // when non-empty, a path must match one
    std::vector<std::string> exclude;  // a path (or a folder) matching one is skipped
    std::vector<std::string> skip;     // files or folders (any form) never walked into
};

// Every article (by extension) under each of `starts` (files or folders,
// absolute or relative to the working directory), as paths relative to
// `root`, '/' separated, sorted, without duplicates. Hidden folders (.git)
// and symbolic links are not followed. A start outside `root` or missing is
// an error; a file named explicitly is kept even when excluded.
Expected<std::vector<std::string>> list_articles(const std::string& root,
                                                 const std::vector<std::string>& starts,
                                                 const WalkFilter& filter);

// The same choice for a path that comes from a listing rather than a folder
// walk (a git tree): `rel` is '/'-separated and relative to the root. False
// inside a hidden or excluded folder, for a hidden file, and for a file the
// walk would not yield.
bool is_article_path(const std::string& rel, const WalkFilter& filter);
// Whether a walk would enter folder `rel` (it and every folder above it are
// neither hidden nor excluded).
bool is_walked_folder(const std::string& rel, const WalkFilter& filter);

// The archive root for explicit paths: the nearest folder above the first
// path holding .archtag.xml, else the nearest holding .git, else the
// path's own folder.
std::string find_root(const std::vector<std::string>& paths);

}  // namespace archtag::app
