// The index file reader, and staged_files() built on it compared with
// libgit2's diff (what staged_files was before) and with git itself.
#include "repo/index_file.h"

#include <git2.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "repo/index.h"
#include "repo/test_support.h"
#include "util/file.h"

namespace archtag::repo {

namespace {

using testing::TempRepo;

// ---- index bytes made by hand ----

void put32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((v >> shift) & 0xff));
}

void put16(std::string& out, std::uint16_t v) {
    out.push_back(static_cast<char>(v >> 8));
    out.push_back(static_cast<char>(v & 0xff));
}

std::string fmt_mode(std::uint32_t mode) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%06o", mode);
    return buf;
}

RawId id_of(unsigned char fill) {
    RawId id;
    id.fill(fill);
    return id;
}

struct Made {
    std::string path;
    std::uint32_t mode = 0100644;
    unsigned char id = 0x11;
    int stage = 0;
    std::uint16_t extended = 0;  // written only when not 0
    std::size_t strip = 0;       // version 4: bytes dropped from the previous path
};

std::string header(std::uint32_t version, std::uint32_t count) {
    std::string out = "DIRC";
    put32(out, version);
    put32(out, count);
    return out;
}

std::string entry_bytes(const Made& m, std::uint32_t version) {
    std::string out(24, '\0');  // ctime, mtime, dev, ino
    put32(out, m.mode);
    out.append(12, '\0');  // uid, gid, size
    RawId id = id_of(m.id);
    out.append(reinterpret_cast<const char*>(id.data()), id.size());
    std::uint16_t flags = static_cast<std::uint16_t>(m.stage << 12);
    flags |= static_cast<std::uint16_t>(std::min<std::size_t>(m.path.size(), 0xfff));
    if (m.extended)
        flags |= 0x4000;
    put16(out, flags);
    if (m.extended)
        put16(out, m.extended);
    if (version == 4) {
        out.push_back(static_cast<char>(m.strip));  // < 128: one byte
        out += m.path;
        out.push_back('\0');
        return out;
    }
    out += m.path;
    std::size_t size = (out.size() + 8) & ~std::size_t{7};
    out.append(size - out.size(), '\0');
    return out;
}

std::string extension(std::string_view signature, std::string_view body) {
    std::string out(signature);
    put32(out, static_cast<std::uint32_t>(body.size()));
    out += body;
    return out;
}

std::string index_bytes(std::uint32_t version, const std::vector<Made>& entries,
                        const std::string& extensions = {}) {
    std::string out = header(version, static_cast<std::uint32_t>(entries.size()));
    for (const Made& m : entries)
        out += entry_bytes(m, version);
    return out + extensions + std::string(20, '\xee');  // the checksum is not checked
}

std::string id_bytes(unsigned char fill) {
    return std::string(20, static_cast<char>(fill));
}

std::string error_of(const std::string& bytes) {
    auto index = IndexFile::parse(bytes, "idx");
    return index ? "no error" : index.error().headline();
}

std::vector<std::string> paths_of(const IndexFile& index) {
    std::vector<std::string> out;
    for (const IndexEntry& e : index.entries())
        out.emplace_back(e.path);
    return out;
}

// ---- staged_files as it was: libgit2's diff of HEAD's tree and the index ----

std::vector<StagedFile> reference_staged_files(const std::string& root) {
    auto repo = Repository::discover(root);
    EXPECT_TRUE(repo.has_value());
    git_index* index = nullptr;
    EXPECT_EQ(git_repository_index(&index, repo->raw()), 0);
    git_object* tree = nullptr;
    if (git_revparse_single(&tree, repo->raw(), "HEAD^{tree}") != 0)
        tree = nullptr;
    git_diff* diff = nullptr;
    EXPECT_EQ(git_diff_tree_to_index(&diff, repo->raw(), reinterpret_cast<git_tree*>(tree), index,
                                     nullptr),
              0);
    std::vector<StagedFile> out;
    for (std::size_t i = 0, n = git_diff_num_deltas(diff); i < n; ++i) {
        const git_diff_delta* d = git_diff_get_delta(diff, i);
        bool staged = d->status == GIT_DELTA_ADDED || d->status == GIT_DELTA_MODIFIED ||
                      d->status == GIT_DELTA_TYPECHANGE;
        bool regular = d->new_file.mode == GIT_FILEMODE_BLOB ||
                       d->new_file.mode == GIT_FILEMODE_BLOB_EXECUTABLE;
        if (staged && regular) {
            char hex[GIT_OID_HEXSZ + 1] = {};
            git_oid_tostr(hex, sizeof hex, &d->new_file.id);
            out.push_back({d->new_file.path, {hex}});
        }
    }
    git_diff_free(diff);
    git_object_free(tree);
    git_index_free(index);
    return out;
}

