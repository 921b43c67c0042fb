#include "cli/cli.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>

#include <boost/program_options.hpp>

#include "app/app.h"
#include "cli/commands.h"
#include "util/strings.h"

namespace archtag::cli {

namespace {

namespace po = boost::program_options;

constexpr const char* k_version = ARCHTAG_VERSION;

struct Parsed {
    app::Options options;
    std::string format = "text";
    bool help = false;
};

void add_groups(po::options_description& desc, unsigned groups, Parsed& p) {
    auto add = desc.add_options();
    if (groups & k_data) {
        add("policy", po::value(&p.options.policy_paths)->composing()->value_name("FILE|DIR"),
            "policy file or folder of policies (repeatable; default: .archtag.xml, then the "
            "bundled ones)");
        add("rules", po::value(&p.options.rules_paths)->composing()->value_name("FILE|DIR"),
            "rules file or folder (repeatable; default: .archtag.xml, then the bundled rules)");
        add("config", po::value<std::string>()->value_name("FILE"),
            "archive settings (default: .archtag.xml at the archive root)");
        add("as-of", po::value<std::string>()->value_name("DATE"),
            "decide as of YYYY-MM-DD (00:00 in each policy's time zone) or an ISO 8601 timestamp "
            "(default: now)");
    }
    if (groups & k_report) {
        add("format", po::value(&p.format)->value_name("text|json|html|csv|sarif"),
            "report format (default: text; html is one page for editors, csv for spreadsheets, "
            "sarif for code scanning)");
        add("output,o", po::value<std::string>()->value_name("FILE"), "write the report to FILE");
        add("verbose,v", po::bool_switch(&p.options.verbose), "list unchanged articles too");
    }
    if (groups & k_walk) {
        add("include", po::value(&p.options.include)->composing()->value_name("GLOB"),
            "only articles whose path matches (repeatable)");
        add("exclude", po::value(&p.options.exclude)->composing()->value_name("GLOB"),
            "skip articles or folders whose path matches (repeatable)");
        add("jobs,j", po::value(&p.options.jobs)->value_name("N"),
            "worker threads (default: one per core)");
    }
    if (groups & k_write)
        add("write", "apply the changes (default: dry run)");
    if (groups & k_git) {
        add("commit",
            "commit the changes to a git branch, read from the repository (no work tree "
            "needed)");
        add("branch", po::value<std::string>()->value_name("REF"),
            "branch to sweep and commit to (default: the branch HEAD points at)");
        add("author", po::value<std::string>()->value_name("\"NAME <EMAIL>\""),
            "commit author (default: $GIT_AUTHOR_NAME/EMAIL, then user.name/email, then archtag "
            "<archtag@noreply.invalid>)");
        add("signoff", po::bool_switch(&p.options.signoff),
            "add a Signed-off-by trailer with the committer");
        add("skip-dirty", po::bool_switch(&p.options.skip_dirty),
            "leave out articles with uncommitted changes instead of refusing to commit");
        add("since", po::value<std::string>()->value_name("REF"),
            "only articles added or changed between REF and the branch tip (without --commit: a "
            "dry run on the branch)");
        add("no-cache", po::bool_switch(&p.options.no_cache),
            "read every article again instead of trusting what the last git sweep remembered");
        add("sign", po::bool_switch(&p.options.sign),
            "sign the commit as git would (gpg.format, user.signingkey)");
    }
    if (groups & k_stdin) {
        add("stdin", po::bool_switch(&p.options.from_stdin),
            "read one article on stdin (fix: write it stamped on stdout)");
        add("path", po::value<std::string>()->value_name("NAME"),
            "the stdin article's name: its extension gives the format, its path the policy");
    }
    if (groups & k_hook) {
        add("force", po::bool_switch(&p.options.force), "replace a hook archtag did not write");
        add("chain", po::bool_switch(&p.options.chain),
            "keep a hook archtag did not write and run it before archtag's");
    }
    if (groups & k_root)
        add("root", po::value<std::string>()->value_name("DIR"),
            "archive root for reported paths and .archtag.xml (default: found above PATH)");
    if (groups & k_tests)
        add("tests", po::value<std::string>()->value_name("DIR"),
            "test cases folder (default: policies/tests)");
    add("help,h", po::bool_switch(&p.help), "show this help");
}

std::vector<std::string> long_names(const po::options_description& desc) {
    std::vector<std::string> names;
    for (const auto& o : desc.options())
        names.push_back("--" + o->long_name());
    return names;
}

// Commands that do accept `option`, for "--write is an option of sweep, unstamp".
std::vector<std::string> commands_with(const std::string& option) {
    std::vector<std::string> owners;
    for (const CommandSpec& c : commands()) {
        Parsed scratch;
        po::options_description d;
        add_groups(d, c.groups, scratch);
        auto names = long_names(d);
        if (std::find(names.begin(), names.end(), option) != names.end())
            owners.push_back(c.name);
    }
    return owners;
}

int unknown_option(const CommandSpec& cmd, const po::options_description& desc,
                   const std::string& option, std::ostream& err) {
    fmt::print(err, "archtag {}: unknown option '{}'.", cmd.name, option);
    auto owners = commands_with(option);
    std::string close = closest_match(option, long_names(desc));
    if (!owners.empty()) {
        fmt::print(err, " {} is an option of: {}.", option, join(owners, ", "));
    } else if (!close.empty()) {
        fmt::print(err, " Did you mean '{}'?", close);
    }
    fmt::print(err, "\nRun 'archtag help {}' for its options.\n", cmd.name);
    return app::k_exit_usage;
}

void print_command_help(std::ostream& out, const CommandSpec& cmd) {
    Parsed scratch;
    po::options_description desc("Options", 100, 50);
    add_groups(desc, cmd.groups, scratch);
    fmt::print(out, "usage: archtag {} [options] {}\n\n{}\n\n", cmd.name, cmd.args, cmd.help);
    out << desc << "\n";
    fmt::print(
        out,
        "Exit status: 0 done; 1 pending changes (check) or an article could not be processed;\n"
        "2 usage, configuration or policy error (nothing touched).\n");
}

void print_general_help(std::ostream& out) {
    fmt::print(
        out,
        "archtag {} — stamps archival disclaimers and age notices into a newsroom's archive\n\n"
        "usage: archtag COMMAND [options] [arguments]\n\nCommands:\n",
        k_version);
    for (const CommandSpec& c : commands())
        fmt::print(out, "  {:<26} {}\n", c.name + (c.args.empty() ? "" : " " + c.args), c.summary);
    fmt::print(
        out,
        "\nRun 'archtag help COMMAND' for a command's options.\n"
        "Policies and rules are data: see policies/, rules/ and docs/ in the source tree.\n");
}

std::vector<std::string> command_names() {
    std::vector<std::string> names{"help"};
    for (const CommandSpec& c : commands())
        names.push_back(c.name);
    return names;
}

int unknown_command(const std::string& name, std::ostream& err) {
    fmt::print(err, "archtag: unknown command '{}'.", name);
    std::string close = closest_match(name, command_names());
    if (!close.empty())
        fmt::print(err, " Did you mean '{}'?", close);
    fmt::print(err, "\nRun 'archtag --help' for the list of commands.\n");
    return app::k_exit_usage;
}

// Splits off the command name ("policy test" takes two words).
std::string command_name(const std::vector<std::string>& args, std::size_t& consumed) {
    consumed = 1;
    if ((args[0] == "policy" || args[0] == "hook") && args.size() > 1 &&
        args[1].rfind('-', 0) != 0) {
        consumed = 2;
        return args[0] + " " + args[1];
    }
    return args[0];
}

int help_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.size() < 2) {
        print_general_help(out);
        return app::k_exit_ok;
    }
    std::string name = args[1];
    if (args.size() > 2)
        name += " " + args[2];
    const CommandSpec* cmd = find_command(name);
    if (!cmd)
        return unknown_command(name, err);
    print_command_help(out, *cmd);
    return app::k_exit_ok;
}

