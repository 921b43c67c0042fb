// The dirty check and the work-tree update of a checked-out branch, on
// repositories made with git and checked with git.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <map>

#include "repo/repo.h"
#include "repo/test_support.h"

namespace archtag::repo {

namespace {

using testing::TempRepo;

std::string trimmed(std::string s) {
    while (!s.empty() && s.back() == '\n')
        s.pop_back();
    return s;
}

struct Moved {
    ObjectId from;
    ObjectId to;
};

// Commits `files` (raw bytes, no filters) on top of main and moves main,
// leaving the index and the work tree as they were: what a sweep does
// before it brings them up to date.
Moved commit_behind_the_index(const TempRepo& t, const std::map<std::string, std::string>& files) {
    Moved m{{trimmed(t.git("rev-parse HEAD"))}, {}};
    const std::string other = "GIT_INDEX_FILE=.git/other-index git ";
    t.sh(other + "read-tree HEAD");
    for (const auto& [path, bytes] : files) {
        t.write(".git/blob-source", bytes);
        std::string blob = trimmed(t.git("hash-object -w --no-filters .git/blob-source"));
        t.sh(other + "update-index --cacheinfo 100644," + blob + "," + path);
    }
    std::string tree = trimmed(t.sh(other + "write-tree"));
    m.to.hex = trimmed(t.git("commit-tree " + tree + " -p HEAD -m stamp"));
    t.git("update-ref refs/heads/main " + m.to.hex + " " + m.from.hex);
    return m;
}

std::vector<std::string> dirty(const TempRepo& t, const std::vector<std::string_view>& paths) {
    auto r = Repository::discover(t.root());
    EXPECT_TRUE(r.has_value());
    auto d = r->dirty_paths(*r->tip("refs/heads/main"), paths);
    EXPECT_TRUE(d.has_value()) << d.error().describe();
    return d ? *d : std::vector<std::string>{"(failed)"};
}

Status checkout(const TempRepo& t, const Moved& m, const std::vector<std::string_view>& paths,
                unsigned jobs = 0) {
    auto r = Repository::discover(t.root());
    EXPECT_TRUE(r.has_value());
    return r->checkout_paths(m.from, m.to, paths, jobs);
}

}  // namespace

TEST(WorkTree, DirtyMeansAnyDifferenceFromTheCommitInIndexOrWorkTree) {
    TempRepo t;
    for (const char* name : {"clean", "edited", "deleted", "staged", "exec", "link", "conflict"})
        t.write(std::string(name) + ".md", std::string(name) + "\n");
    t.commit_all("import");
    t.write("edited.md", "EDITED\n");  // same size
    std::remove((t.root() + "/deleted.md").c_str());
    t.write("staged.md", "staged and more\n");
    t.git("add staged.md");
    ::chmod((t.root() + "/exec.md").c_str(), 0755);
    std::remove((t.root() + "/link.md").c_str());
    t.sh("ln -s clean.md link.md");
    std::string blob = trimmed(t.git("rev-parse :conflict.md"));
    t.sh("printf '0 " + std::string(40, '0') + "\\tconflict.md\\n100644 " + blob +
         " 1\\tconflict.md\\n100644 " + blob +
         " 2\\tconflict.md\\n' | git update-index "
         "--index-info");
    EXPECT_EQ(dirty(t, {"clean.md", "edited.md", "deleted.md", "staged.md", "exec.md", "link.md",
                        "conflict.md", "unknown.md"}),
              (std::vector<std::string>{"conflict.md", "deleted.md", "edited.md", "exec.md",
                                        "link.md", "staged.md", "unknown.md"}));
}

// Paths that leave a folder and come back to one of the same name, deep
// and shallow ones, a folder where a file is asked for, and names that are
// missing at every depth.
TEST(WorkTree, FilesAreFoundInEveryFolderOfTheTree) {
    TempRepo t;
    std::vector<std::string> files = {"a-b/x.md", "a.md",     "a/b.md", "a/b/c.md", "a/b/c/d/e.md",
                                      "a/b0.md",  "a/c/d.md", "b.md",   "z/z/z.md"};
    for (const std::string& f : files)
        t.write(f, f + "\n");
    t.commit_all("import");
    std::vector<std::string_view> asked(files.begin(), files.end());
    EXPECT_EQ(dirty(t, asked), std::vector<std::string>{});
    for (const char* missing : {"a", "a/b", "a/b/c/x.md", "a/q/d.md", "q.md", "z/z/z.md/x"})
        asked.push_back(missing);
    EXPECT_EQ(dirty(t, asked), (std::vector<std::string>{"a", "a/b", "a/b/c/x.md", "a/q/d.md",
                                                         "q.md", "z/z/z.md/x"}));
}

TEST(WorkTree, ContentDecidesWhenStatDataProvesNothing) {
    TempRepo t;
    t.write(".gitattributes", "*.md text eol=crlf\n");
    t.write("a.md", "line\n");
    t.commit_all("import");
    ASSERT_EQ(t.read("a.md"), "line\n");  // as written; git add cleaned it
    t.write("a.md", "line\r\n");          // the checked-out form: new stat data, same blob
    EXPECT_EQ(dirty(t, {"a.md"}), std::vector<std::string>{});
    t.write("a.md", "lime\r\n");
    EXPECT_EQ(dirty(t, {"a.md"}), std::vector<std::string>{"a.md"});
}

TEST(WorkTree, ASkipWorktreeEntryIsJudgedByTheIndexAlone) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("import");
    t.git("update-index --skip-worktree a.md");
    std::remove((t.root() + "/a.md").c_str());
    EXPECT_EQ(dirty(t, {"a.md"}), std::vector<std::string>{});
    Moved m = commit_behind_the_index(t, {{"a.md", "stamped\n"}});
    Status s = checkout(t, m, {"a.md"});
    ASSERT_TRUE(s.has_value()) << s.error().describe();
    EXPECT_EQ(t.git("rev-parse :a.md"), t.git("rev-parse HEAD:a.md"));
    struct stat st {};
    EXPECT_NE(::lstat((t.root() + "/a.md").c_str(), &st), 0);
}

