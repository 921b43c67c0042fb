// `sweep --commit` and `unstamp --commit` on git repositories made by the
// tests with the git command line: one commit that differs only in the
// stamped files, bare repositories, the work tree of a checked-out branch,
// what cannot be stamped, and byte paths. (The compare-and-swap against a
// concurrent push is tested in process in src/repo/land_test.cc.)
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

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

const std::string k_recent_story =
    "---\ntitle: Tamale season\ndate: 2026-11-20\npublication: LAist\n---\nLines again.\n";

const std::string k_main = "refs/heads/main";

std::vector<std::string> data_args() {
    return {"--as-of", "2026-11-23",           "--policy", source_dir() + "/policies/laist.xml",
            "--rules", source_dir() + "/rules"};
}

std::vector<std::string> sweep(const std::string& archive, std::vector<std::string> extra = {},
                               const std::string& command = "sweep") {
    std::vector<std::string> args{command, archive, "--commit"};
    for (const auto& list : {data_args(), extra})
        args.insert(args.end(), list.begin(), list.end());
    return args;
}

class Git : public ::testing::Test {
  protected:
    // Identities come from the test repositories' config, not from whoever runs the tests.
    void SetUp() override {
        for (const char* name :
             {"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL",
              "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"})
            unsetenv(name);
    }
};

}  // namespace

TEST_F(Git, CommitDiffersOnlyInStampedFilesAndKeepsModes) {
    GitArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_old_story);
    a.write("laist/obama-sony-again.md", k_old_story);
    a.write("laist/2026-11-20-tamales.md", k_recent_story);
    a.write("notes.txt", "not an article\n");
    sh("chmod +x laist/obama-sony-again.md", a.root());
    a.commit();
    std::string before = a.head();

    Outcome r = archtag(sweep(a.root()), a.root());
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_EQ(a.git("rev-parse HEAD~1"), before);
    EXPECT_EQ(a.git("diff --name-only HEAD~1 HEAD"),
              "laist/2014-12-19-obama-sony.md\nlaist/obama-sony-again.md\n");
    EXPECT_EQ(a.git("ls-tree HEAD laist/obama-sony-again.md").substr(0, 6), "100755");
    // The same bytes as a folder sweep writes.
    expect_golden("e2e/gothamist-stamped.md", a.git("show HEAD:laist/2014-12-19-obama-sony.md"));
    // The checked-out branch's work tree and index follow the commit.
    EXPECT_EQ(a.read("laist/2014-12-19-obama-sony.md"),
              a.git("show HEAD:laist/2014-12-19-obama-sony.md"));
    EXPECT_EQ(a.git("status --porcelain"), "");
    std::string id = a.head().substr(0, 40);
    EXPECT_NE(r.out.find("\nChanged:\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Committed " + id + " on refs/heads/main.\n"), std::string::npos) << r.out;
}

TEST_F(Git, CommitMessageAuthorAndReflog) {
    GitArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_old_story);
    a.write("laist/2026-11-20-tamales.md", k_recent_story);
    a.commit();
    Outcome r =
        archtag(sweep(a.root(), {"--author", "Ed Itor <ed@example.com>", "--signoff"}), a.root());
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    std::string message = a.git("log -1 --format=%B");
    // The policy digest changes with policies/laist.xml: keep it out of the golden file.
    std::size_t at = message.find("Archtag-Policy: laist@");
    ASSERT_NE(at, std::string::npos) << message;
    message.replace(at + 22, 16, "<digest>");
    expect_golden("e2e/git/commit-message.txt", message);
    EXPECT_EQ(a.git("log -1 --format='%an <%ae>|%cn <%ce>'"),
              "Ed Itor <ed@example.com>|Desk Editor <desk@example.com>\n");
    std::string subject = a.git("log -1 --format=%s");
    EXPECT_EQ(
        a.git("reflog show -1 --format='%gs|%gn' main"),
        "archtag sweep --commit: " + subject.substr(0, subject.size() - 1) + "|Desk Editor\n");
}

TEST_F(Git, SecondSweepHasNothingToCommit) {
    GitArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_old_story);
    a.commit();
    ASSERT_EQ(archtag(sweep(a.root()), a.root()).code, 0);
    std::string after_first = a.head();
    Outcome second = archtag(sweep(a.root()), a.root());
    EXPECT_EQ(second.code, 0) << second.err;
    EXPECT_NE(second.out.find("Nothing to commit: refs/heads/main is unchanged.\n"),
              std::string::npos)
        << second.out;
    EXPECT_EQ(a.head(), after_first);
}

