// Incremental git sweeps: the cache under the git directory that spares a
// repeated `sweep --commit` from reading unchanged articles again, and
// `--since REF`, which limits a sweep to the articles changed since REF.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "e2e/harness.h"

namespace archtag::e2e {

namespace {

const std::string k_old_story =
    "---\ntitle: Obama and Sony\ndate: 2014-12-19 13:05:00 -0800\npublication: LAist\n---\n"
    "President Barack Obama announced today that North Korea is behind the attack.\n";

std::string recent_story(const std::string& title) {
    return "---\ntitle: " + title + "\ndate: 2026-11-20\npublication: LAist\n---\nLines again.\n";
}

// Younger than the policy's one-year minimum until 2026-11-20 in Los Angeles.
const std::string k_almost_a_year =
    "---\ntitle: Last year's tamales\ndate: 2025-11-20\npublication: LAist\n---\nLines.\n";

std::vector<std::string> sweep(const std::string& archive, const std::string& as_of,
                               std::vector<std::string> extra = {},
                               const std::string& policy = source_dir() + "/policies/laist.xml") {
    std::vector<std::string> args{"sweep",    archive, "--as-of", as_of,
                                  "--policy", policy,  "--rules", source_dir() + "/rules"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

std::vector<std::string> commit_verbose(const std::string& archive, const std::string& as_of,
                                        std::vector<std::string> extra = {}) {
    extra.insert(extra.begin(), {"--commit", "--verbose"});
    return sweep(archive, as_of, extra);
}

class GitIncremental : public ::testing::Test {
  protected:
    void SetUp() override {
        for (const char* name :
             {"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL",
              "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"})
            unsetenv(name);
    }
};

}  // namespace

TEST_F(GitIncremental, ARepeatedSweepReadsOnlyChangedBlobs) {
    GitArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_old_story);
    a.write("laist/tamales.md", recent_story("Tamale season"));
    a.write("laist/lines.md", recent_story("Lines"));
    a.commit();

    Outcome first = archtag(commit_verbose(a.root(), "2026-11-23"), a.root());
    ASSERT_EQ(first.code, 0) << first.err << first.out;
    EXPECT_EQ(first.err, "archtag: read 3 of 3 articles (0 unchanged since the last sweep)\n");
    EXPECT_EQ(a.git("diff --name-only HEAD~1 HEAD"), "laist/2014-12-19-obama-sony.md\n");
    // The stamped article is a new blob, remembered from the check that read
    // it before the commit: not read again, and the commit's tree is in the
    // memo (the cache file is left as it is).
    std::string after_commit = sh("stat -c %i .git/archtag/cache-v3", a.root());
    Outcome second = archtag(commit_verbose(a.root(), "2026-11-23"), a.root());
    EXPECT_EQ(sh("stat -c %i .git/archtag/cache-v3", a.root()), after_commit);
    EXPECT_EQ(second.err, "archtag: read 0 of 3 articles (3 unchanged since the last sweep)\n");
    EXPECT_NE(second.out.find("Nothing to commit"), std::string::npos) << second.out;

    a.write("laist/lines.md", recent_story("Longer lines"));
    a.commit("edit");
    Outcome edited = archtag(commit_verbose(a.root(), "2026-11-23"), a.root());
    EXPECT_EQ(edited.err, "archtag: read 1 of 3 articles (2 unchanged since the last sweep)\n");
    // The cache is in the git directory, never in the work tree.
    EXPECT_EQ(a.git("status --porcelain --ignored"), "");
    EXPECT_EQ(sh("test -s .git/archtag/cache-v3 && echo kept", a.root()), "kept\n");
}

TEST_F(GitIncremental, RememberedArticlesAreReportedAsIfRead) {
    GitArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_old_story);
    a.write("laist/tamales.md", recent_story("Tamale season"));
    a.write("laist/undated.md", "---\ntitle: No date\npublication: LAist\n---\nText.\n");
    a.write("laist/page.html",
            "<html><head><title>Old page</title>"
            "<meta property=\"article:published_time\" content=\"2012-03-04T10:00:00-08:00\">"
            "</head><body><article><p>Text.</p></article></body></html>\n");
    a.commit();
    // Two stamped (the story and the page), remembered as the commit's check
    // read them: reported exactly as a reading of the committed files.
    ASSERT_EQ(archtag(commit_verbose(a.root(), "2026-11-23"), a.root()).code, 0);
    EXPECT_EQ(a.git("diff --name-only HEAD~1 HEAD"),
              "laist/2014-12-19-obama-sony.md\nlaist/page.html\n");
    for (const char* format : {"json", "text", "csv", "sarif"}) {
        Outcome cached =
            archtag(commit_verbose(a.root(), "2026-11-23", {"--format", format}), a.root());
        Outcome read = archtag(
            commit_verbose(a.root(), "2026-11-23", {"--format", format, "--no-cache"}), a.root());
        EXPECT_EQ(cached.err, "archtag: read 0 of 4 articles (4 unchanged since the last sweep)\n");
        EXPECT_EQ(read.err, "archtag: read 4 of 4 articles (0 unchanged since the last sweep)\n");
        EXPECT_EQ(cached.code, read.code);
        EXPECT_EQ(cached.out, read.out) << format;
    }
}

// The cache file's inode: a sweep that rewrites the cache renames a new file
// into place; one that answers from the memo leaves it alone.
std::string cache_inode(const GitArchive& a) {
    return sh("stat -c %i .git/archtag/cache-v3", a.root());
}

TEST_F(GitIncremental, ANoOpSweepOfTheSameTreeIsAnsweredByTheCacheAlone) {
    GitArchive a;
    a.write("laist/tamales.md", recent_story("Tamale season"));
    a.write("laist/sub/lines.md", recent_story("Lines"));
    a.write("laist/undated.md", "---\ntitle: No date\npublication: LAist\n---\nText.\n");
    a.commit();
    ASSERT_EQ(archtag(commit_verbose(a.root(), "2026-11-23"), a.root()).code, 0);
    std::string written = cache_inode(a);
    for (const char* format : {"json", "text", "csv"}) {
        Outcome memo =
            archtag(commit_verbose(a.root(), "2026-11-23", {"--format", format}), a.root());
        Outcome read = archtag(
            commit_verbose(a.root(), "2026-11-23", {"--format", format, "--no-cache"}), a.root());
        EXPECT_EQ(memo.err, "archtag: read 0 of 3 articles (3 unchanged since the last sweep)\n");
        EXPECT_EQ(memo.out, read.out) << format;
    }
    EXPECT_EQ(cache_inode(a), written);

    // An earlier as-of date than the entries were decided for: read again.
    EXPECT_EQ(archtag(commit_verbose(a.root(), "2026-11-01"), a.root()).err,
              "archtag: read 3 of 3 articles (0 unchanged since the last sweep)\n");
    ASSERT_EQ(archtag(commit_verbose(a.root(), "2026-11-23"), a.root()).code, 0);
    written = cache_inode(a);

    // A folder of the archive is another scope: walked, and only its article.
    Outcome sub = archtag(
        commit_verbose(a.root() + "/laist/sub", "2026-11-23", {"--format", "csv"}), a.root());
    EXPECT_EQ(sub.out.find("tamales"), std::string::npos) << sub.out;
    EXPECT_NE(sub.out.find("lines.md"), std::string::npos) << sub.out;
    EXPECT_NE(cache_inode(a), written);
    ASSERT_EQ(archtag(commit_verbose(a.root(), "2026-11-23"), a.root()).code, 0);
    written = cache_inode(a);

    // Another tree: walked, and only the new article read.
    a.write("laist/new.md", recent_story("New"));
    a.commit("new");
    EXPECT_EQ(archtag(commit_verbose(a.root(), "2026-11-23"), a.root()).err,
              "archtag: read 1 of 4 articles (3 unchanged since the last sweep)\n");
    EXPECT_NE(cache_inode(a), written);
}

TEST_F(GitIncremental, AttributesOutsideTheTreeInvalidateTheCache) {
    GitArchive a;
    a.write("laist/tamales.md", recent_story("Tamale season"));
    a.commit();
    ASSERT_EQ(archtag(commit_verbose(a.root(), "2026-11-23"), a.root()).code, 0);
    sh("mkdir -p .git/info && echo '*.md binary' > .git/info/attributes", a.root());
    Outcome r = archtag(commit_verbose(a.root(), "2026-11-23"), a.root());
    EXPECT_EQ(r.err, "archtag: read 1 of 1 article (0 unchanged since the last sweep)\n");
    EXPECT_NE(r.out.find("binary by the repository's .gitattributes"), std::string::npos) << r.out;
}

TEST_F(GitIncremental, ADamagedEntryFoundByTheMemoFailsTheSweepAndIsRemoved) {
    GitArchive a;
    a.write("laist/tamales.md", recent_story("Tamale season"));
    a.commit();
    ASSERT_EQ(archtag(commit_verbose(a.root(), "2026-11-23"), a.root()).code, 0);
    // Framing intact, a number inside an entry no number: only a reading
    // of the entries finds it.
    std::string file = a.root() + "/.git/archtag/cache-v3";
    std::string bytes = read_file_or_empty(file);
    std::size_t at = bytes.find(",10:17");
    ASSERT_NE(at, std::string::npos);
    bytes[at + 4] = 'x';
    a.write(".git/archtag/cache-v3", bytes);
    Outcome r = archtag(commit_verbose(a.root(), "2026-11-23"), a.root());
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find(file + ": the sweep cache was damaged and is removed"), std::string::npos)
        << r.err;
    EXPECT_EQ(sh("test -e .git/archtag/cache-v3 || echo gone", a.root()), "gone\n");
    EXPECT_EQ(archtag(commit_verbose(a.root(), "2026-11-23"), a.root()).err,
              "archtag: read 1 of 1 article (0 unchanged since the last sweep)\n");
}

