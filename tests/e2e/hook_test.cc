// Hooks and pipelines end to end: `fix/check --stdin --path`, the pre-commit
// hook run by real `git commit` (full and partial staging, -a, PATHS, a
// linked worktree, deletions, renames, non-articles), installing and
// uninstalling hooks, and a bare server's pre-receive hook receiving real
// `git push`es (accepted, refused, overridden).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "e2e/harness.h"

namespace archtag::e2e {

namespace {

const std::string k_old_story =
    "---\n"
    "title: \"Obama: Sony Made A Mistake In Pulling 'The Interview'\"\n"
    "# imported from WordPress\n"
    "date: 2014-12-19 13:05:00 -0800\n"
    "publication: LAist\n"
    "tags: [politics, film]\n"
    "---\n"
    "President Barack Obama announced today that North Korea is behind the attack.\n";

const std::string k_old_story_2 =
    "---\ntitle: Metro fares\ndate: 2013-06-02\npublication: LAist\n---\nFares rise.\n";

const std::string k_recent_story =
    "---\ntitle: Tamale season\ndate: 2026-11-20\npublication: LAist\n---\nLines again.\n";

std::string binary() {
    return quote(ARCHTAG_BINARY);
}

std::string data_config(const std::string& hook = "") {
    return "<archtag>\n  <policies path=\"" + source_dir() + "/policies/laist.xml\"/>\n" +
           "  <rules path=\"" + source_dir() + "/rules\"/>\n" + hook + "</archtag>\n";
}

// `archtag ARGS` with `input` on stdin; stdout and stderr apart.
Outcome archtag_stdin(const std::string& args, const std::string& input, const std::string& cwd) {
    TempArchive io;
    io.write("in", input);
    std::string cmd = "cd " + quote(cwd) + " && " + binary() + " " + args + " <" +
                      quote(io.path("in")) + " >" + quote(io.path("out")) + " 2>" +
                      quote(io.path("err"));
    int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, io.read("out"), io.read("err")};
}

// A git work tree with .archtag.xml (hook mode `mode`) and the pre-commit
// hook installed; the first commit holds the config.
class HookedRepo : public TempArchive {
  public:
    explicit HookedRepo(const std::string& mode = "fix") {
        git("init -q -b main .");
        git("config user.name 'Desk Editor'");
        git("config user.email desk@example.com");
        write(".archtag.xml", data_config("  <hook mode=\"" + mode + "\"/>\n"));
        git("add .archtag.xml");
        git("commit -q -m config");
        Outcome r = archtag({"hook", "install"}, root());
        EXPECT_EQ(r.code, 0) << r.err;
    }
    std::string git(const std::string& args) const { return sh("git " + args, root()); }
    Shell try_git(const std::string& args) const { return run("git " + args, root()); }
    // The bytes `fix --stdin` makes of `bytes` as `path` in this archive.
    std::string stamped(const std::string& path, const std::string& bytes) const {
        Outcome r = archtag_stdin("fix --stdin --path " + quote(path), bytes, root());
        EXPECT_EQ(r.code, 0) << r.err;
        return r.out;
    }
    // Commits `files` without running the hook (archive history before archtag).
    void commit_unhooked(const std::vector<std::pair<std::string, std::string>>& files) const {
        for (const auto& [path, bytes] : files)
            write(path, bytes);
        git("add -A");
        git("commit -q --no-verify -m import");
    }
};

class Hooks : public ::testing::Test {
  protected:
    void SetUp() override {
        for (const char* name :
             {"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL",
              "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
              "GIT_ALTERNATE_OBJECT_DIRECTORIES"})
            unsetenv(name);
        // No user or system git config leaks into the test repositories.
        if (const char* home = std::getenv("HOME"))
            m_home = home;
        setenv("HOME", m_fake_home.root().c_str(), 1);
        setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
    }
    void TearDown() override {
        if (m_home)
            setenv("HOME", m_home->c_str(), 1);
        unsetenv("GIT_CONFIG_NOSYSTEM");
    }