// `git diff --cached --no-renames`: added, modified and type-changed regular files.
std::vector<StagedFile> git_staged_files(const TempRepo& t) {
    std::string raw = t.git("diff --cached --raw --no-renames --no-abbrev -z");
    std::vector<StagedFile> out;
    for (std::size_t at = 0; at < raw.size();) {
        std::size_t end = raw.find('\0', at);
        std::string meta = raw.substr(at, end - at);  // ":old new oldid newid S"
        std::size_t path_end = raw.find('\0', end + 1);
        std::string path = raw.substr(end + 1, path_end - end - 1);
        at = path_end + 1;
        std::string new_mode = meta.substr(8, 6);
        char status = meta.back();
        bool regular = new_mode == "100644" || new_mode == "100755";
        if (regular && (status == 'A' || status == 'M' || status == 'T'))
            out.push_back({path, {meta.substr(56, 40)}});
    }
    return out;
}

std::string describe(const std::vector<StagedFile>& files) {
    std::string out;
    for (const StagedFile& f : files)
        out += f.path + " " + f.blob.hex + "\n";
    return out;
}

// staged_files() equals the old libgit2 answer and git's; returns it.
std::vector<StagedFile> expect_as_before(const TempRepo& t) {
    auto repo = Repository::discover(t.root());
    EXPECT_TRUE(repo.has_value());
    auto staged = staged_files(*repo);
    EXPECT_TRUE(staged.has_value()) << staged.error().describe();
    if (!staged)
        return {};
    EXPECT_EQ(describe(*staged), describe(reference_staged_files(t.root())));
    EXPECT_EQ(describe(*staged), describe(git_staged_files(t)));
    return *staged;
}

IndexFile index_of(const TempRepo& t) {
    auto index = IndexFile::read(t.root() + "/.git/index");
    EXPECT_TRUE(index.has_value()) << index.error().describe();
    return index ? std::move(*index) : IndexFile();
}

bool root_valid(const IndexFile& index) {
    return index.cache_tree() && index.cache_tree()->valid();
}

// An archive with folders at several depths, committed.
void archive(const TempRepo& t) {
    t.write("README.md", "readme\n");
    t.write("a/2019/01/one.md", "one\n");
    t.write("a/2019/01/two.md", "two\n");
    t.write("a/2019/02/three.md", "three\n");
    t.write("a/2020/12/four.md", "four\n");
    t.write("a.b/x.md", "dot\n");
    t.write("a-b/y.md", "dash\n");
    t.write("a0/z.md", "zero\n");
    t.write("deep/1/2/3/4/5/6/7/8/leaf.md", "leaf\n");
    t.write("run.sh", "#!/bin/sh\n");
    t.commit_all("archive");
}

}  // namespace

// ---- the reader on bytes ----

TEST(IndexFileParse, ReadsVersion2EntriesAndStages) {
    auto index = IndexFile::parse(index_bytes(2, {{"a.md", 0100644, 0x11, 0},
                                                  {"b/c.md", 0100755, 0x22, 0},
                                                  {"conflict.md", 0100644, 0x33, 1},
                                                  {"conflict.md", 0100644, 0x44, 2},
                                                  {"link", 0120000, 0x55, 0}}),
                                  "idx");
    ASSERT_TRUE(index.has_value()) << index.error().describe();
    EXPECT_EQ(index->version(), 2u);
    EXPECT_EQ(paths_of(*index),
              (std::vector<std::string>{"a.md", "b/c.md", "conflict.md", "conflict.md", "link"}));
    const auto& e = index->entries();
    EXPECT_EQ(e[1].mode, 0100755u);
    EXPECT_EQ(e[1].id, id_of(0x22));
    EXPECT_EQ(e[2].stage, 1);
    EXPECT_EQ(e[3].stage, 2);
    EXPECT_EQ(e[4].mode, 0120000u);
    EXPECT_FALSE(index->cache_tree().has_value());
}

