#include "repo/blob_writer.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "repo/test_support.h"

namespace archtag::repo {

namespace {

using testing::TempRepo;

std::string line1(const std::string& s) {
    return s.substr(0, s.find('\n'));
}

// `git count-objects -v` as a map ("count" -> loose objects, "packs", ...).
std::map<std::string, long> count_objects(const TempRepo& t) {
    std::map<std::string, long> out;
    std::string text = t.git("count-objects -v");
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find('\n', at);
        std::string line = text.substr(at, end - at);
        std::size_t colon = line.find(':');
        if (colon != std::string::npos)
            out[line.substr(0, colon)] = std::stol(line.substr(colon + 1));
        at = end == std::string::npos ? text.size() : end + 1;
    }
    return out;
}

bool loose_object_exists(const TempRepo& t, const ObjectId& id) {
    return std::filesystem::exists(t.root() + "/.git/objects/" + id.hex.substr(0, 2) + "/" +
                                   id.hex.substr(2));
}

std::string git_hash(const TempRepo& t, const std::string& bytes) {
    t.write("hash-me", bytes);
    return line1(t.git("hash-object hash-me"));
}

std::string article(int i) {
    std::string s = "Article " + std::to_string(i) + "\n";
    while (s.size() < 300)
        s += "Lorem ipsum " + std::to_string(i * 7919 + static_cast<int>(s.size())) + ".\n";
    return s;
}

struct Fixture {
    TempRepo t;
    ObjectId tip;
    Fixture() {
        t.write("a.md", "a\n");
        tip = ObjectId{t.commit_all("one")};
    }
};

// Commits a tree holding every blob, so that git fsck sees them reachable.
void commit_all_blobs(Repository& r, const ObjectId& tip, const std::vector<ObjectId>& blobs) {
    std::vector<FileUpdate> updates;
    for (std::size_t i = 0; i < blobs.size(); ++i)
        updates.push_back({"blobs/" + std::to_string(i) + ".md", *PackedId::of(blobs[i]), 0100644});
    auto tree = r.update_tree(tip, updates);
    ASSERT_TRUE(tree.has_value()) << tree.error().describe();
    Signature who{"Archive Bot", "bot@example.com", Instant{std::chrono::seconds{1795000000}}, 0};
    auto commit = r.create_commit({tip, *tree, who, who, "blobs\n"});
    ASSERT_TRUE(commit.has_value()) << commit.error().describe();
    auto moved = r.move_branch("refs/heads/main", *commit, tip, who, "blobs");
    ASSERT_TRUE(moved.has_value());
    ASSERT_EQ(*moved, MoveOutcome::moved);
}

}  // namespace

TEST(BlobWriter, AFewBlobsBecomeLooseObjectsAtFinish) {
    Fixture f;
    auto r = Repository::discover(f.t.root());
    ASSERT_TRUE(r.has_value());
    long loose_before = count_objects(f.t)["count"];
    BlobWriter writer(*r);
    std::vector<ObjectId> ids;
    for (int i = 0; i < 3; ++i) {
        auto id = writer.write(article(i));
        ASSERT_TRUE(id.has_value()) << id.error().describe();
        EXPECT_EQ(id->hex, git_hash(f.t, article(i)));
        EXPECT_FALSE(loose_object_exists(f.t, *id));  // held until finish()
        ids.push_back(*id);
    }
    ASSERT_TRUE(writer.finish().has_value());
    EXPECT_EQ(writer.packs_written(), 0u);
    for (int i = 0; i < 3; ++i) {
        EXPECT_TRUE(loose_object_exists(f.t, ids[i]));
        EXPECT_EQ(*r->read_blob(ids[i], 1000), article(i));
    }
    auto counts = count_objects(f.t);
    EXPECT_EQ(counts["count"], loose_before + 3);
    EXPECT_EQ(counts["packs"], 0);
}

TEST(BlobWriter, OneHundredBlobsStayLooseAndOneMoreMakesAPack) {
    for (int n : {100, 101}) {
        Fixture f;
        auto r = Repository::discover(f.t.root());
        long loose_before = count_objects(f.t)["count"];
        BlobWriter writer(*r);
        for (int i = 0; i < n; ++i)
            ASSERT_TRUE(writer.write(article(i)).has_value());
        ASSERT_TRUE(writer.finish().has_value());
        auto counts = count_objects(f.t);
        if (n == 100) {
            EXPECT_EQ(counts["count"], loose_before + 100);
            EXPECT_EQ(counts["packs"], 0);
        } else {
            EXPECT_EQ(counts["count"], loose_before);
            EXPECT_EQ(counts["packs"], 1);
            EXPECT_EQ(writer.packs_written(), 1u);
        }
    }
}