  private:
    TempArchive m_fake_home;
    std::optional<std::string> m_home;
};

const std::string k_a = "laist/2014-12-19-obama-sony.md";
const std::string k_b = "laist/2013-06-02-fares.md";

}  // namespace

// --- fix/check --stdin --path -------------------------------------------------

TEST_F(Hooks, StdinFixWritesTheStampedArticleOnStdout) {
    TempArchive a;
    Outcome r =
        archtag_stdin("fix --stdin --path " + k_a + " --as-of 2026-11-23 --policy " + source_dir() +
                          "/policies/laist.xml --rules " + source_dir() + "/rules",
                      k_old_story, a.root());
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    // The same bytes as a folder sweep writes.
    expect_golden("e2e/gothamist-stamped.md", r.out);
}

TEST_F(Hooks, StdinFixPassesAnArticleWithNothingDueUnchanged) {
    TempArchive a;
    a.write(".archtag.xml", data_config());
    Outcome r =
        archtag_stdin("fix --stdin --path laist/2026-11-20-tamales.md", k_recent_story, a.root());
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, k_recent_story);
    // Stamping twice changes nothing the second time.
    Outcome once = archtag_stdin("fix --stdin --path " + k_a, k_old_story, a.root());
    Outcome twice = archtag_stdin("fix --stdin --path " + k_a, once.out, a.root());
    EXPECT_EQ(twice.code, 0) << twice.err;
    EXPECT_NE(once.out, k_old_story);
    EXPECT_EQ(twice.out, once.out);
}

TEST_F(Hooks, StdinCheckAnswersWithTheExitCodeAndOneLine) {
    TempArchive a;
    a.write(".archtag.xml", data_config());
    Outcome due = archtag_stdin("check --stdin --path " + k_a, k_old_story, a.root());
    EXPECT_EQ(due.code, 1) << due.err;
    EXPECT_EQ(due.out, k_a + ": needs stamps: add the archival notice, add the age notice\n");
    Outcome done =
        archtag_stdin("check --stdin --path laist/2026-11-20-tamales.md", k_recent_story, a.root());
    EXPECT_EQ(done.code, 0) << done.err;
    EXPECT_EQ(done.out, "laist/2026-11-20-tamales.md: carries its notices\n");
}

TEST_F(Hooks, StdinUsageErrors) {
    TempArchive a;
    Outcome no_path = archtag_stdin("fix --stdin", k_old_story, a.root());
    EXPECT_EQ(no_path.code, 2);
    EXPECT_EQ(no_path.out, "");
    EXPECT_EQ(no_path.err,
              "archtag: --stdin needs --path NAME (the article's name: its extension gives the "
              "format, its path the policy)\n");
    Outcome not_article = archtag_stdin("check --stdin --path notes.txt", "x", a.root());
    EXPECT_EQ(not_article.code, 2);
    EXPECT_EQ(not_article.err,
              "archtag: notes.txt: not an article name (expected .md, .html or .xml)\n");
    Outcome path_alone = archtag_stdin("check --path " + k_a, k_old_story, a.root());
    EXPECT_EQ(path_alone.code, 2);
    EXPECT_EQ(path_alone.err,
              "archtag: --path names the article read with --stdin; add --stdin.\n");
}

// --- pre-commit ---------------------------------------------------------------

TEST_F(Hooks, FixModeStampsAFullyStagedArticle) {
    HookedRepo repo;
    repo.write(k_a, k_old_story);
    repo.git("add " + k_a);
    Shell commit = repo.try_git("commit -q -m 'Obama story'");
    ASSERT_EQ(commit.code, 0) << commit.out;
    std::string stamped = repo.stamped(k_a, k_old_story);
    EXPECT_NE(stamped, k_old_story);
    EXPECT_EQ(repo.git("show HEAD:" + k_a), stamped);
    EXPECT_EQ(repo.read(k_a), stamped);
    EXPECT_EQ(repo.git("status --porcelain"), "");
    EXPECT_EQ(commit.out, "archtag: stamped 1 staged article:\n  " + k_a +
                              ": add the archival notice, add the age notice\n");
}