TEST(IndexFileParse, ReadsVersion3ExtendedFlags) {
    auto index = IndexFile::parse(index_bytes(3, {{"ita.md", 0100644, 0x11, 0, 0x2000},
                                                  {"plain.md"},
                                                  {"skip.md", 0100644, 0x22, 0, 0x4000}}),
                                  "idx");
    ASSERT_TRUE(index.has_value()) << index.error().describe();
    const auto& e = index->entries();
    ASSERT_EQ(e.size(), 3u);
    EXPECT_TRUE(e[0].intent_to_add);
    EXPECT_FALSE(e[0].skip_worktree);
    EXPECT_FALSE(e[1].intent_to_add);
    EXPECT_TRUE(e[2].skip_worktree);
    EXPECT_EQ(e[2].id, id_of(0x22));
    EXPECT_EQ(paths_of(*index), (std::vector<std::string>{"ita.md", "plain.md", "skip.md"}));
}

TEST(IndexFileParse, RebuildsVersion4PrefixCompressedPaths) {
    auto index = IndexFile::parse(index_bytes(4, {{"a/2019/one.md", 0100644, 0x11, 0, 0, 0},
                                                  {"two.md", 0100644, 0x22, 0, 0, 6},
                                                  {"20/x.md", 0100644, 0x33, 0, 0x4000, 9},
                                                  {"b", 0100644, 0x44, 0, 0, 11}}),
                                  "idx");
    ASSERT_TRUE(index.has_value()) << index.error().describe();
    EXPECT_EQ(paths_of(*index),
              (std::vector<std::string>{"a/2019/one.md", "a/2019/two.md", "a/2020/x.md", "b"}));
    EXPECT_EQ(index->entries()[2].id, id_of(0x33));
    EXPECT_TRUE(index->entries()[2].skip_worktree);
}

TEST(IndexFileParse, ReadsTheCacheTreeInAnyOrder) {
    // git writes subtrees shortest name first; lookups go by name.
    std::string tree = std::string("\0", 1) + "3 2\n" + id_bytes(0xa1) + "bb" +
                       std::string("\0", 1) + "-1 0\n" + "a" + std::string("\0", 1) + "2 1\n" +
                       id_bytes(0xa2) + "c" + std::string("\0", 1) + "1 0\n" + id_bytes(0xa3);
    auto index = IndexFile::parse(
        index_bytes(2, {{"a/c/x.md"}, {"a/y.md"}, {"bb/z.md"}}, extension("TREE", tree)), "idx");
    ASSERT_TRUE(index.has_value()) << index.error().describe();
    ASSERT_TRUE(index->cache_tree().has_value());
    const CacheTree& root = *index->cache_tree();
    EXPECT_EQ(root.entry_count, 3);
    EXPECT_EQ(root.id, id_of(0xa1));
    ASSERT_EQ(root.subtrees.size(), 2u);
    EXPECT_EQ(root.subtrees[0].name, "a");
    EXPECT_EQ(root.subtrees[1].name, "bb");
    const CacheTree* bb = root.subtree("bb");
    ASSERT_NE(bb, nullptr);
    EXPECT_FALSE(bb->valid());
    const CacheTree* c = root.subtree("a") ? root.subtree("a")->subtree("c") : nullptr;
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->entry_count, 1);
    EXPECT_EQ(c->id, id_of(0xa3));
    EXPECT_EQ(root.subtree("c"), nullptr);
}

TEST(IndexFileParse, SkipsOptionalExtensions) {
    auto index = IndexFile::parse(
        index_bytes(2, {{"a.md"}}, extension("REUC", "anything") + extension("UNTR", "")), "idx");
    ASSERT_TRUE(index.has_value()) << index.error().describe();
    EXPECT_EQ(index->entries().size(), 1u);
}

TEST(IndexFileParse, AMissingFileIsAnEmptyIndex) {
    auto index = IndexFile::read("/nonexistent-archtag-dir/index");
    ASSERT_TRUE(index.has_value());
    EXPECT_TRUE(index->entries().empty());
}

TEST(IndexFileRead, NamesTheFileWhenItIsNotAnIndex) {
    TempRepo t;
    t.write("empty", "");
    auto empty = IndexFile::read(t.root() + "/empty");
    ASSERT_FALSE(empty.has_value());
    EXPECT_EQ(empty.error().headline(),
              t.root() +
                  "/empty: not a valid git index: 0 bytes, too short for a header and a checksum "
                  "(32)");
    auto folder = IndexFile::read(t.root() + "/.git");
    ASSERT_FALSE(folder.has_value());
    EXPECT_EQ(folder.error().headline(), t.root() + "/.git: not a regular file");
}