TEST_F(GitIncremental, AStampThatWouldMakeTheFileBinaryIsRefused) {
    GitArchive a;
    a.write("laist/story.md", k_old_story);
    a.commit();
    ASSERT_EQ(archtag(commit_verbose(a.root(), "2026-11-23"), a.root()).code, 0);
    // Redated after the acquisition, its archival stamp would be taken out
    // again, pulling a NUL byte from past the first 8,000 bytes into them:
    // the result would read as binary, so the plan check refuses it.
    std::string redated = a.read("laist/story.md");
    const std::string date = "date: 2014-12-19 13:05:00 -0800";
    redated.replace(redated.find(date), date.size(), "date: 2019-06-01 10:00:00 -0700");
    redated += std::string(8050 - redated.size(), 'x') + std::string(1, '\0') + "\n";
    a.write("laist/story.md", redated);
    a.commit("redated");
    std::string head = a.head();
    Outcome r = archtag(commit_verbose(a.root(), "2026-11-23"), a.root());
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("laist/story.md: archtag cannot stamp this file"), std::string::npos)
        << r.out;
    EXPECT_EQ(a.head(), head);
    EXPECT_EQ(a.read("laist/story.md"), redated);
}

TEST_F(GitIncremental, NoMemoWhileAnArticleIsOnlyReported) {
    GitArchive a;
    a.write("laist/tamales.md", recent_story("Tamale season"));
    a.write("laist/broken.md", "---\ntitle: [unclosed\n---\nText.\n");
    a.commit();
    archtag(commit_verbose(a.root(), "2026-11-23"), a.root());
    std::string written = cache_inode(a);
    Outcome again = archtag(commit_verbose(a.root(), "2026-11-23"), a.root());
    EXPECT_EQ(again.err, "archtag: read 1 of 2 articles (1 unchanged since the last sweep)\n");
    EXPECT_NE(cache_inode(a), written);
}

