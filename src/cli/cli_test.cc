#include "cli/cli.h"

#include <gtest/gtest.h>

#include <sstream>

namespace archtag::cli {

namespace {

struct Outcome {
    int code;
    std::string out;
    std::string err;
};

Outcome run_cli(std::vector<std::string> args) {
    std::ostringstream out, err;
    int code = run(args, Instant{}, out, err);
    return {code, out.str(), err.str()};
}

}  // namespace

TEST(Cli, UnknownCommandSuggestsClosest) {
    auto r = run_cli({"swep"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err,
              "archtag: unknown command 'swep'. Did you mean 'sweep'?\n"
              "Run 'archtag --help' for the list of commands.\n");
}

TEST(Cli, UnknownPolicySubcommandSuggests) {
    auto r = run_cli({"policy", "tets"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err,
              "archtag: unknown command 'policy tets'. Did you mean 'policy test'?\n"
              "Run 'archtag --help' for the list of commands.\n");
}

TEST(Cli, UnknownOptionSuggestsClosest) {
    auto r = run_cli({"sweep", "--formt", "json"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err,
              "archtag sweep: unknown option '--formt'. Did you mean '--format'?\n"
              "Run 'archtag help sweep' for its options.\n");
}

TEST(Cli, OptionOfAnotherCommandIsNamed) {
    auto r = run_cli({"check", "--write"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err,
              "archtag check: unknown option '--write'. --write is an option of: sweep, unstamp.\n"
              "Run 'archtag help check' for its options.\n");
}

TEST(Cli, BadFormatIsAUsageError) {
    auto r = run_cli({"sweep", "--format", "xml"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err,
              "archtag sweep: --format must be text, json, html, csv or sarif, not 'xml'.\n");
}

TEST(Cli, HelpListsEveryCommand) {
    auto r = run_cli({"--help"});
    EXPECT_EQ(r.code, 0);
    for (const char* name :
         {"sweep", "check", "fix", "explain", "unstamp", "policy check", "policy test"})
        EXPECT_NE(r.out.find(name), std::string::npos) << name;
}

TEST(Cli, HelpForOneCommandShowsItsOptions) {
    auto r = run_cli({"help", "sweep"});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out.rfind("usage: archtag sweep [options] [ARCHIVE]\n", 0), 0u);
    EXPECT_NE(r.out.find("--write"), std::string::npos);
    EXPECT_NE(r.out.find("--as-of"), std::string::npos);
    auto policy = run_cli({"help", "policy", "test"});
    EXPECT_EQ(policy.code, 0);
    EXPECT_NE(policy.out.find("--tests"), std::string::npos);
}

TEST(Cli, NoArgumentsIsUsage) {
    auto r = run_cli({});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("usage: archtag COMMAND"), std::string::npos);
}

TEST(Cli, PolicyCheckTakesNoArguments) {
    auto r = run_cli({"policy", "check", "extra"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "archtag policy check: unexpected argument 'extra'.\n");
}

TEST(Cli, GitOptionsBelongToSweepAndUnstamp) {
    auto r = run_cli({"check", "--commit"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err,
              "archtag check: unknown option '--commit'. --commit is an option of: sweep, "
              "unstamp.\n"
              "Run 'archtag help check' for its options.\n");
    auto help = run_cli({"help", "unstamp"});
    for (const char* option : {"--commit", "--branch REF", "--author", "--signoff", "--skip-dirty"})
        EXPECT_NE(help.out.find(option), std::string::npos) << option;
}

TEST(Cli, CommitAndWriteAreExclusive) {
    auto r = run_cli({"sweep", "--commit", "--write"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err,
              "archtag sweep: --commit and --write cannot be used together (--commit records the "
              "stamps in a commit, --write in the files of a folder).\n");
}

TEST(Cli, GitOptionsNeedCommit) {
    for (std::vector<std::string> args : {std::vector<std::string>{"sweep", "--branch", "main"},
                                          {"unstamp", "--author", "Ed <ed@example.com>"},
                                          {"sweep", "--signoff"},
                                          {"sweep", "--skip-dirty"}}) {
        auto r = run_cli(args);
        EXPECT_EQ(r.code, 2);
        EXPECT_EQ(r.err, "archtag " + args[0] + ": " + args[1] + " needs --commit.\n");
    }
}

}  // namespace archtag::cli