TEST(IndexFileParse, RefusesAShortFile) {
    EXPECT_EQ(error_of("DIRC"),
              "idx: not a valid git index: 4 bytes, too short for a header and a checksum (32)");
}

TEST(IndexFileParse, RefusesAWrongSignature) {
    std::string bytes = index_bytes(2, {{"a.md"}});
    bytes[0] = 'X';
    EXPECT_EQ(error_of(bytes), "idx: not a valid git index: it does not start with \"DIRC\"");
}

TEST(IndexFileParse, RefusesAnUnknownVersion) {
    EXPECT_EQ(error_of(index_bytes(5, {{"a.md"}})),
              "idx: git index version 5 is not supported: archtag reads versions 2, 3 and 4");
    EXPECT_EQ(error_of(index_bytes(1, {})),
              "idx: git index version 1 is not supported: archtag reads versions 2, 3 and 4");
}

TEST(IndexFileParse, RefusesMoreEntriesThanTheFileHolds) {
    std::string bytes = index_bytes(2, {{"a.md"}});
    bytes[11] = 2;
    EXPECT_EQ(error_of(bytes),
              "idx: not a valid git index: the header counts 2 entries, the file has room for at "
              "most 1");
}

TEST(IndexFileParse, RefusesATruncatedFile) {
    std::string whole = index_bytes(2, {{"a.md"}, {"b/a-longer-name.md"}});
    std::string cut = whole.substr(0, whole.size() - 20 - 8) + std::string(20, '\xee');
    EXPECT_EQ(error_of(cut),
              "idx: not a valid git index: entry 2 of 2 runs past the end of the file");
    std::string v4 = index_bytes(4, {{"a.md"}, {"b.md"}});
    EXPECT_EQ(error_of(v4.substr(0, v4.size() - 21) + std::string(20, '\xee')),
              "idx: not a valid git index: entry 2 of 2 runs past the end of the file");
}

TEST(IndexFileParse, RefusesAPathLengthThatDisagreesWithItsFlags) {
    std::string bytes = index_bytes(2, {{"abc.md"}});
    bytes[12 + 61] = 4;  // the name length in the flags
    EXPECT_EQ(
        error_of(bytes),
        "idx: not a valid git index: entry 1 of 1 has a path of 6 bytes where its flags say 4");
}

TEST(IndexFileParse, RefusesAnEntryLengthPastTheEnd) {
    // A path with no NUL before the checksum.
    std::string bytes = header(2, 1) + entry_bytes({"a.md"}, 2);
    bytes.resize(bytes.size() - 4);
    bytes += std::string(20, '\xee');
    std::replace(bytes.end() - 20, bytes.end(), '\xee', 'x');
    EXPECT_EQ(error_of(bytes),
              "idx: not a valid git index: entry 1 of 1 runs past the end of the file");
}

TEST(IndexFileParse, RefusesAVersion4PrefixLongerThanThePreviousPath) {
    EXPECT_EQ(error_of(index_bytes(4, {{"ab"}, {"c", 0100644, 0x11, 0, 0, 3}})),
              "idx: not a valid git index: entry 2 of 2 drops 3 bytes of a previous path of 2");
}

TEST(IndexFileParse, RefusesEntriesOutOfOrder) {
    EXPECT_EQ(error_of(index_bytes(2, {{"b.md"}, {"a.md"}})),
              "idx: not a valid git index: entry 2 of 2 ('a.md') is out of order");
    EXPECT_EQ(error_of(index_bytes(2, {{"a.md"}, {"a.md", 0100644, 0x11, 1}})),
              "idx: not a valid git index: entry 2 of 2 ('a.md') is out of order");
}

TEST(IndexFileParse, RefusesAnExtensionPastTheEnd) {
    std::string ext = extension("TREE", std::string("\0", 1) + "1 0\n" + id_bytes(1));
    ext[7] = 60;  // declared size
    EXPECT_EQ(error_of(index_bytes(2, {{"a.md"}}, ext)),
              "idx: not a valid git index: extension 'TREE' runs past the end of the file");
}

