#pragma once
// Validated options for one run, built by src/cli. Nothing below the CLI
// reads the clock: `now` comes from there.
#include <optional>
#include <string>
#include <vector>

#include "model/timestamp.h"

namespace archtag::app {

enum class OutputFormat { text, json };
enum class Write { yes, no };
enum class Commit { yes, no };

struct Options {
    std::vector<std::string> policy_paths;   // --policy FILE|DIR, repeatable
    std::vector<std::string> rules_paths;    // --rules FILE|DIR, repeatable
    std::optional<std::string> config_path;  // --config FILE
    std::optional<std::string> root;         // --root DIR (check/fix/explain)
    std::optional<std::string> as_of;        // --as-of text, validated by the app
    std::optional<std::string> tests_dir;    // --tests DIR (policy test)
    Instant now{};                           // the clock, read once by the CLI
    OutputFormat format = OutputFormat::text;
    std::optional<std::string> output_file;  // -o FILE
    std::vector<std::string> include;        // --include GLOB
    std::vector<std::string> exclude;        // --exclude GLOB
    unsigned jobs = 0;                       // 0: one per core
    Write write = Write::no;
    bool verbose = false;  // list unchanged articles too
    // Git-native runs (app/git_sweep.h): one commit on a branch instead of files.
    Commit commit = Commit::no;         // --commit
    std::optional<std::string> branch;  // --branch REF (default: HEAD's branch)
    std::optional<std::string> author;  // --author "Name <email>"
    bool signoff = false;               // --signoff
    bool skip_dirty = false;            // --skip-dirty
    std::vector<std::string> paths;     // positional arguments
};

}  // namespace archtag::app
