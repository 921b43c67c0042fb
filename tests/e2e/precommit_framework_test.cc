// The shipped .pre-commit-hooks.yaml under the real pre-commit framework
// (https://pre-commit.com): a repository whose .pre-commit-config.yaml names
// a local git copy of this project's hooks, run offline with `pre-commit run`.
// Skipped only when `pre-commit` is not installed (scripts/install-deps
// installs it).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <optional>

#include "e2e/harness.h"

namespace archtag::e2e {

namespace {

const std::string k_story_path = "laist/2014-12-19-obama-sony.md";
const std::string k_story =
    "---\ntitle: Obama on Sony\ndate: 2014-12-19 13:05:00 -0800\npublication: LAist\n---\n"
    "President Barack Obama announced today that North Korea is behind the attack.\n";

std::string folder_of(const std::string& file) {
    return file.substr(0, file.rfind('/'));
}

// A clean environment for git and pre-commit: no user or system git config,
// no inherited repository, a cache of its own, and this build's archtag
// first on PATH (the hooks are `language: system`).
class PreCommitFramework : public ::testing::Test {
  protected:
    void SetUp() override {
        if (run("command -v pre-commit", m_home.root()).code != 0)
            GTEST_SKIP() << "`pre-commit` is not installed (scripts/install-deps installs it)";
        for (const char* name : {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
                                 "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES"})
            unsetenv(name);
        save_and_set("HOME", m_home.root());
        save_and_set("PRE_COMMIT_HOME", m_home.path("pre-commit-cache"));
        save_and_set("GIT_CONFIG_NOSYSTEM", "1");
        const char* path = std::getenv("PATH");
        save_and_set("PATH", folder_of(ARCHTAG_BINARY) + (path ? ":" + std::string(path) : ""));
    }
    void TearDown() override {
        for (const auto& [name, value] : m_saved) {
            if (value)
                setenv(name.c_str(), value->c_str(), 1);
            else
                unsetenv(name.c_str());
        }
    }

  private:
    void save_and_set(const std::string& name, const std::string& value) {
        const char* old = std::getenv(name.c_str());
        m_saved.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
        setenv(name.c_str(), value.c_str(), 1);
    }

    TempArchive m_home;
    std::vector<std::pair<std::string, std::optional<std::string>>> m_saved;
};

const std::string k_identity = "-c user.name=Desk -c user.email=desk@example.com";

// A git repository holding this project's .pre-commit-hooks.yaml, as
// pre-commit clones it; returns the commit id.
std::string hooks_repository(const TempArchive& dir) {
    dir.write(".pre-commit-hooks.yaml",
              read_file_or_empty(source_dir() + "/.pre-commit-hooks.yaml"));
    sh("git init -q -b main . && git add .pre-commit-hooks.yaml && git " + k_identity +
           " commit -q -m hooks",
       dir.root());
    std::string id = sh("git rev-parse HEAD", dir.root());
    return id.substr(0, id.find('\n'));
}

}  // namespace

TEST_F(PreCommitFramework, CheckFailsFixStampsThenCheckPasses) {
    TempArchive hooks;
    std::string rev = hooks_repository(hooks);

    TempArchive archive;
    archive.write(".archtag.xml", "<archtag>\n  <policies path=\"" + source_dir() +
                                      "/policies/laist.xml\"/>\n  <rules path=\"" + source_dir() +
                                      "/rules\"/>\n</archtag>\n");
    archive.write(".pre-commit-config.yaml", "repos:\n  - repo: " + hooks.root() +
                                                 "\n    rev: " + rev +
                                                 "\n    hooks:\n      - id: archtag-check\n"
                                                 "      - id: archtag-fix\n");
    archive.write(k_story_path, k_story);
    archive.write("notes.txt", "not an article\n");
    sh("git init -q -b main . && git add -A", archive.root());

    Shell check = run("pre-commit run archtag-check --all-files", archive.root());
    EXPECT_EQ(check.code, 1) << check.out;
    EXPECT_NE(check.out.find("archtag check (archival and age notices)"), std::string::npos)
        << check.out;
    EXPECT_NE(check.out.find("Would change:\n  " + k_story_path + "\n"), std::string::npos)
        << check.out;
    EXPECT_EQ(check.out.find("notes.txt"), std::string::npos) << check.out;
    EXPECT_EQ(archive.read(k_story_path), k_story);

    Shell fix = run("pre-commit run archtag-fix --all-files", archive.root());
    EXPECT_EQ(fix.code, 1) << fix.out;
    EXPECT_NE(fix.out.find("files were modified by this hook"), std::string::npos) << fix.out;
    std::string stamped = archive.read(k_story_path);
    EXPECT_NE(stamped, k_story);
    EXPECT_NE(stamped.find("<!-- archtag:archival v1 -->"), std::string::npos) << stamped;
    EXPECT_NE(stamped.find("This article is more than"), std::string::npos) << stamped;

    Shell again = run("pre-commit run archtag-check --all-files", archive.root());
    EXPECT_EQ(again.code, 0) << again.out;
    EXPECT_NE(again.out.find("Passed"), std::string::npos) << again.out;
    // A fixer with nothing left to do passes and leaves the file alone.
    Shell refix = run("pre-commit run archtag-fix --all-files", archive.root());
    EXPECT_EQ(refix.code, 0) << refix.out;
    EXPECT_EQ(archive.read(k_story_path), stamped);
}

}  // namespace archtag::e2e
