#pragma once
// `fix --stdin --path NAME` and `check --stdin --path NAME`: one article
// streamed through archtag by a CMS export step. NAME gives the format (its
// extension) and the path the policies recognise; nothing is read from or
// written to disk but the policies, rules and config.
#include <istream>
#include <ostream>

#include "app/options.h"

namespace archtag::app {

enum class StdinCommand { check, fix };

// fix: the stamped article on `out` (the same bytes when nothing is due),
// exit 0; an article that cannot be processed writes nothing on `out`, says
// why on `err` and exits 1. check: one line on `out`, exit 0 when the article
// carries exactly its notices, 1 when it needs a change or cannot be read.
// Usage, configuration or policy errors exit 2.
int run_stdin_article(const Options& options, StdinCommand command, std::istream& in,
                      std::ostream& out, std::ostream& err);

}  // namespace archtag::app