TEST_F(GitIncremental, AnAnniversaryForcesARead) {
    GitArchive a;
    a.write("laist/tamales.md", k_almost_a_year);
    a.commit();
    Outcome before = archtag(commit_verbose(a.root(), "2026-11-19"), a.root());
    ASSERT_EQ(before.code, 0) << before.err;
    EXPECT_NE(before.out.find("Nothing to commit"), std::string::npos) << before.out;
    Outcome again = archtag(commit_verbose(a.root(), "2026-11-19T23:59:59-08:00"), a.root());
    EXPECT_EQ(again.err, "archtag: read 0 of 1 article (1 unchanged since the last sweep)\n");
    Outcome birthday = archtag(commit_verbose(a.root(), "2026-11-20"), a.root());
    ASSERT_EQ(birthday.code, 0) << birthday.err;
    EXPECT_EQ(birthday.err, "archtag: read 1 of 1 article (0 unchanged since the last sweep)\n");
    EXPECT_NE(a.git("show HEAD:laist/tamales.md").find("This article is more than 1 year old"),
              std::string::npos);
}

TEST_F(GitIncremental, APolicyChangeInvalidatesEverything) {
    GitArchive a;
    a.write("laist/tamales.md", recent_story("Tamale season"));
    a.write("laist/lines.md", recent_story("Lines"));
    a.commit();
    TempArchive data;
    std::string policy = read_file_or_empty(source_dir() + "/policies/laist.xml");
    data.write("laist.xml", policy);
    auto run = [&] {
        return archtag(sweep(a.root(), "2026-11-23", {"--commit", "-v"}, data.path("laist.xml")),
                       a.root());
    };
    EXPECT_EQ(run().err, "archtag: read 2 of 2 articles (0 unchanged since the last sweep)\n");
    EXPECT_EQ(run().err, "archtag: read 0 of 2 articles (2 unchanged since the last sweep)\n");
    data.write("laist.xml", policy + "<!-- edited -->\n");
    EXPECT_EQ(run().err, "archtag: read 2 of 2 articles (0 unchanged since the last sweep)\n");
}