TEST_F(Git, BareRepositoryIsSweptWithoutAWorkTree) {
    GitArchive source;
    source.write("laist/2014-12-19-obama-sony.md", k_old_story);
    source.commit();
    TempArchive bare;
    sh("git clone -q --bare '" + source.root() + "' '" + bare.root() + "/archive.git'",
       bare.root());
    std::string git_dir = bare.path("archive.git");
    std::string files_before = sh("find . | sort", git_dir);

    Outcome r = archtag(sweep(git_dir), bare.root());
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_EQ(sh("git diff --name-only HEAD~1 HEAD", git_dir), "laist/2014-12-19-obama-sony.md\n");
    EXPECT_EQ(sh("find . -name '*.md'", git_dir), "");  // no work tree was written
    expect_golden("e2e/gothamist-stamped.md",
                  sh("git show HEAD:laist/2014-12-19-obama-sony.md", git_dir));
    EXPECT_EQ(source.read("laist/2014-12-19-obama-sony.md"), k_old_story);
}

TEST_F(Git, ABareRepositoryHonoursTheGitattributesOfTheSweptCommit) {
    GitArchive source;
    source.write("laist/2014-12-19-obama-sony.md", k_old_story);
    source.write("legacy/2014-12-19-obama-sony.md", k_old_story);
    source.write(".gitattributes", "legacy/** binary\n");
    source.commit();
    TempArchive bare;
    sh("git clone -q --bare '" + source.root() + "' '" + bare.root() + "/archive.git'",
       bare.root());
    std::string git_dir = bare.path("archive.git");

    Outcome r = archtag(sweep(git_dir), bare.root());
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_EQ(sh("git diff --name-only HEAD~1 HEAD", git_dir), "laist/2014-12-19-obama-sony.md\n");
    EXPECT_NE(r.out.find("  legacy/2014-12-19-obama-sony.md: warning binary: binary by the "
                         "repository's .gitattributes; not stamped\n"),
              std::string::npos)
        << r.out;
}

TEST_F(Git, AGitattributesFileInAFolderOrOutsideTheTreeMarksArticlesBinary) {
    GitArchive a;
    for (const char* p : {"laist/2014-12-19-obama-sony.md", "legacy/old/2014-12-19-obama-sony.md",
                          "legacy/2014-12-19-obama-sony.md", "wire/2014-12-19-obama-sony.md"})
        a.write(p, k_old_story);
    a.write("legacy/old/.gitattributes", "*.md binary\n");
    a.write("attributes", "wire/** -diff\n");
    a.commit();
    a.git("config core.attributesFile \"$PWD/attributes\"");

    Outcome r = archtag(sweep(a.root()), a.root());
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_EQ(a.git("diff --name-only HEAD~1 HEAD"),
              "laist/2014-12-19-obama-sony.md\nlegacy/2014-12-19-obama-sony.md\n");
    for (const char* p : {"legacy/old/2014-12-19-obama-sony.md", "wire/2014-12-19-obama-sony.md"})
        EXPECT_NE(r.out.find(std::string("  ") + p +
                             ": warning binary: binary by the repository's "
                             ".gitattributes; not stamped\n"),
                  std::string::npos)
            << p << "\n"
            << r.out;
}

TEST_F(Git, ManyNewBlobsGoIntoPacksNotLooseObjects) {
    GitArchive a;
    for (int i = 0; i < 150; ++i)
        a.write("laist/2014/story-" + std::to_string(i) + ".md", k_old_story + std::to_string(i));
    a.commit();
    a.git("repack -adq");  // the import itself leaves nothing loose
    Outcome r =
        archtag(sweep(a.root(), {"--format", "json", "-o", a.path("../report.json")}), a.root());
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_EQ(a.git("diff --name-only HEAD~1 HEAD | wc -l"), "150\n");
    // The commit and its trees are loose; none of the 150 new blobs is.
    std::string loose_blobs = a.git(
        "count-objects -v >/dev/null; find .git/objects -path '*/[0-9a-f][0-9a-f]/*' -type f | "
        "sed 's#.git/objects/\\(..\\)/#\\1#' | git cat-file --batch-check='%(objecttype)' | "
        "grep -c blob || true");
    EXPECT_EQ(loose_blobs, "0\n");
    EXPECT_EQ(a.git("fsck --strict 2>&1"), "");
    std::string report = read_file_or_empty(a.path("../report.json"));
    EXPECT_NE(report.find("\"pending\": 150"), std::string::npos) << report.substr(0, 400);
}

