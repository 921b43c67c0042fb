#pragma once
// Finds the articles of a folder archive. Walking is separate from deciding
// and printing: it only yields relative paths.
#include <memory>
#include <optional>
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

// The articles under one folder, handed out one at a time in the order
// list_articles() gives them, while the folder is walked: a sweep starts
// on the first articles before the walk has seen the last, and holds one
// folder's entries per level instead of every path of the archive.
class ArticleWalk {
  public:
    // `folder` as a start of list_articles(): inside `root`. nullopt when it
    // is not a folder (a file is listed, not walked).
    static Expected<std::optional<ArticleWalk>> open(const std::string& root,
                                                     const std::string& folder,
                                                     const WalkFilter& filter);
    ArticleWalk(ArticleWalk&&) noexcept;
    ArticleWalk& operator=(ArticleWalk&&) noexcept;
    ~ArticleWalk();

    // The next article's path relative to the root; nullopt at the end.
    std::optional<std::string> next();

  private:
    struct State;
    explicit ArticleWalk(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

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
