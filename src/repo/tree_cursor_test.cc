#include "repo/tree_cursor.h"

#include <git2.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "repo/test_support.h"

namespace archtag::repo {

namespace {

using testing::TempRepo;

std::string line1(const std::string& s) {
    return s.substr(0, s.find('\n'));
}

std::vector<TreeFile> walk(const Repository& r, const ObjectId& commit) {
    auto cursor = TreeCursor::open(r, commit);
    EXPECT_TRUE(cursor.has_value()) << cursor.error().describe();
    std::vector<TreeFile> out;
    while (cursor) {
        auto f = cursor->next();
        EXPECT_TRUE(f.has_value()) << f.error().describe();
        if (!f || !*f)
            break;
        out.push_back(**f);
    }
    return out;
}

std::vector<std::string> paths_of(const std::vector<TreeFile>& files) {
    std::vector<std::string> out;
    for (const TreeFile& f : files)
        out.push_back(f.path);
    return out;
}

// The tree of a commit whose names sort differently as tree entries ("a" is
// compared as "a/") than as bare names, with bytes that are not UTF-8, and
// every kind of entry.
ObjectId tricky_commit(TempRepo& t) {
    for (const char* p : {"a-b", "a/x", "a0", "a.b/c", "a/b/c/d.md", "a/b.md", "a/b/c.md",
                          "deep/er/est/f.md", "deep/er.md", "deep/era/x", "z.md"})
        t.write(p, std::string("content of ") + p + "\n");
    t.write("caf\xe9.md", "latin-1\n");
    t.write("caf\xc3\xa9/\xff.md", "utf-8 folder, invalid file\n");
    t.write("run.sh", "#!/bin/sh\n");
    t.git("add -A");
    t.git("update-index --chmod=+x run.sh");
    std::string blob = line1(t.git("rev-parse :z.md"));
    t.git("update-index --add --cacheinfo 120000," + blob + ",a/link");
    t.git("commit -q -m one");
    t.git("update-index --add --cacheinfo 160000," + line1(t.git("rev-parse HEAD")) + ",a/b/theme");
    t.git("commit -q -m two");
    return ObjectId{line1(t.git("rev-parse HEAD"))};
}

}  // namespace

TEST(TreeCursor, YieldsWhatListFilesListsInTheSameOrder) {
    TempRepo t;
    ObjectId commit = tricky_commit(t);
    auto r = Repository::discover(t.root());
    ASSERT_TRUE(r.has_value());
    auto listed = r->list_files(commit);
    ASSERT_TRUE(listed.has_value()) << listed.error().describe();
    std::vector<TreeFile> walked = walk(*r, commit);
    ASSERT_EQ(walked.size(), listed->size());
    for (std::size_t i = 0; i < walked.size(); ++i) {
        EXPECT_EQ(walked[i].path, (*listed)[i].path);
        EXPECT_EQ(walked[i].id, (*listed)[i].id);
        EXPECT_EQ(walked[i].mode, (*listed)[i].mode);
        EXPECT_EQ(walked[i].kind, (*listed)[i].kind);
    }
    EXPECT_EQ(paths_of(walked),
              (std::vector<std::string>{"a-b", "a.b/c", "a/b.md", "a/b/c.md", "a/b/c/d.md",
                                        "a/b/theme", "a/link", "a/x", "a0", "caf\xc3\xa9/\xff.md",
                                        "caf\xe9.md", "deep/er.md", "deep/er/est/f.md",
                                        "deep/era/x", "run.sh", "z.md"}));
    // Strictly increasing as unsigned bytes, as a merge with a sorted list needs.
    for (std::size_t i = 1; i < walked.size(); ++i)
        EXPECT_LT(std::string_view(walked[i - 1].path).compare(walked[i].path), 0)
            << walked[i - 1].path << " / " << walked[i].path;
    EXPECT_EQ(walked[5].kind, EntryKind::submodule);
    EXPECT_EQ(walked[6].kind, EntryKind::symlink);
    EXPECT_EQ(walked[14].kind, EntryKind::executable);
    EXPECT_EQ(walked[14].mode, 0100755u);
    EXPECT_EQ(*r->read_blob(walked[9].id, 100), "utf-8 folder, invalid file\n");
}

TEST(TreeCursor, AnEmptyTreeEndsAtOnceAndStaysEnded) {
    TempRepo t;
    std::string commit = t.commit_all("empty");
    auto r = Repository::discover(t.root());
    auto cursor = TreeCursor::open(*r, ObjectId{commit});
    ASSERT_TRUE(cursor.has_value());
    for (int i = 0; i < 2; ++i) {
        auto f = cursor->next();
        ASSERT_TRUE(f.has_value());
        EXPECT_FALSE(f->has_value());
    }
}

TEST(TreeCursor, CanBeMovedInTheMiddleOfAWalk) {
    TempRepo t;
    t.write("a/1.md", "1\n");
    t.write("a/2.md", "2\n");
    t.write("b.md", "b\n");
    std::string commit = t.commit_all("one");
    auto r = Repository::discover(t.root());
    auto cursor = TreeCursor::open(*r, ObjectId{commit});
    ASSERT_TRUE(cursor.has_value());
    EXPECT_EQ((*cursor->next())->path, "a/1.md");
    TreeCursor moved = std::move(*cursor);
    EXPECT_EQ((*moved.next())->path, "a/2.md");
    TreeCursor assigned = std::move(moved);
    EXPECT_EQ((*assigned.next())->path, "b.md");
    EXPECT_FALSE(assigned.next()->has_value());
}

TEST(TreeCursor, OpeningSomethingThatIsNotACommitFails) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.commit_all("one");
    auto r = Repository::discover(t.root());
    auto bad = TreeCursor::open(*r, ObjectId{"nope"});
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().headline(), r->git_dir() + ": 'nope' is not an object id");
    std::string missing(40, '1');
    auto absent = TreeCursor::open(*r, ObjectId{missing});
    ASSERT_FALSE(absent.has_value());
    EXPECT_EQ(absent.error().message, "cannot read commit " + missing +
                                          ": object not found - no match for id (" + missing + ")");
}