TEST(IndexFileParse, RefusesStrayBytesAfterTheExtensions) {
    EXPECT_EQ(error_of(index_bytes(2, {{"a.md"}}, "xyz")),
              "idx: not a valid git index: 3 stray bytes after the last extension");
}

TEST(IndexFileParse, RefusesARequiredExtensionItCannotRead) {
    EXPECT_EQ(error_of(index_bytes(2, {{"a.md"}}, extension("link", id_bytes(0)))),
              "idx: the index needs extension 'link', which archtag does not read (a split or "
              "sparse index?)");
}

TEST(IndexFileParse, RefusesABadTreeExtension) {
    auto bad_tree = [](const std::string& body) {
        return error_of(index_bytes(2, {{"a/b.md"}}, extension("TREE", body)));
    };
    std::string nul("\0", 1);
    // Entries start at byte 12 and take 72 bytes; the extension body at 92.
    EXPECT_EQ(bad_tree("no-nul"),
              "idx: not a valid git index: malformed TREE extension at byte 92: expected a "
              "NUL-terminated folder name");
    EXPECT_EQ(bad_tree(nul + "x 0\n"),
              "idx: not a valid git index: malformed TREE extension at byte 93: expected an entry "
              "count, a space");
    EXPECT_EQ(bad_tree(nul + "2 0\n" + id_bytes(1)),
              "idx: not a valid git index: malformed TREE extension at byte 93: expected an entry "
              "count, a space");
    EXPECT_EQ(
        bad_tree(nul + "1 0\n" + "short"),
        "idx: not a valid git index: malformed TREE extension at byte 97: expected a tree id");
    EXPECT_EQ(bad_tree(nul + "1 9\n" + id_bytes(1)),
              "idx: not a valid git index: malformed TREE extension at byte 95: expected a subtree "
              "count and a newline");
    EXPECT_EQ(bad_tree(nul + "1 1\n" + id_bytes(1) + "a" + nul + "1 0\n" + id_bytes(2) + "!"),
              "idx: not a valid git index: malformed TREE extension at byte 143: expected the end "
              "of the extension");
}

// ---- files git writes ----

TEST(IndexFileRead, ReadsWhatGitLists) {
    TempRepo t;
    archive(t);
    t.write("weird\xff\xfe name.md", "bytes\n");
    t.git("add -A");
    IndexFile index = index_of(t);
    EXPECT_EQ(index.version(), 2u);
    std::string listed = t.git("ls-files -s -z");
    std::string mine;
    for (const IndexEntry& e : index.entries()) {
        git_oid oid;
        git_oid_fromraw(&oid, e.id.data());
        char hex[GIT_OID_HEXSZ + 1] = {};
        git_oid_tostr(hex, sizeof hex, &oid);
        mine += fmt_mode(e.mode);
        mine += std::string(" ") + hex + " " + std::to_string(e.stage) + "\t" + std::string(e.path);
        mine.push_back('\0');
    }
    EXPECT_EQ(mine, listed);
    t.git("update-index --index-version 4");
    IndexFile v4 = index_of(t);
    EXPECT_EQ(v4.version(), 4u);
    EXPECT_EQ(paths_of(v4), paths_of(index));
}

// ---- staged_files() against the old answer and git's ----

TEST(StagedFilesWalk, AnUntouchedCommitStagesNothing) {
    TempRepo t;
    archive(t);
    EXPECT_TRUE(root_valid(index_of(t)));
    EXPECT_TRUE(expect_as_before(t).empty());
}

TEST(StagedFilesWalk, AddModifyDeleteRenameAndModeChangeWithAValidCacheTree) {
    TempRepo t;
    archive(t);
    t.git("read-tree HEAD");
    t.write("a/2019/01/one.md", "one changed\n");
    t.write("a/2019/03/new.md", "new\n");
    t.write("deep/1/2/3/4/5/6/7/8/leaf.md", "leaf changed\n");
    t.write("a0/added.md", "added\n");
    t.git("add a/2019/01/one.md a/2019/03/new.md deep a0");
    t.git("rm -q a/2020/12/four.md");
    t.git("mv a-b/y.md a-b/moved.md");
    t.git("update-index --chmod=+x a.b/x.md");
    IndexFile index = index_of(t);
    ASSERT_TRUE(index.cache_tree().has_value());
    EXPECT_FALSE(index.cache_tree()->valid());
    ASSERT_NE(index.cache_tree()->subtree("deep"), nullptr);
    EXPECT_FALSE(index.cache_tree()->subtree("deep")->valid());
    ASSERT_NE(index.cache_tree()->subtree("a.b"), nullptr);
    auto staged = expect_as_before(t);
    std::vector<std::string> paths;
    for (const StagedFile& f : staged)
        paths.push_back(f.path);
    EXPECT_EQ(paths, (std::vector<std::string>{"a-b/moved.md", "a.b/x.md", "a/2019/01/one.md",
                                               "a/2019/03/new.md", "a0/added.md",
                                               "deep/1/2/3/4/5/6/7/8/leaf.md"}));
}