TEST(WorkTree, CheckoutWritesThroughFiltersAndRecordsStatData) {
    TempRepo t;
    t.write(".gitattributes", "*.md text eol=crlf\n");
    t.write("laist/a.md", "a\n");
    t.write("laist/b.md", "b\n");
    t.write("other/c.md", "c\n");
    t.commit_all("import");
    t.git("checkout -q -- .");  // the CRLF form in the work tree
    ::chmod((t.root() + "/laist/b.md").c_str(), 0600);
    Moved m =
        commit_behind_the_index(t, {{"laist/a.md", "a\nstamped\n"}, {"laist/b.md", "b\n!\n"}});
    Status s = checkout(t, m, {"laist/a.md", "laist/b.md"});
    ASSERT_TRUE(s.has_value()) << s.error().describe();
    EXPECT_EQ(t.read("laist/a.md"), "a\r\nstamped\r\n");
    EXPECT_EQ(t.read("laist/b.md"), "b\r\n!\r\n");
    struct stat st {};
    ASSERT_EQ(::stat((t.root() + "/laist/b.md").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0600u);  // permissions kept
    EXPECT_EQ(t.git("status --porcelain"), "");
    EXPECT_EQ(t.git("diff-index --cached HEAD"), "");
    // Stat data recorded: git does not need to read the file to trust it.
    EXPECT_NE(t.git("ls-files --debug laist/a.md").find("size: 12\t"), std::string::npos)
        << t.git("ls-files --debug laist/a.md");
    // The cache-tree lost laist/ and the root, so git's next commit has the
    // stamped files in it, not the old tree.
    t.git("commit -q --allow-empty -m next");
    EXPECT_EQ(t.git("rev-parse HEAD^{tree}"), t.git("rev-parse HEAD~1^{tree}"));
}

// Enough files for three threads, with conflicts around where the work is
// divided and edits in the first and the last third.
TEST(WorkTree, ThreadsRewriteEveryFileOnceAndKeepTheIndexInOrder) {
    TempRepo t;
    t.write(".gitattributes", "*.md text eol=crlf\n");
    std::map<std::string, std::string> stamped;
    std::vector<std::string> names;
    for (int i = 0; i < 400; ++i) {
        std::string name = fmt::format("laist/{:03}.md", i);
        t.write(name, name + "\n");
        stamped[name] = name + "\nstamped\n";
        names.push_back(name);
    }
    t.commit_all("import");
    t.git("checkout -q -- .");
    Moved m = commit_behind_the_index(t, stamped);
    for (int i = 128; i < 140; ++i) {
        std::string name = fmt::format("laist/{:03}.md", i);
        std::string blob = trimmed(t.git("rev-parse :" + name));
        t.sh("printf '0 " + std::string(40, '0') + "\\t" + name + "\\n100644 " + blob + " 1\\t" +
             name + "\\n100644 " + blob + " 2\\t" + name + "\\n' | git update-index --index-info");
    }
    t.write("laist/005.md", "edited meanwhile\n");
    t.write("laist/390.md", "edited meanwhile\n");
    std::vector<std::string_view> paths(names.begin(), names.end());

    Status s = checkout(t, m, paths, 3);
    ASSERT_FALSE(s.has_value());
    EXPECT_NE(s.error().message.find("14 files were left as they are"), std::string::npos)
        << s.error().message;
    std::string left;
    for (int i : {5, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 390})
        left += fmt::format("laist/{:03}.md\n", i);
    EXPECT_EQ(t.git("diff --name-only HEAD | sort -u"), left);
    EXPECT_EQ(t.read("laist/004.md"), "laist/004.md\r\nstamped\r\n");
    EXPECT_EQ(t.read("laist/399.md"), "laist/399.md\r\nstamped\r\n");
    EXPECT_EQ(t.git("ls-files --stage | wc -l"), "413\n");  // 1 + 388 + 12 x 2 conflict stages
    EXPECT_EQ(t.git("diff --cached --name-only HEAD | sort -u"), left);
    EXPECT_EQ(t.git("status --porcelain -- laist/000.md laist/127.md laist/140.md laist/399.md"),
              "");
}

TEST(WorkTree, AFileChangedSinceTheCheckIsLeftAloneAndNamed) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.write("b.md", "b\n");
    t.commit_all("import");
    Moved m = commit_behind_the_index(t, {{"a.md", "a stamped\n"}, {"b.md", "b stamped\n"}});
    t.write("b.md", "b, edited by hand\n");
    Status s = checkout(t, m, {"a.md", "b.md"});
    ASSERT_FALSE(s.has_value());
    EXPECT_EQ(s.error().headline(),
              t.root() +
                  "/.git: the commit was made, but 1 file was left as it is in the work "
                  "tree and index (`git diff HEAD -- <file>` shows how it differs from the "
                  "commit): b.md");
    EXPECT_EQ(t.read("a.md"), "a stamped\n");
    EXPECT_EQ(t.read("b.md"), "b, edited by hand\n");
    EXPECT_EQ(t.git("status --porcelain"), "MM b.md\n");
}