TEST_F(GitIncremental, ADamagedCacheIsIgnoredWithANote) {
    GitArchive a;
    a.write("laist/tamales.md", recent_story("Tamale season"));
    a.commit();
    ASSERT_EQ(archtag(commit_verbose(a.root(), "2026-11-23"), a.root()).code, 0);
    sh("printf 'archtag-cache 3\\n99:short,' > .git/archtag/cache-v3", a.root());
    Outcome r = archtag(commit_verbose(a.root(), "2026-11-23"), a.root());
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.err, "archtag: note: " + a.root() +
                         "/.git/archtag/cache-v3: ignored (every article is read again): an "
                         "entry runs past the end of the file\n"
                         "archtag: read 1 of 1 article (0 unchanged since the last sweep)\n");
    // Rewritten whole: the next sweep uses it again.
    EXPECT_EQ(archtag(commit_verbose(a.root(), "2026-11-23"), a.root()).err,
              "archtag: read 0 of 1 article (1 unchanged since the last sweep)\n");
}

TEST_F(GitIncremental, SinceComparesTheTwoTreesPathByPath) {
    GitArchive a;
    for (const char* path : {"laist/a/x.md", "laist/a/y.md", "laist/b/z.md", "laist/c.md"})
        a.write(path, recent_story(path));
    a.commit();
    std::string base = a.head().substr(0, 40);
    a.write("laist/a/y.md", recent_story("edited"));
    sh("chmod +x laist/b/z.md", a.root());
    a.write("laist/a-b.md", recent_story("between a/ and b/"));  // '-' sorts before '/'
    a.write("laist/a0.md", recent_story("after a/"));            // '0' sorts after '/'
    a.commit("edit, chmod, add");
    Outcome r =
        archtag(sweep(a.root(), "2026-11-23", {"--since", base, "--format", "csv"}), a.root());
    ASSERT_EQ(r.code, 0) << r.err;
    std::vector<std::string> paths;
    for (const char* path : {"laist/a-b.md", "laist/a/x.md", "laist/a/y.md", "laist/a0.md",
                             "laist/b/z.md", "laist/c.md"})
        if (r.out.find(path) != std::string::npos)
            paths.push_back(path);
    EXPECT_EQ(paths, (std::vector<std::string>{"laist/a-b.md", "laist/a/y.md", "laist/a0.md",
                                               "laist/b/z.md"}))
        << r.out;
}

