#pragma once
// What the hooks and `--stdin` share: the archive's setup and config for a
// repository, which paths are articles, and a one-line account of what an
// article needs.
#include <string>
#include <vector>

#include "app/config.h"
#include "app/options.h"
#include "app/setup.h"
#include "app/walk.h"
#include "model/result.h"

namespace archtag::app {

struct HookArchive {
    Setup setup;
    Config config;  // defaults when the archive has no .archtag.xml
    WalkFilter filter;
    std::vector<std::string> data;  // policy and rules paths inside the archive: never articles

    // `rel` ('/'-separated, relative to the archive root) is an article a
    // sweep of the archive would read.
    bool is_article(const std::string& rel) const;
};

// Loads the setup and config of the archive at `root` (--config, else
// <root>/.archtag.xml when it exists).
Expected<HookArchive> load_hook_archive(const Options& options, const std::string& root);

// "add the archival notice, update the age notice"; "" when nothing is due.
std::string needs(const ArticleResult& r);

}  // namespace archtag::app
