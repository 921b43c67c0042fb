// The streamed index reader and the patched rewrite, on indexes git itself
// made, checked with git, libgit2 (which verifies the checksum) and the
// whole-file reader (repo/index_file).
#include "repo/index_stream.h"

#include <fcntl.h>
#include <git2.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "repo/test_support.h"

namespace archtag::repo {

namespace {

using testing::TempRepo;

RawId raw_id(const std::string& hex) {
    RawId id{};
    for (std::size_t i = 0; i < id.size(); ++i)
        id[i] = static_cast<unsigned char>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
    return id;
}

std::string trimmed(std::string s) {
    while (!s.empty() && s.back() == '\n')
        s.pop_back();
    return s;
}

// A repository with articles in two folders and the cache-tree git made
// for its commit.
void three_articles(const TempRepo& t) {
    t.write("a/one.md", "one\n");
    t.write("a/two.md", "two\n");
    t.write("b/three.md", "three\n");
    t.commit_all("import");
}

std::string index_of(const TempRepo& t) {
    return t.root() + "/.git/index";
}

std::vector<std::string> found_paths(const IndexScan& scan) {
    std::vector<std::string> out;
    for (const FoundEntry& e : scan.entries)
        out.emplace_back(e.path);
    return out;
}

// Patches `index` through a lock file, as checkout_paths does.
Status patch(const std::string& index, const std::vector<EntryPatch>& patches) {
    std::string lock = index + ".lock";
    int fd = ::open(lock.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
    EXPECT_GE(fd, 0);
    Status s = write_patched_index(index, fd, lock, patches);
    ::close(fd);
    if (s)
        std::rename(lock.c_str(), index.c_str());
    else
        std::remove(lock.c_str());
    return s;
}

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void overwrite(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::string scan_error(const std::string& index) {
    auto scan = scan_index(index, {"a/one.md"});
    return scan ? "no error" : scan.error().headline();
}

}  // namespace

TEST(IndexStream, ScanFindsTheAskedEntriesWithTheirStatData) {
    TempRepo t;
    three_articles(t);
    auto scan = scan_index(index_of(t), {"a/two.md", "b/three.md", "c/missing.md"});
    ASSERT_TRUE(scan.has_value()) << scan.error().describe();
    EXPECT_TRUE(scan->exists);
    ASSERT_EQ(found_paths(*scan), (std::vector<std::string>{"a/two.md", "b/three.md"}));
    const FoundEntry& two = scan->entries[0];
    EXPECT_EQ(two.id, raw_id(t.git("rev-parse :a/two.md")));
    EXPECT_EQ(two.stage, 0);
    EXPECT_EQ(two.stat.mode, 0100644u);
    struct stat st {};
    ASSERT_EQ(::stat((t.root() + "/a/two.md").c_str(), &st), 0);
    EXPECT_EQ(two.stat.size, 4u);
    EXPECT_EQ(two.stat.ino, static_cast<std::uint32_t>(st.st_ino));
    EXPECT_EQ(two.stat.mtime_s, static_cast<std::uint32_t>(st.st_mtim.tv_sec));
    EXPECT_FALSE(scan->unsupported);
}

TEST(IndexStream, AMissingIndexIsEmpty) {
    TempRepo t;
    auto scan = scan_index(index_of(t), {"a.md"});
    ASSERT_TRUE(scan.has_value()) << scan.error().describe();
    EXPECT_FALSE(scan->exists);
    EXPECT_TRUE(scan->entries.empty());
}

TEST(IndexStream, ReadsVersion4AndExtendedFlags) {
    TempRepo t;
    three_articles(t);
    t.write("a/three-and-a-half.md", "new\n");
    t.git("add -N a/three-and-a-half.md");  // intent to add: an extended flag
    t.git("update-index --index-version 4");
    auto scan = scan_index(index_of(t), {"a/three-and-a-half.md", "a/two.md", "b/three.md"});
    ASSERT_TRUE(scan.has_value()) << scan.error().describe();
    ASSERT_EQ(found_paths(*scan),
              (std::vector<std::string>{"a/three-and-a-half.md", "a/two.md", "b/three.md"}));
    EXPECT_TRUE(scan->entries[0].intent_to_add);
    EXPECT_FALSE(scan->entries[1].intent_to_add);
    EXPECT_EQ(scan->entries[2].id, raw_id(t.git("rev-parse :b/three.md")));
}

TEST(IndexStream, ReadsConflictStages) {
    TempRepo t;
    three_articles(t);
    std::string blob = trimmed(t.git("rev-parse :a/one.md"));
    t.sh("printf '0 " + std::string(40, '0') + "\\ta/one.md\\n100644 " + blob +
         " 1\\ta/one.md\\n100644 " + blob + " 3\\ta/one.md\\n' | git update-index --index-info");
    auto scan = scan_index(index_of(t), {"a/one.md"});
    ASSERT_TRUE(scan.has_value()) << scan.error().describe();
    ASSERT_EQ(scan->entries.size(), 2u);
    EXPECT_EQ(scan->entries[0].stage, 1);
    EXPECT_EQ(scan->entries[1].stage, 3);
}

TEST(IndexStream, ASplitIndexIsReported) {
    TempRepo t;
    three_articles(t);
    t.git("update-index --split-index");
    auto scan = scan_index(index_of(t), {"a/one.md"});
    ASSERT_TRUE(scan.has_value()) << scan.error().describe();
    ASSERT_TRUE(scan->unsupported);
    EXPECT_EQ(scan->unsupported->rfind(
                  "a split index (extension 'link'), which archtag cannot update", 0),
              0u);
}

TEST(IndexStream, DamagedIndexesAreRefusedNamingTheFile) {
    TempRepo t;
    three_articles(t);
    std::string index = index_of(t);
    std::string good = bytes_of(index);

    std::string flipped = good;
    flipped[good.size() / 2] ^= 0x20;
    overwrite(index, flipped);
    EXPECT_EQ(scan_error(index), index +
                                     ": not a valid git index: its checksum does not match its "
                                     "contents (a damaged file?)");

    overwrite(index, good.substr(0, good.size() - 30));
    EXPECT_NE(scan_error(index).find(index + ": not a valid git index: "), std::string::npos)
        << scan_error(index);

    overwrite(index, "DIRX" + good.substr(4));
    EXPECT_EQ(scan_error(index),
              index + ": not a valid git index: it does not start with \"DIRC\"");

    overwrite(index, good.substr(0, good.size() - 20) + std::string(20, '\0'));  // index.skipHash
    EXPECT_EQ(scan_error(index), "no error");

    std::string v9 = good;
    v9[7] = 9;
    overwrite(index, v9);
    EXPECT_EQ(scan_error(index), index +
                                     ": git index version 9 is not supported: archtag reads "
                                     "versions 2, 3 and 4");
}

TEST(IndexStream, PatchedEntriesTakeTheNewBlobAndTheRestIsKept) {
    for (int version : {2, 3, 4}) {
        SCOPED_TRACE(version);
        TempRepo t;
        three_articles(t);
        t.git("update-index --index-version " + std::to_string(version));
        std::string blob = trimmed(t.sh("printf 'stamped\\n' | git hash-object -w --stdin"));
        std::string before = t.git("ls-files -s --debug b/three.md a/one.md");
        EntryStat stat;
        stat.mtime_s = 1795000000;
        stat.size = 8;
        ASSERT_TRUE(patch(index_of(t), {{"a/two.md", raw_id(blob), stat}}).has_value());

        EXPECT_EQ(trimmed(t.git("rev-parse :a/two.md")), blob);
        EXPECT_EQ(t.git("ls-files -s --debug b/three.md a/one.md"), before);
        EXPECT_EQ(t.git("ls-files -s a/two.md").substr(0, 7), "100644 ");
        EXPECT_NE(t.git("ls-files --debug a/two.md").find("mtime: 1795000000:0"),
                  std::string::npos);
        EXPECT_EQ(t.git("diff --cached --name-only"), "a/two.md\n");
        // libgit2 verifies the checksum
        git_libgit2_init();
        git_index* index = nullptr;
        EXPECT_EQ(git_index_open(&index, index_of(t).c_str()), 0) << git_error_last()->message;
        git_index_free(index);
        git_libgit2_shutdown();
    }
}

TEST(IndexStream, TheCacheTreeLosesOnlyTheFoldersAboveAPatch) {
    TempRepo t;
    three_articles(t);
    std::string b_tree = trimmed(t.git("rev-parse HEAD:b"));
    std::string blob = trimmed(t.sh("printf 'stamped\\n' | git hash-object -w --stdin"));
    ASSERT_TRUE(patch(index_of(t), {{"a/two.md", raw_id(blob), {}}}).has_value());
    auto index = IndexFile::read(index_of(t));
    ASSERT_TRUE(index.has_value()) << index.error().describe();
    ASSERT_TRUE(index->cache_tree());
    const CacheTree& root = *index->cache_tree();
    EXPECT_FALSE(root.valid());
    ASSERT_TRUE(root.subtree("a") && root.subtree("b"));
    EXPECT_FALSE(root.subtree("a")->valid());
    ASSERT_TRUE(root.subtree("b")->valid());
    EXPECT_EQ(root.subtree("b")->id, raw_id(b_tree));
    // git rebuilds the invalid folders: the tree it writes has the new blob
    EXPECT_EQ(t.git("ls-tree -r $(git write-tree) a/two.md"),
              "100644 blob " + blob + "\ta/two.md\n");
}

TEST(IndexStream, CachesThatDescribeTheOldFileAreDropped) {
    TempRepo t;
    three_articles(t);
    t.git("config core.untrackedCache true");
    t.write("notes.txt", "untracked\n");
    t.git(
        "-c index.threads=2 -c index.recordOffsetTable=true -c index.recordEndOfIndexEntries=true "
        "status --porcelain");
    std::string before = bytes_of(index_of(t));
    ASSERT_NE(before.find("UNTR"), std::string::npos);
    ASSERT_NE(before.find("EOIE"), std::string::npos);
    std::string blob = trimmed(t.git("rev-parse :a/two.md"));
    ASSERT_TRUE(patch(index_of(t), {{"a/two.md", raw_id(blob), {}}}).has_value());
    std::string after = bytes_of(index_of(t));
    EXPECT_EQ(after.find("UNTR"), std::string::npos);
    EXPECT_EQ(after.find("EOIE"), std::string::npos);
    EXPECT_EQ(after.find("IEOT"), std::string::npos);
    EXPECT_EQ(t.git("status --porcelain"), "?? notes.txt\n");
}

TEST(IndexStream, ARacilyCleanEntryLosesItsSizeAsGitWouldDo) {
    TempRepo t;
    three_articles(t);
    // Modified "after" the index was written: its stat data proves nothing
    // against this index, and would prove too much against a newer one.
    t.sh("touch -d '+1 hour' b/three.md && git add b/three.md");
    ASSERT_NE(t.git("ls-files --debug b/three.md").find("size: 6\t"), std::string::npos);
    std::string blob = trimmed(t.git("rev-parse :a/two.md"));
    ASSERT_TRUE(patch(index_of(t), {{"a/two.md", raw_id(blob), {}}}).has_value());
    EXPECT_NE(t.git("ls-files --debug b/three.md").find("size: 0\t"), std::string::npos)
        << t.git("ls-files --debug b/three.md");
    EXPECT_EQ(t.git("status --porcelain"), "");  // zero stat data: compared by content
}

TEST(IndexStream, APatchForAnEntryThatIsGoneFailsAndWritesNothing) {
    TempRepo t;
    three_articles(t);
    std::string before = bytes_of(index_of(t));
    Status s = patch(index_of(t), {{"a/gone.md", RawId{}, {}}});
    ASSERT_FALSE(s.has_value());
    EXPECT_EQ(s.error().headline(), index_of(t) + ": a/gone.md is no longer in the index");
    EXPECT_EQ(bytes_of(index_of(t)), before);
}

TEST(IndexStream, InvalidatesCacheTreeFoldersOnBytes) {
    std::string id_a(20, 'A'), id_b(20, 'B'), id_root(20, 'R');
    std::string tree = std::string("\0", 1) + "3 2\n" + id_root + "a" + std::string("\0", 1) +
                       "2 0\n" + id_a + "b" + std::string("\0", 1) + "1 0\n" + id_b;
    auto out = invalidate_cache_tree(tree, {"", "a/"}, "idx");
    ASSERT_TRUE(out.has_value()) << out.error().describe();
    EXPECT_EQ(*out, std::string("\0", 1) + "-1 2\n" + "a" + std::string("\0", 1) + "-1 0\n" + "b" +
                        std::string("\0", 1) + "1 0\n" + id_b);
    auto same = invalidate_cache_tree(tree, {"c/"}, "idx");
    ASSERT_TRUE(same.has_value());
    EXPECT_EQ(*same, tree);

    auto short_id = invalidate_cache_tree(tree.substr(0, tree.size() - 1), {}, "idx");
    ASSERT_FALSE(short_id.has_value());
    EXPECT_EQ(short_id.error().headline(),
              "idx: not a valid git index: malformed TREE extension at byte 57: expected a tree "
              "id");
    auto missing = invalidate_cache_tree(tree.substr(0, 25), {}, "idx");
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().headline(),
              "idx: not a valid git index: malformed TREE extension at byte 25: expected "
              "another folder");
}

}  // namespace archtag::repo