TEST_F(GitIncremental, SinceLimitsTheSweepToChangedArticles) {
    GitArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_old_story);
    a.write("laist/old-again.md", k_old_story);
    a.commit();
    std::string base = a.head().substr(0, 40);
    a.write("laist/renamed-old.md", k_old_story + "More.\n");
    a.git("rm -q laist/old-again.md");
    a.commit("rename and edit");
    std::string tip = a.head();

    Outcome dry =
        archtag(sweep(a.root(), "2026-11-23", {"--since", base, "--format", "json"}), a.root());
    ASSERT_EQ(dry.code, 0) << dry.err;
    EXPECT_NE(dry.out.find("\"path\": \"laist/renamed-old.md\""), std::string::npos) << dry.out;
    EXPECT_EQ(dry.out.find("obama-sony"), std::string::npos) << dry.out;
    EXPECT_EQ(a.head(), tip);
    EXPECT_EQ(a.git("status --porcelain"), "");

    Outcome r = archtag(sweep(a.root(), "2026-11-23", {"--commit", "--since", base}), a.root());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(a.git("diff --name-only HEAD~1 HEAD"), "laist/renamed-old.md\n");

    Outcome bad = archtag(sweep(a.root(), "2026-11-23", {"--since", "no-such-ref"}), a.root());
    EXPECT_EQ(bad.code, 2);
    EXPECT_EQ(bad.err, "archtag: " + a.root() +
                           "/.git: 'no-such-ref' names no commit (expected a branch, tag or "
                           "commit id)\n");
}

}  // namespace archtag::e2e

namespace archtag::e2e {

TEST_F(GitIncremental, UndatedArticlesTakeTheirFirstCommitsDateWhenThePolicySaysSo) {
    GitArchive a;
    const std::string undated =
        "---\ntitle: Undated but old\npublication: LAist\n---\nWritten long ago, never dated.\n"
        "A second line so that a rename is recognised as one.\n";
    a.write("laist/undated.md", undated);
    a.git("add -A");
    a.git("commit -q -m import --date='2015-03-01T10:00:00+01:00'");
    a.git("mv laist/undated.md laist/moved.md");
    a.git("commit -q -m move --date='2020-01-01T10:00:00+00:00'");
    TempArchive data;
    std::string policy = read_file_or_empty(source_dir() + "/policies/laist.xml");
    policy.replace(policy.rfind("</policy>"), 9, "<dates from-git-history=\"yes\"/>\n</policy>");
    data.write("laist.xml", policy);

    Outcome folder = archtag(
        sweep(a.root(), "2026-11-23", {"--format", "json"}, data.path("laist.xml")), a.root());
    EXPECT_NE(folder.out.find("\"code\": \"no-date\""), std::string::npos) << folder.out;
    // Nor does a git sweep whose policy does not say from-git-history="yes".
    Outcome plain =
        archtag(sweep(a.root(), "2026-11-23", {"--since", "HEAD~1", "--format", "json"}), a.root());
    EXPECT_NE(plain.out.find("\"path\": \"laist/moved.md\""), std::string::npos) << plain.out;
    EXPECT_NE(plain.out.find("\"code\": \"no-date\""), std::string::npos) << plain.out;

    Outcome r = archtag(
        sweep(a.root(), "2026-11-23", {"--commit", "--format", "json"}, data.path("laist.xml")),
        a.root());
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_NE(r.out.find("\"published\": \"2015-03-01T10:00:00+01:00\""), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("\"published_source\": \"git:first-commit\""), std::string::npos);
    EXPECT_NE(r.out.find("\"published_confidence\": \"medium\""), std::string::npos);
    EXPECT_EQ(r.out.find("no-date"), std::string::npos);
    std::string stamped = a.git("show HEAD:laist/moved.md");
    EXPECT_NE(stamped.find("This is an archival story"), std::string::npos) << stamped;
    EXPECT_NE(stamped.find("This article is more than 11 years old"), std::string::npos);
}

}  // namespace archtag::e2e

