#pragma once
// The table of commands: names, one-line summaries, usage and long help.
#include <string>
#include <vector>

#include "app/options.h"

namespace archtag::cli {

// Which option groups a command accepts.
enum OptionGroup : unsigned {
    k_data = 1,     // --policy --rules --config --as-of
    k_report = 2,   // --format -o --verbose
    k_walk = 4,     // --include --exclude --jobs
    k_write = 8,    // --write
    k_root = 16,    // --root
    k_tests = 32,   // --tests
    k_git = 64,     // --commit --branch --author --signoff --skip-dirty
    k_stdin = 128,  // --stdin --path NAME
    k_hook = 256,   // --force --chain
};

struct CommandSpec {
    std::string name;     // "sweep", "policy check"
    std::string args;     // "[ARCHIVE]"
    std::string summary;  // one line
    std::string help;     // paragraphs shown by `archtag help NAME`
    unsigned groups = 0;
    int (*run)(const app::Options&, std::ostream&, std::ostream&) = nullptr;
};

const std::vector<CommandSpec>& commands();
const CommandSpec* find_command(const std::string& name);

}  // namespace archtag::cli
