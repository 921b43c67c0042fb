// staged_files() and restage(), as a pre-commit hook uses them.
#include "repo/index.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>

#include "repo/test_support.h"

namespace archtag::repo {

namespace {

using testing::TempRepo;

std::string line1(const std::string& s) {
    return s.substr(0, s.find('\n'));
}

// Sets an environment variable for the life of the object.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const std::string& value) : m_name(name) {
        if (const char* old = std::getenv(name))
            m_old = old;
        setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (m_old)
            setenv(m_name, m_old->c_str(), 1);
        else
            unsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    const char* m_name;
    std::optional<std::string> m_old;
};

// `git ls-files -s` of the index file `index` (relative to the work tree).
std::string staged_in(const TempRepo& t, const std::string& index) {
    std::string cmd = "cd '" + t.root() + "' && GIT_INDEX_FILE='" + index + "' git ls-files -s";
    FILE* pipe = popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    for (std::size_t n; pipe && (n = fread(buf, 1, sizeof buf, pipe)) > 0;)
        out.append(buf, n);
    if (pipe)
        pclose(pipe);
    return out;
}

std::string staged_blob(const TempRepo& t, const std::string& path) {
    return line1(t.git("rev-parse :" + path));
}

ObjectId write_blob(Repository& r, const std::string& bytes) {
    auto id = r.write_blob(bytes);
    EXPECT_TRUE(id.has_value());
    return *id;
}

std::vector<std::string> paths_of(const std::vector<StagedFile>& files) {
    std::vector<std::string> out;
    for (const StagedFile& f : files)
        out.push_back(f.path);
    return out;
}

}  // namespace

TEST(StagedFiles, ListsAddedAndChangedRegularFilesOnly) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.write("b.md", "b\n");
    t.write("c.md", "c\n");
    t.write("same.md", "same\n");
    t.commit_all("one");
    t.write("a.md", "a changed\n");
    t.git("mv b.md renamed.md");
    t.git("rm -q c.md");
    t.write("new.md", "new\n");
    t.write("run.sh", "#!/bin/sh\n");
    t.git("add -A");
    t.git("update-index --chmod=+x run.sh");
    std::string blob = staged_blob(t, "same.md");
    t.git("update-index --add --cacheinfo 120000," + blob + ",link.md");
    t.git("update-index --add --cacheinfo 160000," + line1(t.git("rev-parse HEAD")) + ",theme");
    t.write("unstaged.md", "not added\n");
    auto r = Repository::discover(t.root());
    ASSERT_TRUE(r.has_value());
    auto staged = staged_files(*r);
    ASSERT_TRUE(staged.has_value()) << staged.error().describe();
    EXPECT_EQ(paths_of(*staged),
              (std::vector<std::string>{"a.md", "new.md", "renamed.md", "run.sh"}));
    for (const StagedFile& f : *staged)
        EXPECT_EQ(f.blob.hex, staged_blob(t, f.path)) << f.path;
}

TEST(StagedFiles, BeforeTheFirstCommitEverythingIsStaged) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.write("dir/b.md", "b\n");
    t.git("add -A");
    auto r = Repository::discover(t.root());
    auto staged = staged_files(*r);
    ASSERT_TRUE(staged.has_value()) << staged.error().describe();
    EXPECT_EQ(paths_of(*staged), (std::vector<std::string>{"a.md", "dir/b.md"}));
}

TEST(StagedFiles, AMissingIndexFileStagesNothing) {
    // libgit2 reads a missing index file as an empty index: every file of
    // HEAD counts as deleted, and deletions are not listed.
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("one");
    ScopedEnv dir("GIT_DIR", t.root() + "/.git");
    ScopedEnv work("GIT_WORK_TREE", t.root());
    ScopedEnv index("GIT_INDEX_FILE", t.root() + "/.git/no-such-index");
    auto r = Repository::open_from_environment();
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    auto staged = staged_files(*r);
    ASSERT_TRUE(staged.has_value()) << staged.error().describe();
    EXPECT_TRUE(staged->empty());
}

TEST(StagedFiles, ADamagedIndexIsAnError) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("one");
    t.write(".git/index", std::string(100, 'x'));
    auto r = Repository::discover(t.root());
    auto staged = staged_files(*r);
    ASSERT_FALSE(staged.has_value());
    EXPECT_EQ(staged.error().headline(),
              r->git_dir() + "/index: not a valid git index: it does not start with \"DIRC\"");
}