namespace archtag::e2e {

TEST_F(GitIncremental, OptionMistakes) {
    GitArchive a;
    a.write("laist/tamales.md", recent_story("Tamale season"));
    a.commit();
    Outcome no_cache = archtag(sweep(a.root(), "2026-11-23", {"--no-cache"}), a.root());
    EXPECT_EQ(no_cache.code, 2);
    EXPECT_EQ(no_cache.err, "archtag sweep: --no-cache needs --commit or --since.\n");
    Outcome write =
        archtag(sweep(a.root(), "2026-11-23", {"--since", "HEAD", "--write"}), a.root());
    EXPECT_EQ(write.code, 2);
    EXPECT_EQ(write.err,
              "archtag sweep: --since reads a git branch; it cannot be used with --write.\n");
    Outcome check = archtag({"check", a.root(), "--since", "HEAD"}, a.root());
    EXPECT_EQ(check.code, 2);
    EXPECT_NE(check.err.find("unknown option '--since'"), std::string::npos) << check.err;
}

}  // namespace archtag::e2e

namespace archtag::e2e {

TEST_F(GitIncremental, SignedCommitsVerifyWithSsh) {
    GitArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_old_story);
    a.commit();
    TempArchive keys;
    sh("ssh-keygen -q -t ed25519 -N '' -C desk -f key", keys.root());
    std::string pub = read_file_or_empty(keys.path("key.pub"));
    keys.write("allowed", "desk@example.com " + pub);
    a.git("config gpg.format ssh");
    a.git("config user.signingkey '" + keys.path("key") + "'");
    a.git("config gpg.ssh.allowedSignersFile '" + keys.path("allowed") + "'");

    Outcome r = archtag(sweep(a.root(), "2026-11-23", {"--commit", "--sign"}), a.root());
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_NE(a.git("cat-file commit HEAD").find("gpgsig -----BEGIN SSH SIGNATURE-----"),
              std::string::npos);
    EXPECT_NE(a.git("verify-commit HEAD").find("Good \"git\" signature for desk@example.com"),
              std::string::npos);
}

TEST_F(GitIncremental, SigningProblemsStopTheSweepWithNothingCommitted) {
    GitArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_old_story);
    a.commit();
    std::string head = a.head();
    a.git("config gpg.format ssh");
    Outcome no_key = archtag(sweep(a.root(), "2026-11-23", {"--commit", "--sign"}), a.root());
    EXPECT_EQ(no_key.code, 2);
    EXPECT_EQ(no_key.err,
              "archtag: --sign: gpg.format=ssh needs user.signingkey (the path of a "
              "private key)\n");
    a.git("config user.signingkey /nonexistent/key");
    Outcome bad_key = archtag(sweep(a.root(), "2026-11-23", {"--commit", "--sign"}), a.root());
    EXPECT_EQ(bad_key.code, 2);
    EXPECT_EQ(bad_key.err.rfind("archtag: ssh-keygen could not sign the commit: ", 0), 0u)
        << bad_key.err;
    EXPECT_EQ(a.head(), head);
    Outcome dry = archtag(sweep(a.root(), "2026-11-23", {"--sign"}), a.root());
    EXPECT_EQ(dry.err, "archtag sweep: --sign needs --commit.\n");
}

}  // namespace archtag::e2e

namespace archtag::e2e {

TEST_F(GitIncremental, SignedCommitsVerifyWithGpg) {
    GitArchive a;
    a.write("laist/2014-12-19-obama-sony.md", k_old_story);
    a.commit();
    TempArchive home;
    sh("chmod 700 .", home.root());
    setenv("GNUPGHOME", home.root().c_str(), 1);
    sh("gpg --batch --passphrase '' --quick-gen-key 'Desk Editor <desk@example.com>' ed25519 sign "
       "never",
       home.root());
    Outcome r = archtag(sweep(a.root(), "2026-11-23", {"--commit", "--sign"}), a.root());
    EXPECT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_NE(a.git("cat-file commit HEAD").find("gpgsig -----BEGIN PGP SIGNATURE-----"),
              std::string::npos);
    EXPECT_NE(a.git("verify-commit HEAD")
                  .find("Good signature from \"Desk Editor "
                        "<desk@example.com>\""),
              std::string::npos);
    sh("gpgconf --kill gpg-agent", home.root());
    unsetenv("GNUPGHOME");
}

}  // namespace archtag::e2e
