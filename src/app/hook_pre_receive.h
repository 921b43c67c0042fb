#pragma once
// `archtag hook pre-receive`, run by a server's pre-receive hook: for each
// `<old> <new> <ref>` line on stdin that updates a protected branch
// (<hook protect="..."/>, default: the default branch), the articles the
// pushed commits add or change are read at the new tip, from the push's
// quarantined objects, and the push is refused when any of them misses a
// notice or carries a stale one. Branch deletions, tags, other branches and
// non-article files pass. A push option `archtag-override=<reason>` lets a
// refused push through and appends a line to <git dir>/archtag/overrides.log.
// No reference is ever updated here.
#include <istream>
#include <ostream>

#include "app/options.h"

namespace archtag::app {

int run_hook_pre_receive(const Options& options, std::istream& in, std::ostream& out,
                         std::ostream& err);

}  // namespace archtag::app