TEST(Restage, ReplacesTheStagedBlobAndAWorkTreeFileThatMatchesIt) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.write("b.md", "b\n");
    t.commit_all("one");
    t.write("a.md", "a staged\n");
    t.write("b.md", "b staged\n");
    t.git("add -A");
    t.write("b.md", "b staged, then edited\n");  // unstaged changes: not ours to touch
    auto r = Repository::discover(t.root());
    ObjectId a_old{staged_blob(t, "a.md")}, b_old{staged_blob(t, "b.md")};
    ObjectId a_new = write_blob(*r, "a stamped\n"), b_new = write_blob(*r, "b stamped\n");
    auto done = restage(*r, {{"a.md", a_old, a_new}, {"b.md", b_old, b_new}});
    ASSERT_TRUE(done.has_value()) << done.error().describe();
    EXPECT_EQ(done->work_tree_paths, std::vector<std::string>{"a.md"});
    EXPECT_EQ(staged_blob(t, "a.md"), a_new.hex);
    EXPECT_EQ(staged_blob(t, "b.md"), b_new.hex);
    EXPECT_EQ(t.read("a.md"), "a stamped\n");
    EXPECT_EQ(t.read("b.md"), "b staged, then edited\n");
    EXPECT_EQ(t.git("status --porcelain"), "M  a.md\nMM b.md\n");
    EXPECT_EQ(t.git("diff --name-only"), "b.md\n");  // a.md: stat data cleared, content equal
}

TEST(Restage, WritesTheWorkTreeFileThroughTheRepositorysFilters) {
    TempRepo t;
    t.write(".gitattributes", "*.md text eol=crlf\n");
    t.write("a.md", "a\r\n");
    t.commit_all("one");
    t.write("a.md", "a staged\r\n");
    t.git("add a.md");
    auto r = Repository::discover(t.root());
    ObjectId old_blob{staged_blob(t, "a.md")};
    ObjectId new_blob = write_blob(*r, "a stamped\n");
    auto done = restage(*r, {{"a.md", old_blob, new_blob}});
    ASSERT_TRUE(done.has_value()) << done.error().describe();
    EXPECT_EQ(done->work_tree_paths, std::vector<std::string>{"a.md"});
    EXPECT_EQ(t.read("a.md"), "a stamped\r\n");
    EXPECT_EQ(t.git("status --porcelain"), "M  a.md\n");
}

TEST(Restage, KeepsTheWorkTreeFilesMode) {
    TempRepo t;
    t.write("run.sh", "#!/bin/sh\n");
    t.commit_all("one");
    t.write("run.sh", "#!/bin/sh\necho staged\n");
    std::filesystem::permissions(t.root() + "/run.sh", std::filesystem::perms::owner_exec,
                                 std::filesystem::perm_options::add);
    t.git("add run.sh");
    auto r = Repository::discover(t.root());
    ObjectId old_blob{staged_blob(t, "run.sh")};
    ObjectId new_blob = write_blob(*r, "#!/bin/sh\necho stamped\n");
    ASSERT_TRUE(restage(*r, {{"run.sh", old_blob, new_blob}}).has_value());
    auto perms = std::filesystem::status(t.root() + "/run.sh").permissions();
    EXPECT_NE(perms & std::filesystem::perms::owner_exec, std::filesystem::perms::none);
    EXPECT_EQ(t.git("ls-files -s run.sh").substr(0, 6), "100755");
}

TEST(Restage, AnIndexThatChangedMeanwhileChangesNothing) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.write("b.md", "b\n");
    t.commit_all("one");
    t.write("a.md", "a staged\n");
    t.write("b.md", "b staged\n");
    t.git("add -A");
    auto r = Repository::discover(t.root());
    ObjectId a_old{staged_blob(t, "a.md")};
    ObjectId stale{line1(t.git("rev-parse HEAD:b.md"))};
    std::string index_before = staged_in(t, ".git/index");
    auto done = restage(*r, {{"a.md", a_old, write_blob(*r, "a stamped\n")},
                             {"b.md", stale, write_blob(*r, "b stamped\n")}});
    ASSERT_FALSE(done.has_value());
    EXPECT_EQ(done.error().headline(),
              r->git_dir() + ": b.md changed in the index while archtag was stamping it");
    EXPECT_EQ(staged_in(t, ".git/index"), index_before);
    EXPECT_EQ(t.read("a.md"), "a staged\n");
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(t.root()))
        files += e.is_regular_file() ? 1 : 0;
    EXPECT_EQ(files, 2u);  // no temporary file left behind
}