TEST_F(Hooks, CheckModeRefusesAndLeavesIndexAndWorkTreeAlone) {
    HookedRepo repo("check");
    repo.write(k_a, k_old_story);
    repo.write(k_b, k_old_story_2);
    repo.git("add laist");
    std::string head = repo.git("rev-parse HEAD");
    std::string staged = repo.git("ls-files -s");
    Shell commit = repo.try_git("commit -q -m stories");
    EXPECT_EQ(commit.code, 1) << commit.out;
    EXPECT_EQ(commit.out,
              "archtag: commit refused: 2 staged articles need their notices:\n"
              "  " +
                  k_b +
                  ": add the archival notice, add the age notice\n"
                  "  " +
                  k_a +
                  ": add the archival notice, add the age notice\n"
                  "Stamp them with `archtag fix PATH...` and stage them again, or set <hook "
                  "mode=\"fix\"/> in .archtag.xml to have this hook stamp what is staged.\n");
    EXPECT_EQ(repo.git("rev-parse HEAD"), head);
    EXPECT_EQ(repo.git("ls-files -s"), staged);
    EXPECT_EQ(repo.read(k_a), k_old_story);
    // Stamped by hand, the same commit goes through.
    Outcome fixed = archtag({"fix", k_a, k_b}, repo.root());
    ASSERT_EQ(fixed.code, 0) << fixed.err;
    repo.git("add laist");
    EXPECT_EQ(repo.try_git("commit -q -m stories").code, 0);
}

TEST_F(Hooks, PartialStagingKeepsTheUnstagedChanges) {
    HookedRepo repo;
    std::string staged = k_old_story;
    std::string in_work_tree = k_old_story + "An unstaged paragraph.\n";
    repo.write(k_a, staged);
    repo.git("add " + k_a);
    repo.write(k_a, in_work_tree);
    Shell commit = repo.try_git("commit -q -m 'Obama story'");
    ASSERT_EQ(commit.code, 0) << commit.out;
    EXPECT_EQ(repo.git("show HEAD:" + k_a), repo.stamped(k_a, staged));
    EXPECT_EQ(repo.read(k_a), in_work_tree);
    EXPECT_EQ(repo.git("show :" + k_a), repo.stamped(k_a, staged));
    EXPECT_NE(commit.out.find("(in the commit only: the work-tree file has unstaged changes)"),
              std::string::npos)
        << commit.out;
}

TEST_F(Hooks, CommitAllStampsTheIndexGitGaveTheHook) {
    HookedRepo repo;
    repo.commit_unhooked({{k_a, k_old_story}});
    std::string edited = k_old_story + "Updated at 5 p.m.\n";
    repo.write(k_a, edited);
    Shell commit = repo.try_git("commit -q -a -m update");
    ASSERT_EQ(commit.code, 0) << commit.out;
    EXPECT_EQ(repo.git("show HEAD:" + k_a), repo.stamped(k_a, edited));
    EXPECT_EQ(repo.read(k_a), repo.stamped(k_a, edited));
    EXPECT_EQ(repo.git("status --porcelain"), "");
}

TEST_F(Hooks, CommitPathsStampsOnlyThoseAndKeepsTheIndexInStep) {
    HookedRepo repo;
    repo.write(k_a, k_old_story);
    repo.write(k_b, k_old_story_2);
    repo.git("add laist");
    Shell commit = repo.try_git("commit -q -m 'Obama story' " + k_a);
    ASSERT_EQ(commit.code, 0) << commit.out;
    EXPECT_EQ(repo.git("show HEAD:" + k_a), repo.stamped(k_a, k_old_story));
    EXPECT_EQ(repo.git("ls-tree --name-only -r HEAD"), ".archtag.xml\n" + k_a + "\n");
    // The index git keeps agrees with the commit; the other article stays staged as it was.
    EXPECT_EQ(repo.git("status --porcelain"), "A  " + k_b + "\n");
    EXPECT_EQ(repo.git("show :" + k_b), k_old_story_2);
}