TEST(WorkTree, AFileBelowASymbolicLinkIsNotTheWorkTrees) {
    TempRepo t;
    t.write("laist/a.md", "a\n");
    t.write("kpcc/b.md", "b\n");
    t.commit_all("import");
    t.sh("mv laist .git/elsewhere && ln -s .git/elsewhere laist");
    EXPECT_EQ(dirty(t, {"kpcc/b.md", "laist/a.md"}), std::vector<std::string>{"laist/a.md"});
}

TEST(WorkTree, AFileThatCannotBeRewrittenIsNamedAndTheOthersAreDone) {
    TempRepo t;
    const std::string long_name =
        "laist/" + std::string(245, 'x') + ".md";  // + ".archtag-new": too long
    t.write("laist/a.md", "a\n");
    t.write(long_name, "long\n");
    t.commit_all("import");
    Moved m = commit_behind_the_index(t, {{"laist/a.md", "a stamped\n"}, {long_name, "long!\n"}});
    Status s = checkout(t, m, {"laist/a.md", long_name});
    ASSERT_FALSE(s.has_value());
    EXPECT_NE(s.error().headline().find("1 file was left as it is in the work tree and index"),
              std::string::npos)
        << s.error().headline();
    EXPECT_NE(
        s.error().headline().find("; 1 file could not be rewritten: " + t.root() + "/" + long_name +
                                  ": cannot create a temporary file beside it: File name "
                                  "too long"),
        std::string::npos)
        << s.error().headline();
    EXPECT_EQ(t.read("laist/a.md"), "a stamped\n");
    EXPECT_EQ(t.read(long_name), "long\n");
    EXPECT_EQ(t.git("status --porcelain laist/a.md"), "");
}

TEST(WorkTree, TheIndexKeepsItsPermissions) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("import");
    t.sh("chmod 0664 .git/index");
    Moved m = commit_behind_the_index(t, {{"a.md", "a stamped\n"}});
    Status s = checkout(t, m, {"a.md"});
    ASSERT_TRUE(s.has_value()) << s.error().describe();
    struct stat st {};
    ASSERT_EQ(::stat((t.root() + "/.git/index").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0664u);
}

TEST(WorkTree, ASplitIndexIsRefusedBeforeTheCommit) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("import");
    t.git("update-index --split-index");
    auto r = Repository::discover(t.root());
    auto d = r->dirty_paths(*r->tip("refs/heads/main"), {"a.md"});
    ASSERT_FALSE(d.has_value());
    EXPECT_EQ(d.error().headline(),
              t.root() +
                  "/.git/index: git's index is a split index (extension 'link'), which "
                  "archtag cannot update (`git config core.splitIndex false` and then `git "
                  "update-index --no-split-index` make it a plain one)");
}