TEST(BlobWriter, ManyBlobsGoIntoSeveralPacksAndNoLooseObjects) {
    Fixture f;
    auto r = Repository::discover(f.t.root());
    long loose_before = count_objects(f.t)["count"];
    BlobWriter writer(*r, BlobWriterLimits{5, 1 << 20, 2000});
    std::vector<ObjectId> ids;
    for (int i = 0; i < 40; ++i) {
        auto id = writer.write(article(i));
        ASSERT_TRUE(id.has_value()) << id.error().describe();
        ids.push_back(*id);
    }
    EXPECT_GE(writer.packs_written(), 1u);  // flushed while writing, 2000 bytes at a time
    ASSERT_TRUE(writer.finish().has_value());
    // 40 blobs of 300-odd bytes, a pack every 2000 bytes (7 blobs): 6 packs.
    EXPECT_EQ(writer.packs_written(), 6u);
    auto counts = count_objects(f.t);
    EXPECT_EQ(counts["count"], loose_before);
    EXPECT_EQ(counts["packs"], 6);
    EXPECT_EQ(counts["in-pack"], 40);
    for (int i = 0; i < 40; ++i) {
        EXPECT_EQ(ids[i].hex, git_hash(f.t, article(i)));
        EXPECT_FALSE(loose_object_exists(f.t, ids[i]));
        EXPECT_EQ(*r->read_blob(ids[i], 1000), article(i));
        EXPECT_EQ(f.t.git("cat-file -p " + ids[i].hex), article(i));
    }
    commit_all_blobs(*r, f.tip, ids);
    EXPECT_EQ(f.t.git("fsck --strict --no-progress"), "");
    EXPECT_EQ(f.t.git("cat-file -p main:blobs/39.md"), article(39));
    // archtag writes the .idx itself: git checks it against the pack, and
    // nothing but packs and their indexes is left, read-only as git's.
    EXPECT_EQ(f.t.sh("cd .git/objects/pack && for i in *.idx; do git verify-pack \"$i\" >/dev/null "
                     "|| echo \"bad $i\"; done; ls | grep -Ev '^pack-[0-9a-f]{40}[.](pack|idx)$' "
                     "|| true"),
              "");
    EXPECT_EQ(f.t.sh("stat -c %a .git/objects/pack/* | sort -u"), "444\n");
}

