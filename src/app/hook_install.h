#pragma once
// `archtag hook install [pre-commit|pre-receive]` and `hook uninstall`: the
// hook scripts git runs, written into the hooks folder of the repository
// holding the working directory (core.hooksPath, else the common git dir, so
// linked worktrees share them). Each script carries a marker line; uninstall
// removes only a script with that line. A foreign hook is replaced only with
// --force; with --chain it is kept beside ours and run first.
#include <ostream>

#include "app/options.h"

namespace archtag::app {

int run_hook_install(const Options& options, std::ostream& out, std::ostream& err);
int run_hook_uninstall(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace archtag::app