TEST(Restage, ABadBlobIdIsAnError) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("one");
    auto r = Repository::discover(t.root());
    ObjectId old_blob{staged_blob(t, "a.md")};
    auto done = restage(*r, {{"a.md", old_blob, ObjectId{"zz"}}});
    ASSERT_FALSE(done.has_value());
    EXPECT_EQ(done.error().headline(), "a.md: 'zz' is not an object id");
    std::string missing(40, '3');
    auto absent = restage(*r, {{"a.md", old_blob, ObjectId{missing}}});
    ASSERT_FALSE(absent.has_value());
    EXPECT_EQ(absent.error().headline(), t.root() +
                                             "/a.md: cannot read the stamped blob: object "
                                             "not found - no match for id (" +
                                             missing + ")");
    EXPECT_EQ(t.read("a.md"), "a\n");
}

TEST(Restage, AlsoUpdatesTheIndexGitKeepsWhenCommittingPaths) {
    // `git commit PATHS` runs the hook on next-index-*.lock and keeps
    // index.lock as the index afterwards: both must agree with the commit.
    TempRepo t;
    t.write("a.md", "a\n");
    t.write("b.md", "b\n");
    t.commit_all("one");
    t.write("a.md", "a staged\n");
    t.git("add a.md");
    std::string git_dir = t.root() + "/.git";
    std::filesystem::copy_file(git_dir + "/index", git_dir + "/next-index-42.lock");
    std::filesystem::copy_file(git_dir + "/index", git_dir + "/index.lock");
    ObjectId old_blob{staged_blob(t, "a.md")};
    std::optional<Expected<Restaged>> done;
    {
        ScopedEnv dir("GIT_DIR", git_dir);
        ScopedEnv work("GIT_WORK_TREE", t.root());
        ScopedEnv index("GIT_INDEX_FILE", git_dir + "/next-index-42.lock");
        auto r = Repository::open_from_environment();
        ASSERT_TRUE(r.has_value()) << r.error().describe();
        ObjectId new_blob = write_blob(*r, "a stamped\n");
        done = restage(*r, {{"a.md", old_blob, new_blob}});
    }
    ASSERT_TRUE(done->has_value()) << done->error().describe();
    std::string stamped = line1(t.git("hash-object -w --stdin < a.md"));
    EXPECT_EQ(t.read("a.md"), "a stamped\n");
    std::string expected = "100644 " + stamped + " 0\ta.md\n100644 " +
                           line1(t.git("rev-parse HEAD:b.md")) + " 0\tb.md\n";
    EXPECT_EQ(staged_in(t, ".git/next-index-42.lock"), expected);
    EXPECT_EQ(staged_in(t, ".git/index.lock"), expected);
    EXPECT_EQ(staged_in(t, ".git/index"),  // not git's to keep: left as it was
              "100644 " + old_blob.hex + " 0\ta.md\n100644 " + line1(t.git("rev-parse HEAD:b.md")) +
                  " 0\tb.md\n");
}

TEST(Restage, WithoutAWorkTreeOnlyTheIndexChanges) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("one");
    std::string git_dir = t.root() + "/.git";
    t.git("config core.bare true");
    auto bare = Repository::open(git_dir);
    ASSERT_TRUE(bare.has_value());
    ASSERT_TRUE(bare->bare());
    ObjectId old_blob{line1(t.git("rev-parse :a.md"))};
    ObjectId new_blob = write_blob(*bare, "a stamped\n");
    auto done = restage(*bare, {{"a.md", old_blob, new_blob}});
    ASSERT_TRUE(done.has_value()) << done.error().describe();
    EXPECT_TRUE(done->work_tree_paths.empty());
    EXPECT_EQ(line1(t.git("rev-parse :a.md")), new_blob.hex);
    EXPECT_EQ(t.read("a.md"), "a\n");
}

}  // namespace archtag::repo