TEST(StagedFilesWalk, WithoutACacheTree) {
    TempRepo t;
    archive(t);
    t.write("a/2019/02/three.md", "three changed\n");
    t.write("top.md", "top\n");
    t.git("add -A");
    // Rewrite the index from scratch: no TREE extension.
    std::string listed = t.git("ls-files -s");
    std::filesystem::remove(t.root() + "/.git/index");
    FILE* pipe = popen(("cd '" + t.root() + "' && git update-index --index-info").c_str(), "w");
    ASSERT_NE(pipe, nullptr);
    fwrite(listed.data(), 1, listed.size(), pipe);
    ASSERT_EQ(pclose(pipe), 0);
    EXPECT_FALSE(index_of(t).cache_tree().has_value());
    EXPECT_EQ(expect_as_before(t).size(), 2u);
}

TEST(StagedFilesWalk, Version3IntentToAddAndSkipWorktree) {
    TempRepo t;
    archive(t);
    t.write("a/2019/01/two.md", "two changed\n");
    t.git("add a/2019/01/two.md");
    t.git("update-index --skip-worktree a/2019/01/two.md a/2019/02/three.md");
    t.write("a/2020/12/later.md", "later\n");
    t.git("add -N a/2020/12/later.md");
    IndexFile index = index_of(t);
    EXPECT_EQ(index.version(), 3u);
    // libgit2 lists an intent-to-add file as added with the empty blob, and
    // so does staged_files still; `git diff --cached` leaves it out.
    auto repo = Repository::discover(t.root());
    auto staged = staged_files(*repo);
    ASSERT_TRUE(staged.has_value()) << staged.error().describe();
    EXPECT_EQ(describe(*staged), describe(reference_staged_files(t.root())));
    EXPECT_EQ(describe(*staged),
              describe(git_staged_files(t)) +
                  "a/2020/12/later.md e69de29bb2d1d6434b8b29ae775ad8c2e48c5391\n");
}

TEST(StagedFilesWalk, Version4) {
    TempRepo t;
    archive(t);
    t.git("update-index --index-version 4");
    t.write("a/2020/12/four.md", "four changed\n");
    t.write("a/2020/11/new.md", "new\n");
    t.git("add a/2020");
    EXPECT_EQ(index_of(t).version(), 4u);
    EXPECT_EQ(expect_as_before(t).size(), 2u);
    t.git("read-tree HEAD");
    EXPECT_TRUE(root_valid(index_of(t)));
    EXPECT_TRUE(expect_as_before(t).empty());
}

TEST(StagedFilesWalk, SymlinksSubmodulesAndTypeChanges) {
    TempRepo t;
    archive(t);
    std::string blob = t.git("rev-parse HEAD:README.md").substr(0, 40);
    std::string commit = t.git("rev-parse HEAD").substr(0, 40);
    t.git("update-index --add --cacheinfo 120000," + blob + ",a/2019/link.md");
    t.git("update-index --add --cacheinfo 160000," + commit + ",a/theme");
    // README.md becomes a symbolic link; run.sh becomes a folder's file.
    t.git("update-index --cacheinfo 120000," + blob + ",README.md");
    t.git("rm -q --cached run.sh");
    t.git("update-index --add --cacheinfo 100644," + blob + ",run.sh/inner.md");
    auto staged = expect_as_before(t);
    ASSERT_EQ(staged.size(), 1u);
    EXPECT_EQ(staged[0].path, "run.sh/inner.md");
    // And back: a symbolic link in HEAD replaced by a file.
    t.git("commit -q -m links");
    t.git("update-index --cacheinfo 100644," + blob + ",README.md");
    staged = expect_as_before(t);
    ASSERT_EQ(staged.size(), 1u);
    EXPECT_EQ(staged[0].path, "README.md");
}