TEST_F(Hooks, LinkedWorktreeUsesTheCommonHooks) {
    HookedRepo repo;
    std::string wt = repo.root() + "-wt";
    repo.git("worktree add -q -b feature " + quote(wt));
    // Installing from the linked worktree finds the same hook.
    Outcome again = archtag({"hook", "install"}, wt);
    EXPECT_EQ(again.code, 0) << again.err;
    EXPECT_EQ(again.out,
              "Installed the pre-commit hook: " + repo.root() + "/.git/hooks/pre-commit\n");
    { std::ofstream(wt + "/" + "story.md", std::ios::binary) << k_old_story; }
    sh("mkdir -p laist && mv story.md " + k_a + " && git add " + k_a, wt);
    Shell commit = run("git commit -q -m 'Obama story'", wt);
    EXPECT_EQ(commit.code, 0) << commit.out;
    EXPECT_EQ(sh("git show HEAD:" + k_a, wt), repo.stamped(k_a, k_old_story));
    EXPECT_EQ(sh("git status --porcelain", wt), "");
    EXPECT_EQ(repo.git("status --porcelain"), "");
    sh("rm -rf " + quote(wt), repo.root());
}

namespace {

// Everything a failed hook must leave as it was: what is staged, the
// unstaged and staged differences, untracked leftovers, and each work-tree
// file's bytes and permissions.
std::string index_and_work_tree(const HookedRepo& repo) {
    std::string state = repo.git("ls-files -s") + "--\n" + repo.git("diff") + "--\n" +
                        repo.git("diff --cached") + "--\n" +
                        repo.git("status --porcelain --ignored --untracked-files=all") + "--\n";
    for (const std::string& path : {k_a, k_b})
        state += sh("stat -c '%n %a %s' " + path, repo.root()) + repo.read(path);
    return state;
}

// `command` with rename(2) onto the work-tree file `path` failing (EPERM).
std::string failing_rename_of(const std::string& path, const std::string& command) {
    return "ARCHTAG_TEST_FAIL_RENAME=" + quote("/" + path) +
           " LD_PRELOAD=" + quote(ARCHTAG_FAIL_RENAME_LIBRARY) + " " + command;
}

}  // namespace

// Restaging fails half way: the index is written and the first work-tree
// file (k_b) replaced before replacing the second (k_a) fails. All of it is
// put back, and the commit is refused with the file and the reason.
TEST_F(Hooks, FixModeFailingHalfWayLeavesIndexAndWorkTreeAsTheyWere) {
    HookedRepo repo;
    repo.write(k_a, k_old_story);
    repo.write(k_b, k_old_story_2);
    sh("chmod 755 " + k_b, repo.root());
    repo.git("add laist");
    std::string head = repo.git("rev-parse HEAD");
    std::string before = index_and_work_tree(repo);

    Shell commit = run(failing_rename_of(k_a, "git commit -q -m stories"), repo.root());
    EXPECT_EQ(commit.code, 1) << commit.out;
    std::string refused =
        "archtag: commit refused: could not stamp the staged articles: " + repo.path(k_a) +
        ": cannot replace the work-tree file: Operation not permitted\n";
    EXPECT_EQ(commit.out.substr(0, refused.size()), refused) << commit.out;
    EXPECT_EQ(commit.out.substr(commit.out.find('\n')),
              "\nNothing was changed: the index and the work tree are as they were.\n")
        << commit.out;
    EXPECT_EQ(repo.git("rev-parse HEAD"), head);
    EXPECT_EQ(index_and_work_tree(repo), before);

    // Once the file can be replaced, the same commit goes through.
    ASSERT_EQ(repo.try_git("commit -q -m stories").code, 0);
    EXPECT_EQ(repo.read(k_a), repo.stamped(k_a, k_old_story));
    EXPECT_EQ(repo.read(k_b), repo.stamped(k_b, k_old_story_2));
    EXPECT_EQ(repo.git("status --porcelain"), "");
}