// The git options only mean something with --commit, which excludes --write.
int check_git_options(const CommandSpec& cmd, const po::variables_map& vm, std::ostream& err) {
    bool commit = vm.count("commit") > 0;
    if (commit && vm.count("write")) {
        fmt::print(err,
                   "archtag {}: --commit and --write cannot be used together (--commit records "
                   "the stamps in a commit, --write in the files of a folder).\n",
                   cmd.name);
        return app::k_exit_usage;
    }
    bool since = vm.count("since") > 0;
    if (since && vm.count("write")) {
        fmt::print(err, "archtag {}: --since reads a git branch; it cannot be used with --write.\n",
                   cmd.name);
        return app::k_exit_usage;
    }
    if (vm.count("no-cache") && !vm["no-cache"].defaulted() && !commit && !since) {
        fmt::print(err, "archtag {}: --no-cache needs --commit or --since.\n", cmd.name);
        return app::k_exit_usage;
    }
    for (const char* name : {"branch", "author", "signoff", "skip-dirty", "sign"}) {
        bool given = vm.count(name) && !vm[name].defaulted();
        if (given && !commit) {
            fmt::print(err, "archtag {}: --{} needs --commit.\n", cmd.name, name);
            return app::k_exit_usage;
        }
    }
    return app::k_exit_ok;
}

