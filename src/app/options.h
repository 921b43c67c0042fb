#pragma once
// Validated options for one run, built by src/cli. Nothing below the CLI
// reads the clock: `now` comes from there.
#include <optional>
#include <string>
#include <vector>

#include "model/timestamp.h"

namespace archtag::app {

enum class OutputFormat { text, json, html, csv, sarif };
// Decided by the CLI from the terminal (nothing below it calls isatty).
enum class Colour { no, yes };        // ANSI colour in the text report
enum class ShowProgress { no, yes };  // a progress line on stderr
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
    Colour colour = Colour::no;
    ShowProgress progress = ShowProgress::no;
    // Git-native runs (app/git_sweep.h): one commit on a branch instead of files.
    Commit commit = Commit::no;         // --commit
    std::optional<std::string> branch;  // --branch REF (default: HEAD's branch)
    std::optional<std::string> author;  // --author "Name <email>"
    bool signoff = false;               // --signoff
    bool skip_dirty = false;            // --skip-dirty
    bool no_cache = false;              // --no-cache: read every article again
    bool sign = false;                  // --sign: gpg or ssh signature, as git config says
    std::optional<std::string> since;   // --since REF: only articles changed since REF
    // One article on stdin (app/stdin_article.h), and the hooks (app/hook_*.h).
    bool from_stdin = false;                // --stdin
    std::optional<std::string> stdin_path;  // --path NAME: the stdin article's name
    bool force = false;                     // --force: replace a hook archtag did not write
    bool chain = false;                     // --chain: keep that hook and run it first
    std::vector<std::string> paths;         // positional arguments
};

}  // namespace archtag::app