TEST(StagedFilesWalk, ConflictedPathsAreNotListed) {
    TempRepo t;
    archive(t);
    std::string blob = t.git("rev-parse HEAD:README.md").substr(0, 40);
    std::string info =
        "0 0000000000000000000000000000000000000000\ta/2019/01/one.md\n"
        "100644 " +
        blob +
        " 1\ta/2019/01/one.md\n"
        "100644 " +
        blob + " 2\ta/2019/01/one.md\n";
    FILE* pipe = popen(("cd '" + t.root() + "' && git update-index --index-info").c_str(), "w");
    ASSERT_NE(pipe, nullptr);
    fwrite(info.data(), 1, info.size(), pipe);
    ASSERT_EQ(pclose(pipe), 0);
    auto repo = Repository::discover(t.root());
    auto staged = staged_files(*repo);
    ASSERT_TRUE(staged.has_value()) << staged.error().describe();
    EXPECT_EQ(describe(*staged), describe(reference_staged_files(t.root())));
    EXPECT_TRUE(staged->empty());
}

TEST(StagedFilesWalk, NonUtf8PathBytes) {
    TempRepo t;
    archive(t);
    t.write("a/2019/01/caf\xe9.md", "latin-1\n");
    t.write("a/\xff\xfe/x.md", "bytes\n");
    t.git("add -A");
    auto staged = expect_as_before(t);
    ASSERT_EQ(staged.size(), 2u);
    EXPECT_EQ(staged[1].path, "a/\xff\xfe/x.md");
}

TEST(StagedFilesWalk, BeforeTheFirstCommit) {
    TempRepo t;
    t.write("a.md", "a\n");
    t.write("d/b.md", "b\n");
    t.git("add -A");
    EXPECT_EQ(expect_as_before(t).size(), 2u);
}

TEST(StagedFilesWalk, TrustsAValidCacheTreeLikeGit) {
    // A folder whose cache-tree id is HEAD's is not read: change an entry's
    // id behind git's back and neither git nor staged_files sees it. This
    // is how a folder is skipped, not a promise about damaged indexes.
    TempRepo t;
    archive(t);
    t.git("read-tree HEAD");
    std::string before = t.git("rev-parse HEAD:a/2019/02/three.md").substr(0, 40);
    std::string other = t.git("rev-parse HEAD:README.md").substr(0, 40);
    auto bytes = read_file(t.root() + "/.git/index");
    ASSERT_TRUE(bytes.has_value());
    git_oid from, to;
    git_oid_fromstr(&from, before.c_str());
    git_oid_fromstr(&to, other.c_str());
    std::size_t at = bytes->find(std::string(reinterpret_cast<const char*>(from.id), 20));
    ASSERT_NE(at, std::string::npos);
    bytes->replace(at, 20, std::string(reinterpret_cast<const char*>(to.id), 20));
    ASSERT_TRUE(write_file_atomic(t.root() + "/.git/index", *bytes));
    EXPECT_EQ(t.git("diff --cached --name-only"), "");
    auto repo = Repository::discover(t.root());
    auto staged = staged_files(*repo);
    ASSERT_TRUE(staged.has_value()) << staged.error().describe();
    EXPECT_TRUE(staged->empty());
    // Once git invalidates the folder, both compare its entries.
    t.git("update-index --cacheinfo 100644," + other + ",a/2019/02/three.md");
    staged = staged_files(*repo);
    ASSERT_TRUE(staged.has_value());
    ASSERT_EQ(staged->size(), 1u);
    EXPECT_EQ((*staged)[0].path, "a/2019/02/three.md");
}

TEST(StagedFilesWalk, ADamagedIndexNamesTheFile) {
    TempRepo t;
    archive(t);
    auto bytes = read_file(t.root() + "/.git/index");
    ASSERT_TRUE(bytes.has_value());
    ASSERT_TRUE(write_file_atomic(t.root() + "/.git/index", bytes->substr(0, 100)));
    auto repo = Repository::discover(t.root());
    auto staged = staged_files(*repo);
    ASSERT_FALSE(staged.has_value());
    EXPECT_EQ(staged.error().headline(),
              repo->git_dir() +
                  "/index: not a valid git index: the header counts 10 entries, the file has room "
                  "for at most 1");
}

}  // namespace archtag::repo