TEST_F(Git, AnotherBranchLeavesHeadAndWorkTreeAlone) {
    GitArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_old_story);
    a.commit();
    a.git("branch published");
    std::string head = a.head();
    Outcome r = archtag(sweep(a.root(), {"--branch", "published"}), a.root());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(a.head(), head);
    EXPECT_EQ(a.git("rev-parse published~1"), head);
    EXPECT_EQ(a.read("laist/2014-12-19-obama-sony.md"), k_old_story);
    EXPECT_EQ(a.git("status --porcelain"), "");
}

TEST_F(Git, DirtyArticlesAreNamedAndRefusedUnlessSkipped) {
    GitArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_old_story);
    a.write("laist/obama-sony-again.md", k_old_story);
    a.commit();
    std::string head = a.head();
    a.write("laist/2014-12-19-obama-sony.md", k_old_story + "An editor's unsaved line.\n");
    Outcome refused = archtag(sweep(a.root()), a.root());
    EXPECT_EQ(refused.code, 2);
    EXPECT_EQ(refused.err,
              "archtag: " + a.root() +
                  ": refusing to commit: 1 article to stamp has uncommitted changes: "
                  "laist/2014-12-19-obama-sony.md (commit or stash them, or pass --skip-dirty to "
                  "leave them out)\n");
    EXPECT_EQ(a.head(), head);

    Outcome skipped = archtag(sweep(a.root(), {"--skip-dirty"}), a.root());
    EXPECT_EQ(skipped.code, 0) << skipped.err;
    EXPECT_EQ(a.git("diff --name-only HEAD~1 HEAD"), "laist/obama-sony-again.md\n");
    EXPECT_NE(skipped.out.find("laist/2014-12-19-obama-sony.md: warning dirty: uncommitted "
                               "changes in the work tree or index; left out of the commit "
                               "(--skip-dirty)"),
              std::string::npos)
        << skipped.out;
    EXPECT_EQ(a.read("laist/2014-12-19-obama-sony.md"),
              k_old_story + "An editor's unsaved line.\n");
    // Left out, it is still to stamp: the next sweep says so again.
    Outcome again = archtag(sweep(a.root(), {"--skip-dirty"}), a.root());
    EXPECT_NE(again.out.find("laist/2014-12-19-obama-sony.md: warning dirty"), std::string::npos)
        << again.out;
}

TEST_F(Git, TheCheckedOutBranchLeavesGitsIndexAsGitWouldWriteIt) {
    GitArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_old_story);
    a.write("laist/2015/obama-sony-again.md", k_old_story);
    a.write("kpcc/unrelated.txt", "not an article\n");
    a.commit();
    a.git("update-index --index-version 4");
    a.git("config core.untrackedCache true");
    a.write("notes.txt", "untracked\n");
    a.git("status --porcelain");  // records the untracked cache in the index
    Outcome r = archtag(sweep(a.root()), a.root());
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_EQ(a.git("diff --name-only HEAD~1 HEAD"),
              "laist/2014-12-19-obama-sony.md\nlaist/2015/obama-sony-again.md\n");
    EXPECT_EQ(a.git("status --porcelain"), "?? notes.txt\n");
    EXPECT_EQ(a.git("diff-index --cached HEAD"), "");
    EXPECT_EQ(a.read("laist/2015/obama-sony-again.md"),
              a.git("show HEAD:laist/2015/obama-sony-again.md"));
    // git's next commit is built from the index's cache-tree: it must not
    // bring back the unstamped folders.
    a.git("commit -q --allow-empty -m next");
    EXPECT_EQ(a.git("rev-parse HEAD^{tree}"), a.git("rev-parse HEAD~1^{tree}"));
}

TEST_F(Git, ASplitIndexIsRefusedBeforeAnythingIsCommitted) {
    GitArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_old_story);
    a.commit();
    a.git("update-index --split-index");
    std::string head = a.head();
    Outcome r = archtag(sweep(a.root()), a.root());
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "archtag: " + a.root() +
                         "/.git/index: git's index is a split index (extension 'link'), which "
                         "archtag cannot update (`git config core.splitIndex false` and then `git "
                         "update-index --no-split-index` make it a plain one)\n");
    EXPECT_EQ(a.head(), head);
    EXPECT_EQ(a.read("laist/2014-12-19-obama-sony.md"), k_old_story);
}

