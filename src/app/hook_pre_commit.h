#pragma once
// `archtag hook pre-commit`, run by the pre-commit hook: the articles the
// commit adds or changes are read from the index git hands the hook (not
// from the work tree), and per <hook mode> in .archtag.xml either the commit
// is refused with the list of articles and the notices each needs (check,
// the default), or the staged blobs are stamped in the index (fix); a
// work-tree file follows only when it equals its staged blob.
#include <ostream>

#include "app/options.h"

namespace archtag::app {

int run_hook_pre_commit(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace archtag::app