// The same failure with the hook run by hand: the index file git left is
// put back byte for byte (git commit rewrites it before its hook runs).
TEST_F(Hooks, FixModeFailingHalfWayPutsTheIndexFileBackByteForByte) {
    HookedRepo repo;
    repo.write(k_a, k_old_story);
    repo.write(k_b, k_old_story_2);
    repo.git("add laist");
    std::string before = index_and_work_tree(repo);
    std::string index = repo.read(".git/index");  // as `git status` left it

    Shell hook = run(failing_rename_of(k_a, binary() + " hook pre-commit"), repo.root());
    EXPECT_EQ(hook.code, 1) << hook.out;
    EXPECT_NE(hook.out.find(repo.path(k_a) + ": cannot replace the work-tree file"),
              std::string::npos)
        << hook.out;
    EXPECT_EQ(repo.read(".git/index"), index);
    EXPECT_EQ(index_and_work_tree(repo), before);
}

TEST_F(Hooks, DeletionsAndNonArticlesPassInCheckMode) {
    HookedRepo repo("check");
    repo.commit_unhooked({{k_a, k_old_story}});
    repo.git("rm -q " + k_a);
    repo.write("notes.txt", "not an article\n");
    repo.git("add notes.txt");
    Shell commit = repo.try_git("commit -q -m 'remove the story, add notes'");
    EXPECT_EQ(commit.code, 0) << commit.out;
    EXPECT_EQ(commit.out, "");
    EXPECT_EQ(repo.git("ls-tree --name-only -r HEAD"), ".archtag.xml\nnotes.txt\n");
}

TEST_F(Hooks, ARenamedArticleIsStampedUnderItsNewName) {
    HookedRepo repo;
    repo.commit_unhooked({{k_a, k_old_story}});
    std::string renamed = "laist/2014/obama-sony.md";
    repo.git("mv " + k_a + " laist/obama.md");
    sh("mkdir -p laist/2014 && git mv laist/obama.md " + renamed, repo.root());
    Shell commit = repo.try_git("commit -q -m rename");
    ASSERT_EQ(commit.code, 0) << commit.out;
    EXPECT_EQ(repo.git("show HEAD:" + renamed), repo.stamped(renamed, k_old_story));
    EXPECT_EQ(repo.git("status --porcelain"), "");
}

TEST_F(Hooks, AnUnreadableArticleRefusesTheCommitAndNothingIsStamped) {
    HookedRepo repo;
    repo.write(k_a, k_old_story);
    repo.write("laist/broken.md", "---\ntitle: [x\ndate: 2013-06-02\n---\nbody\n");
    repo.git("add laist");
    std::string staged = repo.git("ls-files -s");
    Shell commit = repo.try_git("commit -q -m stories");
    EXPECT_EQ(commit.code, 1) << commit.out;
    EXPECT_EQ(commit.out,
              "archtag: commit refused: 1 staged article could not be read:\n"
              "  laist/broken.md:3:5: invalid YAML front matter: expected ',' or ']' in the list "
              "that '[' opens on line 2\n"
              "Fix them, or commit with --no-verify to skip archtag.\n");
    EXPECT_EQ(repo.git("ls-files -s"), staged);
    EXPECT_EQ(repo.read(k_a), k_old_story);
    EXPECT_EQ(repo.git("log --format=%s"), "config\n");
}

