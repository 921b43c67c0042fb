// Repository::marked_binary: .gitattributes as of a commit.
#include <gtest/gtest.h>

#include "repo/repo.h"
#include "repo/test_support.h"

namespace archtag::repo {

namespace {

using testing::Bare;
using testing::TempRepo;

// An archive whose .gitattributes mark some articles binary, at the root
// and in folders with their own file.
std::string commit_archive(const TempRepo& t) {
    t.write(".gitattributes", "*.md binary\nlegacy/*.html -diff\n*.xml -diff\n");
    t.write("news/.gitattributes", "*.html -diff\nfront.html diff\n");
    t.write("feeds/.gitattributes", "*.xml diff\n");
    for (const char* p : {"a.md", "x.html", "legacy/x.html", "legacy/old/x.html", "news/x.html",
                          "news/front.html", "news/b.md", "a.xml", "feeds/a.xml"})
        t.write(p, "article\n");
    return t.commit_all("archive");
}

void expect_archive_answers(const Repository& r, const ObjectId& commit) {
    std::vector<std::pair<std::string, bool>> cases = {
        {"a.md", true},                // binary
        {"x.html", false},             // no rule
        {"legacy/x.html", true},       // -diff, from the root file
        {"legacy/old/x.html", false},  // "legacy/*.html" does not reach into subfolders
        {"news/x.html", true},         // news/.gitattributes
        {"news/front.html", false},    // a later line of the same file wins
        {"news/b.md", true},           // a root rule without '/' applies at every depth
        {"a.xml", true},               // -diff
        {"feeds/a.xml", false},        // the deeper file overrides the root one
        {"not/in/tree.md", true},      // attributes do not need the file
    };
    for (const auto& [path, binary] : cases) {
        auto marked = r.marked_binary(path, commit);
        ASSERT_TRUE(marked.has_value()) << path << ": " << marked.error().describe();
        EXPECT_EQ(*marked, binary) << path;
    }
}

}  // namespace

TEST(MarkedBinary, ReadsTheCommitsGitattributesInABareRepository) {
    TempRepo work;
    std::string commit = commit_archive(work);
    TempRepo bare(Bare::yes);
    bare.git("fetch -q '" + work.root() + "' main:main");
    auto r = Repository::open(bare.root());
    ASSERT_TRUE(r.has_value());
    ASSERT_TRUE(r->bare());
    expect_archive_answers(*r, ObjectId{commit});
}

TEST(MarkedBinary, ReadsTheCommitsGitattributesInAWorkTree) {
    TempRepo t;
    std::string commit = commit_archive(t);
    auto r = Repository::discover(t.root());
    ASSERT_TRUE(r.has_value());
    expect_archive_answers(*r, ObjectId{commit});
}

TEST(MarkedBinary, IgnoresTheWorkTreeAndTheIndex) {
    TempRepo t;
    std::string commit = commit_archive(t);
    t.write(".gitattributes", "*.txt binary\n");
    t.git("add .gitattributes");
    t.write(".gitattributes", "*.html binary\n");
    t.write("news/.gitattributes", "");
    auto r = Repository::discover(t.root());
    expect_archive_answers(*r, ObjectId{commit});
    EXPECT_FALSE(*r->marked_binary("a.txt", ObjectId{commit}));
}

TEST(MarkedBinary, EachCommitHasItsOwnAttributes) {
    TempRepo t;
    t.write(".gitattributes", "*.md binary\n");
    t.write("a.md", "a\n");
    ObjectId first{t.commit_all("one")};
    t.write(".gitattributes", "*.html -diff\n");
    ObjectId second{t.commit_all("two")};
    auto r = Repository::discover(t.root());
    EXPECT_TRUE(*r->marked_binary("a.md", first));
    EXPECT_FALSE(*r->marked_binary("a.md", second));
    EXPECT_TRUE(*r->marked_binary("a.html", second));
    EXPECT_TRUE(*r->marked_binary("a.md", first));  // no stale cache either way
    EXPECT_FALSE(*r->marked_binary("a.html", first));
}

TEST(MarkedBinary, TextUnsetIsNotBinary) {
    TempRepo t;
    t.write(".gitattributes", "* -text\n");
    ObjectId commit{t.commit_all("one")};
    auto r = Repository::discover(t.root());
    EXPECT_FALSE(*r->marked_binary("a.md", commit));
}

TEST(MarkedBinary, NeedsACommit) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("one");
    auto r = Repository::discover(t.root());
    auto bad = r->marked_binary("a.md", ObjectId{"HEAD"});
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().headline(), r->git_dir() + ": 'HEAD' is not an object id");
    std::string missing(40, '2');
    auto absent = r->marked_binary("a.md", ObjectId{missing});
    ASSERT_FALSE(absent.has_value());
    EXPECT_EQ(absent.error().message, "cannot read commit " + missing +
                                          ": object not found - no match for id (" + missing + ")");
    // A blob is not a commit either.
    std::string blob = t.git("rev-parse HEAD:a.md").substr(0, 40);
    auto not_commit = r->marked_binary("a.md", ObjectId{blob});
    ASSERT_FALSE(not_commit.has_value());
    EXPECT_EQ(
        not_commit.error().message,
        "cannot read commit " + blob + ": the requested type does not match the type in the ODB");
}

}  // namespace archtag::repo