std::optional<app::OutputFormat> output_format(const std::string& name) {
    if (name == "text")
        return app::OutputFormat::text;
    if (name == "json")
        return app::OutputFormat::json;
    if (name == "html")
        return app::OutputFormat::html;
    if (name == "csv")
        return app::OutputFormat::csv;
    if (name == "sarif")
        return app::OutputFormat::sarif;
    return std::nullopt;
}

// Colour only for a person at a terminal (https://no-color.org), a progress
// line only where one can be redrawn; the streams must be the real ones.
void decide_terminal(app::Options& options, std::ostream& out, std::ostream& err) {
    const char* no_color = std::getenv("NO_COLOR");
    bool colour_wanted = no_color == nullptr || *no_color == '\0';
    if (colour_wanted && &out == &std::cout && !options.output_file && isatty(STDOUT_FILENO))
        options.colour = app::Colour::yes;
    if (&err == &std::cerr && isatty(STDERR_FILENO))
        options.progress = app::ShowProgress::yes;
}

int run_command(const CommandSpec& cmd, const std::vector<std::string>& rest, Instant now,
                std::ostream& out, std::ostream& err) {
    Parsed p;
    po::options_description desc;
    add_groups(desc, cmd.groups, p);
    desc.add_options()("paths", po::value(&p.options.paths)->composing());
    po::positional_options_description positional;
    positional.add("paths", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(rest).options(desc).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::unknown_option& e) {
        return unknown_option(cmd, desc, e.get_option_name(), err);
    } catch (const po::error& e) {
        fmt::print(err, "archtag {}: {}\nRun 'archtag help {}' for its options.\n", cmd.name,
                   e.what(), cmd.name);
        return app::k_exit_usage;
    }
    if (p.help) {
        print_command_help(out, cmd);
        return app::k_exit_ok;
    }
    auto format = output_format(p.format);
    if (!format) {
        fmt::print(err, "archtag {}: --format must be text, json, html, csv or sarif, not '{}'.\n",
                   cmd.name, p.format);
        return app::k_exit_usage;
    }
    if (cmd.args.empty() && !p.options.paths.empty()) {
        fmt::print(err, "archtag {}: unexpected argument '{}'.\n", cmd.name,
                   p.options.paths.front());
        return app::k_exit_usage;
    }
    if (int code = check_git_options(cmd, vm, err); code != app::k_exit_ok)
        return code;
    p.options.format = *format;
    p.options.write = vm.count("write") ? app::Write::yes : app::Write::no;
    if (vm.count("config"))
        p.options.config_path = vm["config"].as<std::string>();
    if (vm.count("as-of"))
        p.options.as_of = vm["as-of"].as<std::string>();
    if (vm.count("output"))
        p.options.output_file = vm["output"].as<std::string>();
    if (vm.count("root"))
        p.options.root = vm["root"].as<std::string>();
    if (vm.count("tests"))
        p.options.tests_dir = vm["tests"].as<std::string>();
    p.options.commit = vm.count("commit") ? app::Commit::yes : app::Commit::no;
    if (vm.count("branch"))
        p.options.branch = vm["branch"].as<std::string>();
    if (vm.count("author"))
        p.options.author = vm["author"].as<std::string>();
    if (vm.count("since"))
        p.options.since = vm["since"].as<std::string>();
    if (vm.count("path"))
        p.options.stdin_path = vm["path"].as<std::string>();
    p.options.now = now;
    decide_terminal(p.options, out, err);
    return cmd.run(p.options, out, err);
}

}  // namespace

int run(const std::vector<std::string>& args, Instant now, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        print_general_help(err);
        return app::k_exit_usage;
    }
    if (args[0] == "--help" || args[0] == "-h")
        return help_command({"help"}, out, err);
    if (args[0] == "--version") {
        fmt::print(out, "archtag {}\n", k_version);
        return app::k_exit_ok;
    }
    if (args[0] == "help")
        return help_command(args, out, err);
    if (args[0].rfind('-', 0) == 0) {
        fmt::print(err,
                   "archtag: expected a command before '{}'.\nRun 'archtag --help' for the list of "
                   "commands.\n",
                   args[0]);
        return app::k_exit_usage;
    }
    std::size_t consumed = 0;
    std::string name = command_name(args, consumed);
    const CommandSpec* cmd = find_command(name);
    if (!cmd)
        return unknown_command(name, err);
    return run_command(
        *cmd, std::vector<std::string>(args.begin() + static_cast<long>(consumed), args.end()), now,
        out, err);
}

}  // namespace archtag::cli