TEST_F(Hooks, GitDirAndWorkTreeFromTheEnvironment) {
    HookedRepo repo;
    repo.write(k_a, k_old_story);
    repo.git("add " + k_a);
    // git exports GIT_DIR and GIT_WORK_TREE to the hook when given on its command line.
    TempArchive elsewhere;
    Shell commit = run("git --git-dir=" + quote(repo.root() + "/.git") +
                           " --work-tree=" + quote(repo.root()) + " commit -q -m story",
                       elsewhere.root());
    ASSERT_EQ(commit.code, 0) << commit.out;
    EXPECT_EQ(repo.git("show HEAD:" + k_a), repo.stamped(k_a, k_old_story));
    EXPECT_EQ(repo.read(k_a), repo.stamped(k_a, k_old_story));
    EXPECT_EQ(repo.git("status --porcelain"), "");
}

TEST_F(Hooks, InstallRefusesAForeignHookChainsItAndUninstallRestoresIt) {
    HookedRepo repo;
    repo.git("config core.hooksPath .githooks");
    sh("mkdir -p .githooks && printf '#!/bin/sh\\necho foreign >> \"$(git rev-parse "
       "--git-dir)/ran\"\\n' > .githooks/pre-commit && chmod +x .githooks/pre-commit",
       repo.root());
    std::string hook = repo.root() + "/.githooks/pre-commit";
    Outcome refused = archtag({"hook", "install"}, repo.root());
    EXPECT_EQ(refused.code, 2);
    EXPECT_EQ(refused.err, "archtag: " + hook +
                               ": a hook archtag did not write is already there; --chain keeps it "
                               "and runs it first, --force replaces it\n");
    Outcome chained = archtag({"hook", "install", "pre-commit", "--chain"}, repo.root());
    ASSERT_EQ(chained.code, 0) << chained.err;
    EXPECT_EQ(chained.out, "Installed the pre-commit hook: " + hook +
                               " The existing hook now runs first, from " + hook +
                               ".archtag-chained.\n");
    repo.write(k_a, k_old_story);
    repo.git("add " + k_a);
    ASSERT_EQ(repo.try_git("commit -q -m story").code, 0);
    EXPECT_EQ(repo.read(".git/ran"), "foreign\n");
    EXPECT_EQ(repo.git("show HEAD:" + k_a), repo.stamped(k_a, k_old_story));

    Outcome removed = archtag({"hook", "uninstall"}, repo.root());
    EXPECT_EQ(removed.code, 0) << removed.err;
    EXPECT_NE(read_file_or_empty(hook).find("echo foreign"), std::string::npos);
    Outcome not_ours = archtag({"hook", "uninstall"}, repo.root());
    EXPECT_EQ(not_ours.code, 2);
    EXPECT_EQ(not_ours.err, "archtag: " + hook + ": was not written by archtag; left alone\n");
    Outcome forced = archtag({"hook", "install", "--force"}, repo.root());
    EXPECT_EQ(forced.code, 0) << forced.err;
    EXPECT_EQ(read_file_or_empty(hook).find("echo foreign"), std::string::npos);
}

// --- pre-receive ----------------------------------------------------------------

namespace {

// A bare server with the pre-receive hook, and a clone to push from.
class Server {
  public:
    explicit Server(const std::string& hook = "") {
        sh("git init -q --bare -b main server.git", m_dir.root());
        sh("git config receive.advertisePushOptions true", server());
        std::ofstream(server() + "/.archtag.xml", std::ios::binary) << data_config(hook);
        Outcome r = archtag({"hook", "install", "pre-receive"}, server());
        EXPECT_EQ(r.code, 0) << r.err;
        sh("git clone -q server.git client", m_dir.root());
        client_git("config user.name 'Desk Editor'");
        client_git("config user.email desk@example.com");
    }
    std::string server() const { return m_dir.root() + "/server.git"; }
    std::string client() const { return m_dir.root() + "/client"; }
    std::string client_git(const std::string& args) const { return sh("git " + args, client()); }
    Shell push(const std::string& args) const { return run("git push -q " + args, client()); }
    void commit(const std::string& path, const std::string& bytes) const {
        m_dir.write("client/" + path, bytes);
        client_git("add -A");
        client_git("commit -q -m " + quote("add " + path));
    }
    std::string tip(const std::string& ref) const {
        return run("git rev-parse --verify -q " + ref, server()).out;
    }
    std::string stamped(const std::string& path, const std::string& bytes) const {
        Outcome r = archtag_stdin(
            "fix --stdin --path " + quote(path) + " --config " + quote(server() + "/.archtag.xml"),
            bytes, client());
        EXPECT_EQ(r.code, 0) << r.err;
        return r.out;
    }