// One zlib stream serves every entry of a writer, reset between them: an
// empty blob, a large one that barely compresses and small ones in turn
// must each come back as written.
TEST(BlobWriter, EmptyLargeAndSmallBlobsInTurnComeBackFromOnePack) {
    Fixture f;
    auto r = Repository::discover(f.t.root());
    std::string noise;
    std::uint32_t x = 12345;
    while (noise.size() < (3u << 20)) {
        x = x * 1103515245u + 12345u;
        noise += static_cast<char>(x >> 24);
    }
    std::vector<std::string> blobs = {"", article(1), noise, "", article(2), noise.substr(7, 70000),
                                      "x"};
    BlobWriter writer(*r, BlobWriterLimits{0, 0, std::uint64_t{64} << 20});
    std::vector<ObjectId> ids;
    for (const std::string& b : blobs) {
        auto id = writer.write(b);
        ASSERT_TRUE(id.has_value()) << id.error().describe();
        ids.push_back(*id);
    }
    ASSERT_TRUE(writer.finish().has_value());
    EXPECT_EQ(writer.packs_written(), 1u);
    for (std::size_t i = 0; i < blobs.size(); ++i)
        EXPECT_EQ(*r->read_blob(ids[i], 4u << 20), blobs[i]) << "blob " << i;
    EXPECT_EQ(ids[0].hex, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");  // git's empty blob
    EXPECT_EQ(f.t.sh("cd .git/objects/pack && for i in *.idx; do git verify-pack \"$i\" >/dev/null "
                     "|| echo \"bad $i\"; done"),
              "");
}

TEST(BlobWriter, PacksOfALinkedWorkTreeGoToTheSharedObjects) {
    Fixture f;
    f.t.git("worktree add -q ../linked-" + std::filesystem::path(f.t.root()).filename().string());
    std::string linked = std::filesystem::path(f.t.root()).parent_path().string() + "/linked-" +
                         std::filesystem::path(f.t.root()).filename().string();
    {
        auto r = Repository::discover(linked);
        ASSERT_TRUE(r.has_value()) << r.error().describe();
        BlobWriter writer(*r, BlobWriterLimits{1, 1 << 20, 1 << 20});
        for (int i = 0; i < 3; ++i)
            ASSERT_TRUE(writer.write(article(i)).has_value());
        ASSERT_TRUE(writer.finish().has_value());
        EXPECT_EQ(writer.packs_written(), 1u);
    }
    EXPECT_EQ(count_objects(f.t)["in-pack"], 3);
    EXPECT_EQ(f.t.git("cat-file -p " + git_hash(f.t, article(2))), article(2));
    std::filesystem::remove_all(linked);
}

TEST(BlobWriter, EightMebibytesOfBlobsIsTheLooseLimitToo) {
    Fixture f;
    auto r = Repository::discover(f.t.root());
    long loose_before = count_objects(f.t)["count"];
    BlobWriter writer(*r, BlobWriterLimits{100, 1000, std::uint64_t{32} << 20});
    for (int i = 0; i < 4; ++i)
        ASSERT_TRUE(writer.write(article(i)).has_value());  // the fourth passes 1000 bytes
    ASSERT_TRUE(writer.finish().has_value());
    auto counts = count_objects(f.t);
    EXPECT_EQ(counts["count"], loose_before);
    EXPECT_EQ(counts["packs"], 1);
    EXPECT_EQ(counts["in-pack"], 4);
}

TEST(BlobWriter, BlobsAreReadableOnlyAfterFinish) {
    Fixture f;
    auto r = Repository::discover(f.t.root());
    BlobWriter writer(*r, BlobWriterLimits{0, 0, 1 << 20});
    auto id = writer.write("pending\n");
    ASSERT_TRUE(id.has_value());
    auto before = r->read_blob(*id, 100);
    ASSERT_FALSE(before.has_value());
    EXPECT_EQ(before.error().message, "cannot read blob " + id->hex +
                                          ": object not found - no match for id (" + id->hex + ")");
    ASSERT_TRUE(writer.finish().has_value());
    EXPECT_EQ(*r->read_blob(*id, 100), "pending\n");
}

TEST(BlobWriter, AnEmptyWriterFinishesWithoutWritingAnything) {
    Fixture f;
    auto r = Repository::discover(f.t.root());
    auto counts_before = count_objects(f.t);
    BlobWriter writer(*r);
    ASSERT_TRUE(writer.finish().has_value());
    ASSERT_TRUE(writer.finish().has_value());
    EXPECT_EQ(writer.packs_written(), 0u);
    EXPECT_EQ(count_objects(f.t), counts_before);
}

TEST(BlobWriter, KnownAndRepeatedBlobsAreWrittenOnce) {
    Fixture f;
    auto r = Repository::discover(f.t.root());
    long loose_before = count_objects(f.t)["count"];
    BlobWriter writer(*r);
    auto existing = writer.write("a\n");  // a.md's blob
    ASSERT_TRUE(existing.has_value());
    EXPECT_EQ(existing->hex, line1(f.t.git("rev-parse HEAD:a.md")));
    auto first = writer.write("twice\n");
    auto second = writer.write("twice\n");
    ASSERT_TRUE(first.has_value() && second.has_value());
    EXPECT_EQ(*first, *second);
    ASSERT_TRUE(writer.finish().has_value());
    EXPECT_EQ(count_objects(f.t)["count"], loose_before + 1);
}

TEST(BlobWriter, CanBeUsedAgainAfterFinishAndMoved) {
    Fixture f;
    auto r = Repository::discover(f.t.root());
    BlobWriter writer(*r, BlobWriterLimits{1, 1 << 20, 1 << 20});
    ASSERT_TRUE(writer.write(article(1)).has_value());
    ASSERT_TRUE(writer.write(article(2)).has_value());
    ASSERT_TRUE(writer.finish().has_value());
    BlobWriter moved = std::move(writer);
    auto id = moved.write(article(3));
    ASSERT_TRUE(id.has_value());
    ASSERT_TRUE(moved.write(article(4)).has_value());
    ASSERT_TRUE(moved.finish().has_value());
    EXPECT_EQ(moved.packs_written(), 2u);
    EXPECT_EQ(count_objects(f.t)["packs"], 2);
    EXPECT_EQ(*r->read_blob(*id, 1000), article(3));
}

TEST(BlobWriter, WorksInABareRepository) {
    Fixture f;
    TempRepo bare(testing::Bare::yes);
    bare.git("fetch -q '" + f.t.root() + "' main:main");
    auto r = Repository::open(bare.root());
    ASSERT_TRUE(r.has_value());
    long packs_before = count_objects(bare)["packs"];
    BlobWriter writer(*r, BlobWriterLimits{2, 1 << 20, 1 << 20});
    std::vector<ObjectId> ids;
    for (int i = 0; i < 3; ++i)
        ids.push_back(*writer.write(article(i)));
    ASSERT_TRUE(writer.finish().has_value());
    EXPECT_EQ(writer.packs_written(), 1u);
    EXPECT_EQ(count_objects(bare)["packs"], packs_before + 1);
    EXPECT_EQ(*r->read_blob(ids[2], 1000), article(2));
}

// Two writers packing the same blobs make the same pack name: the second
// keeps the first's files rather than replacing them, and leaves no
// temporary behind.
TEST(BlobWriter, ASecondWriterOfTheSamePackKeepsTheFirstOnesFiles) {
    Fixture f;
    auto r1 = Repository::discover(f.t.root());
    auto r2 = Repository::discover(f.t.root());
    BlobWriter first(*r1, BlobWriterLimits{1, 1 << 20, 1 << 20});
    BlobWriter second(*r2, BlobWriterLimits{1, 1 << 20, 1 << 20});
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(first.write(article(i)).has_value());
        ASSERT_TRUE(second.write(article(i)).has_value());
    }
    ASSERT_TRUE(first.finish().has_value());
    std::string inode = f.t.sh("stat -c %i .git/objects/pack/*.pack");
    auto done = second.finish();
    ASSERT_TRUE(done.has_value()) << done.error().describe();
    EXPECT_EQ(f.t.sh("stat -c %i .git/objects/pack/*.pack"), inode);
    EXPECT_EQ(f.t.sh("ls .git/objects/pack | grep -v '^pack-' || true"), "");
    EXPECT_EQ(count_objects(f.t)["in-pack"], 3);
    EXPECT_EQ(f.t.git("cat-file -p " + git_hash(f.t, article(1))), article(1));
}

