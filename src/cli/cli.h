#pragma once
// The command line: parses argv with Boost.Program_options into validated
// app::Options and calls the app. Returns the process exit code.
#include <ostream>
#include <string>
#include <vector>

#include "model/timestamp.h"

namespace archtag::cli {

int run(const std::vector<std::string>& args, Instant now, std::ostream& out, std::ostream& err);

}  // namespace archtag::cli