  private:
    TempArchive m_dir;
};

}  // namespace

TEST_F(Hooks, PreReceiveAcceptsStampedArticlesAndRefusesOthers) {
    Server s;
    s.commit(k_a, s.stamped(k_a, k_old_story));
    s.commit("notes.txt", "not an article\n");
    Shell accepted = s.push("origin main");
    ASSERT_EQ(accepted.code, 0) << accepted.out;
    EXPECT_EQ(s.tip("refs/heads/main"), s.client_git("rev-parse HEAD"));

    std::string before = s.tip("refs/heads/main");
    s.commit(k_b, k_old_story_2);
    Shell refused = s.push("origin main");
    EXPECT_NE(refused.code, 0);
    // (git pads the lines it relays from the hook with spaces.)
    EXPECT_NE(refused.out.find("remote: archtag: push to refs/heads/main refused: 1 article is not "
                               "ready to publish:"),
              std::string::npos)
        << refused.out;
    EXPECT_NE(refused.out.find("remote:   " + k_b +
                               ": needs stamps: add the archival notice, add the age notice"),
              std::string::npos)
        << refused.out;
    EXPECT_EQ(s.tip("refs/heads/main"), before);
    // The refused objects stayed in quarantine.
    std::string refused_commit = s.client_git("rev-parse HEAD").substr(0, 40);
    EXPECT_NE(run("git cat-file -e " + refused_commit, s.server()).code, 0);
}

TEST_F(Hooks, PreReceiveOverrideIsLogged) {
    Server s;
    s.commit(k_b, k_old_story_2);
    Shell overridden = s.push("-o 'archtag-override=court order, publish as is' origin main");
    ASSERT_EQ(overridden.code, 0) << overridden.out;
    EXPECT_EQ(s.tip("refs/heads/main"), s.client_git("rev-parse HEAD"));
    std::string log = read_file_or_empty(s.server() + "/archtag/overrides.log");
    EXPECT_NE(log.find(" refs/heads/main 000000000000.." +
                       s.client_git("rev-parse HEAD").substr(0, 12) + " user="),
              std::string::npos)
        << log;
    EXPECT_NE(log.find(" reason=\"court order, publish as is\" articles=" + k_b + "\n"),
              std::string::npos)
        << log;
}

TEST_F(Hooks, PreReceiveLetsOtherBranchesTagsAndDeletionsThrough) {
    Server s("  <hook protect=\"refs/heads/published\"/>\n");
    s.commit(k_b, k_old_story_2);
    // main is not protected here.
    ASSERT_EQ(s.push("origin main").code, 0);
    s.client_git("tag v1");
    EXPECT_EQ(s.push("origin v1").code, 0);
    EXPECT_EQ(s.push("origin main:refs/heads/scratch").code, 0);
    EXPECT_EQ(s.push("origin :refs/heads/scratch").code, 0);
    // A new protected branch whose commits are all known to the server passes.
    EXPECT_EQ(s.push("origin main:refs/heads/published").code, 0);
    // New commits on it are evaluated.
    s.commit(k_a, k_old_story);
    Shell refused = s.push("origin main:refs/heads/published");
    EXPECT_NE(refused.code, 0);
    EXPECT_NE(refused.out.find("push to refs/heads/published refused"), std::string::npos)
        << refused.out;
    EXPECT_EQ(refused.out.find(k_b), std::string::npos) << refused.out;
}

