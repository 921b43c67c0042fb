#include "cli/commands.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <iostream>

#include "app/app.h"
#include "app/git_sweep.h"
#include "app/hook_install.h"
#include "app/hook_pre_commit.h"
#include "app/hook_pre_receive.h"
#include "app/stdin_article.h"

namespace archtag::cli {

namespace {

int sweep(const app::Options& o, std::ostream& out, std::ostream& err) {
    return o.commit == app::Commit::yes || o.since
               ? app::run_git_sweep(o, app::Mode::stamp, out, err)
               : app::run_sweep(o, out, err);
}

int unstamp(const app::Options& o, std::ostream& out, std::ostream& err) {
    return o.commit == app::Commit::yes || o.since
               ? app::run_git_sweep(o, app::Mode::unstamp, out, err)
               : app::run_unstamp(o, out, err);
}

// check and fix read one article on stdin with --stdin --path NAME.
int stdin_or(app::StdinCommand command,
             int (*files)(const app::Options&, std::ostream&, std::ostream&), const app::Options& o,
             std::ostream& out, std::ostream& err) {
    if (o.from_stdin)
        return app::run_stdin_article(o, command, std::cin, out, err);
    if (o.stdin_path) {
        fmt::print(err, "archtag: --path names the article read with --stdin; add --stdin.\n");
        return app::k_exit_usage;
    }
    return files(o, out, err);
}

int check(const app::Options& o, std::ostream& out, std::ostream& err) {
    return stdin_or(app::StdinCommand::check, app::run_check, o, out, err);
}

int fix(const app::Options& o, std::ostream& out, std::ostream& err) {
    return stdin_or(app::StdinCommand::fix, app::run_fix, o, out, err);
}

int pre_receive(const app::Options& o, std::ostream& out, std::ostream& err) {
    return app::run_hook_pre_receive(o, std::cin, out, err);
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
         k_data | k_report | k_walk | k_root | k_stdin, check},
        {"fix", "PATH...", "write the decided stamps into those files",
         "Decides and writes the stamps of the given files or folders at once.",
         k_data | k_report | k_walk | k_root | k_stdin, fix},
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
        {"hook install", "[pre-commit|pre-receive]", "install a git hook that runs archtag",
         "Writes the hook script (default: pre-commit) into the hooks folder of the repository\n"
         "holding the current folder: core.hooksPath, else the common git folder, which linked\n"
         "worktrees share. A hook archtag did not write is kept: --chain runs it first, --force\n"
         "replaces it.",
         k_root | k_hook, app::run_hook_install},
        {"hook uninstall", "[pre-commit|pre-receive]", "remove a hook archtag installed",
         "Removes the hook script only when archtag wrote it (its marker line), and puts back a\n"
         "hook kept with --chain.",
         k_root, app::run_hook_uninstall},
        {"hook pre-commit", "", "evaluate the staged articles (run by the hook)",
         "Reads the articles the commit adds or changes from the index git gives the hook. With\n"
         "<hook mode=\"check\"/> (default) in .archtag.xml a commit with articles that need\n"
         "notices is refused with the list; with <hook mode=\"fix\"/> the staged articles are\n"
         "stamped in the index, and their work-tree files too when they have no unstaged changes.",
         k_data, app::run_hook_pre_commit},
        {"hook pre-receive", "", "refuse pushes of unstamped articles (run by the hook)",
         "Reads '<old> <new> <ref>' lines on stdin, as git gives a pre-receive hook. Articles\n"
         "that pushes to protected branches (<hook protect=\"refs/heads/main\"/>, default: the\n"
         "default branch) add or change must carry exactly their notices, else the push is\n"
         "refused. `git push -o archtag-override=REASON` lets it through and logs it in\n"
         "<git dir>/archtag/overrides.log. The settings are <git dir>/.archtag.xml.",
         k_data, pre_receive},
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