TEST_F(Git, SymlinksSubmodulesLfsPointersAndBinaryAreReported) {
    GitArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_old_story);
    a.write("laist/lfs.md",
            "version https://git-lfs.github.com/spec/v1\noid sha256:"
            "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n");
    a.write("laist/image.md", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
    a.git("add -A");
    std::string blob = a.git("hash-object -w laist/2014-12-19-obama-sony.md").substr(0, 40);
    a.git("update-index --add --cacheinfo 120000," + blob + ",laist/link.md");
    a.git("update-index --add --cacheinfo 160000," + blob + ",theme");
    a.git("commit -q -m import");

    Outcome r = archtag(sweep(a.root()), a.root());
    EXPECT_EQ(r.code, 0) << r.err << r.out;  // skipped and reported, not an error
    EXPECT_EQ(a.git("diff --name-only HEAD~1 HEAD"), "laist/2014-12-19-obama-sony.md\n");
    for (const char* line :
         {"  laist/link.md: info symlink: a symbolic link in git; not followed, not stamped\n",
          "  theme: info submodule: a git submodule; its articles are not part of this sweep\n",
          "  laist/lfs.md: warning lfs-pointer: a Git LFS pointer: the article itself is not in "
          "git; not stamped\n",
          "  laist/image.md: warning binary: binary content (a NUL byte in its first 8,000 "
          "bytes); not stamped\n"})
        EXPECT_NE(r.out.find(line), std::string::npos) << line << "\n" << r.out;
}

TEST_F(Git, PathsAreBytesNotAlwaysUtf8) {
    GitArchive a;
    const std::string latin1 = "laist/2014-12-19-caf\xe9.md";
    a.write(latin1, k_old_story);
    a.commit();
    Outcome r = archtag(sweep(a.root()), a.root());
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_EQ(a.git("-c core.quotepath=false diff --name-only -z HEAD~1 HEAD"),
              latin1 + std::string(1, '\0'));
    EXPECT_EQ(a.read(latin1), a.git("-c core.quotepath=false show 'HEAD:" + latin1 + "'"));
    EXPECT_NE(r.out.find("  " + latin1 + "\n"), std::string::npos) << r.out;
}

TEST_F(Git, UnstampCommitRestoresTheOriginalTree) {
    GitArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_old_story);
    a.commit();
    ASSERT_EQ(archtag(sweep(a.root()), a.root()).code, 0);
    Outcome r = archtag(sweep(a.root(), {}, "unstamp"), a.root());
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_EQ(a.git("diff HEAD~2 HEAD"), "");
    EXPECT_EQ(a.git("log -1 --format=%s").rfind("Unstamp ", 0), 0u);
    EXPECT_EQ(a.read("laist/2014-12-19-obama-sony.md"), k_old_story);
}

TEST_F(Git, UsageErrors) {
    TempArchive plain;
    plain.write("a.md", k_old_story);
    Outcome r = archtag(sweep(plain.root()), plain.root());
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err,
              "archtag: " + plain.root() + ": not in a git repository (--commit needs one)\n");

    GitArchive a;
    a.write("a.md", k_old_story);
    a.commit();
    a.git("checkout -q --detach");
    Outcome detached = archtag(sweep(a.root()), a.root());
    EXPECT_EQ(detached.code, 2);
    EXPECT_EQ(detached.err, "archtag: " + a.root() +
                                "/.git: HEAD is detached, so there is no branch to commit to "
                                "(name one with --branch)\n");
    Outcome author = archtag(sweep(a.root(), {"--branch", "main", "--author", "Ed"}), a.root());
    EXPECT_EQ(author.code, 2);
    EXPECT_EQ(author.err,
              "archtag: --author: 'Ed' is not an identity (expected \"Name <email>\")\n");
    Outcome branch = archtag(sweep(a.root(), {"--branch", "mian"}), a.root());
    EXPECT_EQ(branch.code, 2);
    EXPECT_EQ(branch.err, "archtag: " + a.root() +
                              "/.git: no local branch 'mian' (expected a name such as main)\n");
}

}  // namespace archtag::e2e