TEST_F(Hooks, PreReceiveEvaluatesANewProtectedBranchByItsNewCommits) {
    Server s("  <hook protect=\"refs/heads/published\"/>\n");
    s.commit(k_a, k_old_story);
    Shell refused = s.push("origin main:refs/heads/published");
    EXPECT_NE(refused.code, 0);
    EXPECT_NE(refused.out.find("remote:   " + k_a + ": needs stamps"), std::string::npos)
        << refused.out;
    EXPECT_EQ(s.tip("refs/heads/published"), "");
}

// --- scheduled sweeps -----------------------------------------------------------

namespace {

// The command of the shipped unit's ExecStart= (continuation lines joined),
// or of the README's cron line, pointed at this build and a test repository.
std::string shipped_command(const std::string& which, const std::string& repo,
                            const std::string& lock) {
    std::string command;
    if (which == "service") {
        std::string unit = read_file_or_empty(source_dir() + "/scripts/archtag-sweep.service");
        std::size_t at = unit.find("\nExecStart=");
        EXPECT_NE(at, std::string::npos);
        for (std::size_t i = at + 11; i < unit.size() && unit[i] != '\n'; ++i) {
            if (unit[i] == '\\' && i + 1 < unit.size() && unit[i + 1] == '\n')
                i += 1;
            else
                command += unit[i];
        }
    } else {
        std::string readme = read_file_or_empty(source_dir() + "/README.md");
        std::size_t at = readme.find("\n15 3 * * *  git  ");
        EXPECT_NE(at, std::string::npos);
        std::size_t start = at + 18;
        command = readme.substr(start, readme.find('\n', start) - start);
        // The log file is the cron line's own business.
        command = command.substr(0, command.find(" >>"));
    }
    auto replace = [&](const std::string& from, const std::string& to) {
        std::size_t at = command.find(from);
        EXPECT_NE(at, std::string::npos) << from << " in " << command;
        if (at != std::string::npos)
            command.replace(at, from.size(), to);
    };
    replace("/usr/local/bin/archtag", binary());
    replace("/srv/git/archive.git", quote(repo));
    replace("/run/lock/archtag-sweep.lock", quote(lock));
    return command;
}

}  // namespace

TEST_F(Hooks, ScheduledSweepsCommitAndNeverOverlap) {
    for (const std::string which : {"service", "cron"}) {
        TempArchive dir;
        sh("git init -q --bare -b main archive.git && git clone -q archive.git work", dir.root());
        std::string repo = dir.root() + "/archive.git";
        std::ofstream(repo + "/.archtag.xml", std::ios::binary) << data_config();
        dir.write("work/" + k_a, k_old_story);
        sh("git add -A && git -c user.name=Desk -c user.email=d@example.com commit -q -m import && "
           "git push -q origin main",
           dir.root() + "/work");
        std::string before = sh("git rev-parse main", repo);
        std::string lock = dir.path("sweep.lock");
        std::string command = shipped_command(which, repo, lock);

        // While another sweep holds the lock, this one does nothing and exits 0.
        Shell skipped = run("flock " + quote(lock) + " sh -c " + quote(command), dir.root());
        EXPECT_EQ(skipped.code, 0) << which << ": " << skipped.out;
        EXPECT_EQ(skipped.out, "") << which;
        EXPECT_EQ(sh("git rev-parse main", repo), before) << which;

        // Free, it commits and says what.
        Shell swept = run(command, dir.root());
        EXPECT_EQ(swept.code, 0) << which << ": " << swept.out;
        std::string after = sh("git rev-parse main", repo);
        EXPECT_NE(after, before) << which;
        EXPECT_NE(swept.out.find("Committed " + after.substr(0, 40) + " on refs/heads/main."),
                  std::string::npos)
            << which << ": " << swept.out;
        Outcome stamped = archtag_stdin(
            "fix --stdin --path " + k_a + " --config " + quote(repo + "/.archtag.xml"), k_old_story,
            dir.root());
        EXPECT_EQ(sh("git show main:" + k_a, repo), stamped.out) << which;
    }
}

}  // namespace archtag::e2e