// A hook's repository whose new objects go to GIT_OBJECT_DIRECTORY (a push
// quarantine): packs go there too, where the repository reads them.
TEST(BlobWriter, PacksGoWhereAHooksObjectDirectoryIs) {
    Fixture f;
    std::string quarantine = f.t.root() + "/.git/objects/incoming-test";
    f.t.sh("mkdir -p .git/objects/incoming-test/pack");
    std::string cwd = std::filesystem::current_path().string();
    std::filesystem::current_path(f.t.root());
    ::setenv("GIT_DIR", ".git", 1);
    ::setenv("GIT_OBJECT_DIRECTORY", quarantine.c_str(), 1);
    ::setenv("GIT_ALTERNATE_OBJECT_DIRECTORIES", (f.t.root() + "/.git/objects").c_str(), 1);
    auto r = Repository::open_from_environment();
    for (const char* name : {"GIT_DIR", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES"})
        ::unsetenv(name);
    std::filesystem::current_path(cwd);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    EXPECT_EQ(r->objects_dir(), quarantine);
    BlobWriter writer(*r, BlobWriterLimits{1, 1 << 20, 1 << 20});
    std::vector<ObjectId> ids;
    for (int i = 0; i < 3; ++i)
        ids.push_back(writer.write(article(i)).value());
    ASSERT_TRUE(writer.finish().has_value());
    EXPECT_EQ(f.t.sh("ls .git/objects/incoming-test/pack | wc -l"), "2\n");
    auto bytes = r->read_blob(ids[2], 1000);
    ASSERT_TRUE(bytes.has_value()) << bytes.error().describe();
    EXPECT_EQ(*bytes, article(2));
}

}  // namespace archtag::repo