TEST(TreeCursor, AMissingSubtreeIsAnErrorThatRepeats) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.write("b/c.md", "c\n");
    std::string commit = t.commit_all("one");
    std::string subtree = line1(t.git("rev-parse HEAD:b"));
    std::filesystem::remove(t.root() + "/.git/objects/" + subtree.substr(0, 2) + "/" +
                            subtree.substr(2));
    auto r = Repository::discover(t.root());
    auto cursor = TreeCursor::open(*r, ObjectId{commit});
    ASSERT_TRUE(cursor.has_value());
    EXPECT_EQ((*cursor->next())->path, "a.md");
    std::string expected = "cannot read the tree at b/ in commit " + commit +
                           ": object not found - no match for id (" + subtree + ")";
    for (int i = 0; i < 2; ++i) {
        auto f = cursor->next();
        ASSERT_FALSE(f.has_value());
        EXPECT_EQ(f.error().message, expected);
    }
}

TEST(TreeCursor, ATreeOutOfGitsOrderIsAnError) {
    TempRepo t;
    t.write("x", "x\n");
    t.git("add x");
    std::string blob = line1(t.git("rev-parse :x"));
    // A raw tree listing "b" before "a", as git mktree would never write it.
    std::string raw_id;
    for (std::size_t i = 0; i < blob.size(); i += 2)
        raw_id += static_cast<char>(std::stoi(blob.substr(i, 2), nullptr, 16));
    t.write("tree.bin", std::string("100644 b") + '\0' + raw_id + "100644 a" + '\0' + raw_id);
    std::string tree = line1(t.git("hash-object -t tree --literally -w tree.bin"));
    std::string commit = line1(t.git("commit-tree -m bad " + tree));
    auto r = Repository::discover(t.root());
    auto cursor = TreeCursor::open(*r, ObjectId{commit});
    ASSERT_TRUE(cursor.has_value());
    EXPECT_EQ((*cursor->next())->path, "b");
    auto f = cursor->next();
    ASSERT_FALSE(f.has_value());
    EXPECT_EQ(f.error().message, "the tree of commit " + commit +
                                     " is not in git's order: a comes after b (git fsck "
                                     "reports such trees)");
}

// Trees larger than libgit2's default 4 KiB object-cache limit are cached
// (repo/handles.cc), blobs are not: a second lookup returns the same object.
TEST(ObjectCache, KeepsLargeTreesButNoBlobs) {
    TempRepo t;
    for (int i = 0; i < 300; ++i)
        t.write("big/article-" + std::to_string(i) + ".md", std::to_string(i) + "\n");
    t.commit_all("one");
    std::string tree_hex = line1(t.git("rev-parse HEAD:big"));
    std::string blob_hex = line1(t.git("rev-parse HEAD:big/article-1.md"));
    ASSERT_GT(std::stoul(line1(t.git("cat-file -s " + tree_hex))), 4096u);
    auto r = Repository::discover(t.root());
    ASSERT_TRUE(r.has_value());
    git_oid tree_id, blob_id;
    git_oid_fromstr(&tree_id, tree_hex.c_str());
    git_oid_fromstr(&blob_id, blob_hex.c_str());
    git_object *t1 = nullptr, *t2 = nullptr, *b1 = nullptr, *b2 = nullptr;
    ASSERT_EQ(git_object_lookup(&t1, r->raw(), &tree_id, GIT_OBJECT_TREE), 0);
    ASSERT_EQ(git_object_lookup(&t2, r->raw(), &tree_id, GIT_OBJECT_TREE), 0);
    ASSERT_EQ(git_object_lookup(&b1, r->raw(), &blob_id, GIT_OBJECT_BLOB), 0);
    ASSERT_EQ(git_object_lookup(&b2, r->raw(), &blob_id, GIT_OBJECT_BLOB), 0);
    EXPECT_EQ(t1, t2);
    EXPECT_NE(b1, b2);
    for (git_object* o : {t1, t2, b1, b2})
        git_object_free(o);
}

TEST(TreeCursor, SaysWhichFilesHaveAGitattributesFileAbove) {
    TempRepo t;
    for (const char* p :
         {"a/b/c.md", "a/b/.gitattributes", "a/b/d/e.md", "a/c.md", "a/-x.md", "z.md"})
        t.write(p, "x\n");
    t.git("add -A");
    t.git("commit -q -m one");
    auto r = Repository::discover(t.root());
    ASSERT_TRUE(r.has_value());
    std::vector<std::string> above;
    for (const TreeFile& f : walk(*r, ObjectId{line1(t.git("rev-parse HEAD"))}))
        if (f.attributes_above)
            above.push_back(f.path);
    EXPECT_EQ(above, (std::vector<std::string>{"a/b/.gitattributes", "a/b/c.md", "a/b/d/e.md"}));

    t.write(".gitattributes", "*.md text\n");
    t.git("add -A");
    t.git("commit -q -m two");
    for (const TreeFile& f : walk(*r, ObjectId{line1(t.git("rev-parse HEAD"))}))
        EXPECT_TRUE(f.attributes_above) << f.path;
}

}  // namespace archtag::repo
