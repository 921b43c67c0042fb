#include "cli/commands.h"

#include "app/app.h"
#include "app/git_sweep.h"

namespace archtag::cli {

namespace {

int sweep(const app::Options& o, std::ostream& out, std::ostream& err) {
    return o.commit == app::Commit::yes ? app::run_git_sweep(o, app::Mode::stamp, out, err)
                                        : app::run_sweep(o, out, err);
}

int unstamp(const app::Options& o, std::ostream& out, std::ostream& err) {
    return o.commit == app::Commit::yes ? app::run_git_sweep(o, app::Mode::unstamp, out, err)
                                        : app::run_unstamp(o, out, err);
}

}  // namespace

const std::vector<CommandSpec>& commands() {
    static const std::vector<CommandSpec> k_commands = {
        {"sweep", "[ARCHIVE]", "evaluate every article; read-only unless --write",
         "Reads every article under ARCHIVE (default: the current folder), decides its notices\n"
         "and prints what would change. With --write the stamps are written, each file\n"
         "replaced atomically. With --commit the articles of a git branch are read from the\n"
         "repository itself (bare or not) and the stamps land as one commit on that branch.\n"
         "Exit 1 when an article could not be processed.",
         k_data | k_report | k_walk | k_write | k_git, sweep},
        {"check", "[PATH...]", "exit 1 when any article needs a stamp change",
         "Like a dry-run sweep of the given files or folders (default: the current folder).\n"
         "Exit 0 when every article already carries exactly its notices, 1 when some\n"
         "article would change or could not be read. Suited to hooks and CI.",
         k_data | k_report | k_walk | k_root, app::run_check},
        {"fix", "PATH...", "write the decided stamps into those files",
         "Decides and writes the stamps of the given files or folders at once.",
         k_data | k_report | k_walk | k_root, app::run_fix},
        {"explain", "PATH", "show how one article was read and decided",
         "Prints the metadata found (and where it came from), every date candidate, the era,\n"
         "every rule considered and why it matched or not, the notices and the stamp changes.",
         k_data | k_report | k_root, app::run_explain},
        {"unstamp", "[ARCHIVE]", "remove every archtag stamp (dry run unless --write)",
         "Removes every archtag stamp under ARCHIVE, restoring each file's bytes exactly as\n"
         "they were before archtag stamped it. Read-only unless --write or --commit.",
         k_data | k_report | k_walk | k_write | k_git, unstamp},
        {"policy check", "", "validate policies and rules (file:line:col errors)",
         "Loads the policies and rules and reports the first error with file, line, column and\n"
         "the offending line. Exit 2 on error.",
         k_data | k_root, app::run_policy_check},
        {"policy test", "", "run the policy test cases",
         "Runs the test cases kept beside the policies (policies/tests/*.xml, or --tests DIR):\n"
         "each gives an article, an as-of date and the expected notices and flags. Each case is\n"
         "also stamped twice and unstamped to check idempotency and reversibility.",
         k_data | k_root | k_tests, app::run_policy_test},
    };
    return k_commands;
}

const CommandSpec* find_command(const std::string& name) {
    for (const CommandSpec& c : commands())
        if (c.name == name)
            return &c;
    return nullptr;
}

}  // namespace archtag::cli