TEST(WorkTree, ALockedIndexIsWaitedForThenReported) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("import");
    Moved m = commit_behind_the_index(t, {{"a.md", "a stamped\n"}});
    t.write(".git/index.lock", "");
    Status s = checkout(t, m, {"a.md"});
    ASSERT_FALSE(s.has_value());
    EXPECT_EQ(s.error().headline(),
              t.root() +
                  "/.git/index.lock: the commit was made, but the work tree was not "
                  "updated: git's index is locked (waited 2 s): another git command is "
                  "running, or one stopped and left this file behind; remove it if no git "
                  "command is running");
    EXPECT_EQ(t.read("a.md"), "a\n");
    EXPECT_EQ(t.read(".git/index.lock"), "");  // not ours to remove
}

// What a killed update did counts as done: a file rewritten before the kill
// gets its entry, an entry already patched is left; a file nobody touched
// is rewritten as usual.
TEST(WorkTree, ACheckoutFinishesWhatAKilledOneStarted) {
    TempRepo t;
    for (const char* name : {"a", "b", "c"})
        t.write(std::string(name) + ".md", std::string(name) + "\n");
    t.commit_all("import");
    Moved m = commit_behind_the_index(
        t, {{"a.md", "a stamped\n"}, {"b.md", "b stamped\n"}, {"c.md", "c stamped\n"}});
    t.write("a.md", "a stamped\n");  // rewritten, entry not patched
    std::string c_blob = trimmed(t.git("rev-parse main:c.md"));
    t.write("c.md", "c stamped\n");
    t.git("update-index --cacheinfo 100644," + c_blob + ",c.md");  // both done
    Status s = checkout(t, m, {"a.md", "b.md", "c.md"});
    ASSERT_TRUE(s.has_value()) << s.error().describe();
    EXPECT_EQ(t.read("b.md"), "b stamped\n");
    EXPECT_EQ(t.git("status --porcelain"), "");
    EXPECT_EQ(t.git("diff-index --cached HEAD"), "");
}

// A temporary file a killed run left beside an article is replaced, then
// renamed over it: nothing is left in the work tree.
TEST(WorkTree, ATemporaryFileLeftByAKilledRunIsReplaced) {
    TempRepo t;
    t.write("laist/a.md", "a\n");
    t.commit_all("import");
    Moved m = commit_behind_the_index(t, {{"laist/a.md", "a stamped\n"}});
    t.write("laist/a.md.archtag-new", "half written");
    Status s = checkout(t, m, {"laist/a.md"});
    ASSERT_TRUE(s.has_value()) << s.error().describe();
    EXPECT_EQ(t.read("laist/a.md"), "a stamped\n");
    EXPECT_EQ(t.git("status --porcelain --untracked-files=all --ignored"), "");
}

TEST(WorkTree, ANotedCheckoutIsReadBackUntilForgotten) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.write("b.md", "b\n");
    t.commit_all("import");
    Moved m = commit_behind_the_index(t, {{"b.md", "b stamped\n"}});
    auto r = Repository::discover(t.root());
    ASSERT_TRUE(r.has_value());
    auto none = r->noted_checkout();
    ASSERT_TRUE(none.has_value()) << none.error().describe();
    EXPECT_FALSE(none->has_value());
    ASSERT_TRUE(r->note_checkout({"refs/heads/main", m.from, m.to}).has_value());
    auto noted = r->noted_checkout();
    ASSERT_TRUE(noted.has_value() && noted->has_value());
    EXPECT_EQ((*noted)->branch, "refs/heads/main");
    EXPECT_EQ((*noted)->from, m.from);
    EXPECT_EQ((*noted)->to, m.to);
    auto changed = r->changed_files(m.from, m.to);
    ASSERT_TRUE(changed.has_value()) << changed.error().describe();
    EXPECT_EQ(*changed, std::vector<std::string>{"b.md"});
    t.write("b.md.archtag-new", "left by a kill");
    r->remove_work_temps(*changed);
    EXPECT_EQ(t.sh("ls b.md.archtag-new 2>/dev/null || echo gone"), "gone\n");
    r->forget_checkout();
    EXPECT_FALSE(r->noted_checkout()->has_value());
    t.write(".git/archtag/checkout", "archtag-checkout 1\nbranch main\nfrom 12\nto 34\n");
    auto bad = r->noted_checkout();
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().headline(),
              t.root() + "/.git/archtag/checkout: is not a note archtag wrote (remove it)");
}

}  // namespace archtag::repo
