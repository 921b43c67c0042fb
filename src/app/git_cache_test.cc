#include "app/git_cache.h"

#include <gtest/gtest.h>

#include <boost/filesystem.hpp>

#include "util/file.h"

namespace archtag::app {

namespace {

using namespace std::chrono;

const std::string k_blob = "0123456789abcdef0123456789abcdef01234567";
const Instant k_from = sys_days{2026y / November / 23} + 8h;
const Instant k_until = sys_days{2026y / December / 19} + 8h;

CachedOutcome outcome() {
    CachedOutcome c;
    c.blob = k_blob;
    c.valid_from = k_from;
    c.valid_until = k_until;
    ArticleResult& r = c.result;
    r.format = Format::markdown;
    r.policy = "laist";
    r.publication = "LAist";
    ArticleMeta m;
    m.title = "Obama: Sony\nMade A Mistake";
    m.published = *parse_timestamp("2014-12-19T13:05:00-08:00");
    m.published_source = "front-matter:date";
    m.published_confidence = Confidence::medium;
    r.meta = m;
    r.decision.era = "kpcc";
    r.decision.owner = "Southern California Public Radio";
    r.decision.age = "11 years";
    r.decision.exempt_reason = "recipes never age";
    r.decision.notices.push_back(
        {NoticeKind::archival, "An archival story.", "en", "https://laist.com/about", "more"});
    r.plan.changes.push_back(
        {NoticeKind::age, Change::keep, "This article is more than 11 years old"});
    r.decision.flags.push_back({FlagLevel::warning, "date-conflict", "two dates, 3 days apart"});
    return c;
}

class TempGitDir {
  public:
    TempGitDir()
        : m_dir((boost::filesystem::temp_directory_path() /
                 boost::filesystem::unique_path("archtag-cache-%%%%%%%%"))
                    .string()) {
        boost::filesystem::create_directories(m_dir);
    }
    ~TempGitDir() { boost::filesystem::remove_all(m_dir); }
    const std::string& path() const { return m_dir; }

  private:
    std::string m_dir;
};

}  // namespace

// Writes `entries` (path, outcome) as the cache of `git` for digest "d1".
void write_cache(const TempGitDir& git, const std::vector<std::string>& paths) {
    auto writer = CacheWriter::create(git.path(), "d1");
    ASSERT_TRUE(writer) << writer.error().message;
    for (const std::string& p : paths)
        ASSERT_TRUE(writer->add(p, outcome()));
    ASSERT_TRUE(writer->commit());
}

TEST(SweepCache, RoundTripsByteExactPathsAndWhatTheReportShows) {
    TempGitDir git;
    const std::string path = std::string("laist/caf\xe9\nnew line,:5.md");
    write_cache(git, {path});
    CacheReader reader = CacheReader::open(git.path(), "d1");
    const CachedOutcome* e = reader.seek(path);
    ASSERT_NE(e, nullptr) << reader.note();
    EXPECT_EQ(reader.note(), "");
    EXPECT_EQ(e->blob, k_blob);
    EXPECT_EQ(e->valid_from, k_from);
    EXPECT_EQ(e->valid_until, k_until);
    const ArticleResult& r = e->result;
    EXPECT_EQ(r.path, "");
    EXPECT_EQ(r.format, Format::markdown);
    EXPECT_EQ(r.policy, "laist");
    EXPECT_EQ(r.publication, "LAist");
    ASSERT_TRUE(r.meta && r.meta->published);
    EXPECT_EQ(r.meta->title, "Obama: Sony\nMade A Mistake");
    EXPECT_EQ(r.meta->published->iso(), "2014-12-19T13:05:00-08:00");
    EXPECT_EQ(r.meta->published_source, "front-matter:date");
    EXPECT_EQ(r.meta->published_confidence, Confidence::medium);
    EXPECT_EQ(r.decision.era, "kpcc");
    EXPECT_EQ(r.decision.owner, "Southern California Public Radio");
    EXPECT_EQ(r.decision.age, "11 years");
    EXPECT_EQ(r.decision.exempt_reason, "recipes never age");
    EXPECT_EQ(r.decision.notices, outcome().result.decision.notices);
    ASSERT_EQ(r.plan.changes.size(), 1u);
    EXPECT_EQ(r.plan.changes[0].text, "This article is more than 11 years old");
    EXPECT_EQ(r.plan.changes[0].change, Change::keep);
    EXPECT_EQ(
        r.decision.flags,
        (std::vector<Flag>{{FlagLevel::warning, "date-conflict", "two dates, 3 days apart"}}));
}

TEST(SweepCache, AnEntryHoldsOnlyForItsBlobAndItsDates) {
    CachedOutcome e = outcome();
    EXPECT_TRUE(holds(e, k_blob, k_from));
    EXPECT_TRUE(holds(e, k_blob, k_until - seconds{1}));
    EXPECT_FALSE(holds(e, k_blob, k_until));
    EXPECT_FALSE(holds(e, k_blob, k_from - seconds{1}));
    EXPECT_FALSE(holds(e, "1123456789abcdef0123456789abcdef01234567", k_from));
}

TEST(SweepCache, ReadsAlongWithAWalkInPathOrder) {
    TempGitDir git;
    write_cache(git, {"a.md", "b/c.md", "b/d.md", "e.md"});
    CacheReader reader = CacheReader::open(git.path(), "d1");
    EXPECT_NE(reader.seek("a.md"), nullptr);
    EXPECT_EQ(reader.seek("b/a.md"), nullptr);          // new file: not cached
    EXPECT_EQ(reader.seek("b/d.md") != nullptr, true);  // b/c.md is gone from the tree
    EXPECT_EQ(reader.seek("z.md"), nullptr);
    EXPECT_EQ(reader.note(), "");
}

TEST(SweepCache, EntriesMustBeWrittenInPathOrder) {
    TempGitDir git;
    auto writer = CacheWriter::create(git.path(), "d1");
    ASSERT_TRUE(writer);
    ASSERT_TRUE(writer->add("b.md", outcome()));
    Status s = writer->add("a.md", outcome());
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().message, "entry a.md out of order");
}

TEST(SweepCache, ANewCacheReplacesTheVersion1File) {
    TempGitDir git;
    boost::filesystem::create_directories(git.path() + "/archtag");
    ASSERT_TRUE(write_file_atomic(git.path() + "/archtag/cache-v1", "archtag-cache 1\n"));
    write_cache(git, {"a.md"});
    EXPECT_FALSE(boost::filesystem::exists(git.path() + "/archtag/cache-v1"));
    EXPECT_TRUE(boost::filesystem::exists(cache_file_in(git.path())));
}

TEST(SweepCache, ANeverCommittedWriterLeavesTheOldCache) {
    TempGitDir git;
    write_cache(git, {"a.md"});
    {
        auto writer = CacheWriter::create(git.path(), "d1");
        ASSERT_TRUE(writer);
        ASSERT_TRUE(writer->add("b.md", outcome()));
    }
    CacheReader reader = CacheReader::open(git.path(), "d1");
    EXPECT_NE(reader.seek("a.md"), nullptr);
}

TEST(SweepCache, DamageStopsTheReadingThereWithANote) {
    TempGitDir git;
    write_cache(git, {"a.md", "b.md"});
    std::string file = cache_file_in(git.path());
    std::string bytes = *read_file(file);
    ASSERT_TRUE(write_file_atomic(file, bytes.substr(0, bytes.size() - 5)));
    CacheReader cut = CacheReader::open(git.path(), "d1");
    EXPECT_NE(cut.seek("a.md"), nullptr);
    EXPECT_EQ(cut.seek("b.md"), nullptr);
    EXPECT_EQ(cut.note(), file +
                              ": only partly used (the rest is read again): an entry runs past "
                              "the end of the file");

    std::string garbled = bytes;
    std::size_t inner = bytes.find("4:b.md");        // the second entry's path
    garbled[bytes.rfind(',', inner - 2) + 1] = 'x';  // its entry length is no number
    ASSERT_TRUE(write_file_atomic(file, garbled));
    CacheReader bad = CacheReader::open(git.path(), "d1");
    EXPECT_EQ(bad.seek("b.md"), nullptr);
    EXPECT_EQ(bad.note(),
              file + ": only partly used (the rest is read again): expected an entry length");
}

TEST(SweepCache, AnotherDigestIsIgnoredSilentlyAndAForeignFileWithANote) {
    TempGitDir git;
    write_cache(git, {"a.md"});
    CacheReader other = CacheReader::open(git.path(), "d2");
    EXPECT_EQ(other.seek("a.md"), nullptr);
    EXPECT_EQ(other.note(), "");
    ASSERT_TRUE(write_file_atomic(cache_file_in(git.path()), "garbage that is long enough"));
    CacheReader foreign = CacheReader::open(git.path(), "d1");
    EXPECT_EQ(foreign.seek("a.md"), nullptr);
    EXPECT_EQ(foreign.note(), cache_file_in(git.path()) +
                                  ": ignored (every article is read again): not an archtag "
                                  "cache of version 3");
}

std::optional<SweepMemo> memo_in(const TempGitDir& git, const std::string& digest) {
    auto found = CacheReader::open_with_memo(git.path(), digest);
    return found ? std::optional<SweepMemo>(std::move(found->first)) : std::nullopt;
}

SweepMemo memo_of(const std::vector<std::string>& paths) {
    SweepMemo m{"89abcdef0123456789abcdef0123456789abcdef", "scope", 0, {}};
    for (std::size_t i = 0; i < paths.size(); ++i)
        m.add(outcome());
    return m;
}

TEST(SweepCache, AMemoWidensWithEachEntryPerPolicy) {
    SweepMemo m;
    CachedOutcome early = outcome(), late = outcome(), none = outcome();
    late.valid_from = k_from + hours(5);
    late.valid_until = k_until + hours(24);
    none.result.policy = "";
    none.valid_until = Instant::max();
    m.add(early);
    m.add(late);
    m.add(none);
    EXPECT_EQ(m.entries, 3u);
    ASSERT_EQ(m.by_policy.size(), 2u);
    EXPECT_EQ(m.by_policy["laist"].from, k_from + hours(5));
    EXPECT_EQ(m.by_policy["laist"].until, k_until);
    EXPECT_EQ(m.by_policy[""].until, Instant::max());
}

TEST(SweepCache, AMemoFollowsTheEntriesAndIsFoundFromTheEnd) {
    TempGitDir git;
    auto writer = CacheWriter::create(git.path(), "d1");
    ASSERT_TRUE(writer);
    ASSERT_TRUE(writer->add("a.md", outcome()));
    ASSERT_TRUE(writer->add("b.md", outcome()));
    SweepMemo written = memo_of({"a.md", "b.md"});
    ASSERT_TRUE(writer->commit(&written));

    auto memo = memo_in(git, "d1");
    ASSERT_TRUE(memo);
    EXPECT_EQ(memo->tree, written.tree);
    EXPECT_EQ(memo->scope, "scope");
    EXPECT_EQ(memo->entries, 2u);
    EXPECT_EQ(memo->by_policy.at("laist").from, k_from);
    EXPECT_EQ(memo->by_policy.at("laist").until, k_until);
    EXPECT_FALSE(memo_in(git, "d2"));

    CacheReader reader = CacheReader::open(git.path(), "d1");
    std::string path;
    std::vector<std::string> paths;
    while (auto e = reader.next(path)) {
        paths.push_back(path);
        EXPECT_EQ(e->result.publication, "LAist");
    }
    EXPECT_EQ(paths, (std::vector<std::string>{"a.md", "b.md"}));
    EXPECT_EQ(reader.note(), "");  // the memo is no damaged entry
}

TEST(SweepCache, TheMemoAndItsEntriesComeFromOneFileEvenIfReplaced) {
    TempGitDir git;
    auto writer = CacheWriter::create(git.path(), "d1");
    ASSERT_TRUE(writer);
    ASSERT_TRUE(writer->add("a.md", outcome()));
    SweepMemo written = memo_of({"a.md"});
    ASSERT_TRUE(writer->commit(&written));
    auto found = CacheReader::open_with_memo(git.path(), "d1");
    ASSERT_TRUE(found);
    write_cache(git, {"b.md", "c.md"});  // another sweep renames its file into place
    std::string path;
    std::vector<std::string> paths;
    while (found->second.next(path))
        paths.push_back(path);
    EXPECT_EQ(paths, (std::vector<std::string>{"a.md"}));
    EXPECT_EQ(found->first.entries, 1u);
}

TEST(SweepCache, NoMemoWithoutOneOrInACutFile) {
    TempGitDir git;
    write_cache(git, {"a.md"});
    EXPECT_FALSE(memo_in(git, "d1"));

    auto writer = CacheWriter::create(git.path(), "d1");
    ASSERT_TRUE(writer);
    ASSERT_TRUE(writer->add("a.md", outcome()));
    SweepMemo written = memo_of({"a.md"});
    ASSERT_TRUE(writer->commit(&written));
    std::string file = cache_file_in(git.path());
    std::string bytes = *read_file(file);
    ASSERT_TRUE(write_file_atomic(file, bytes.substr(0, bytes.size() - 1)));
    EXPECT_FALSE(memo_in(git, "d1"));
    std::string moved = bytes;
    moved[moved.size() - 3] = moved[moved.size() - 3] == '1' ? '2' : '1';  // the offset is off
    ASSERT_TRUE(write_file_atomic(file, moved));
    EXPECT_FALSE(memo_in(git, "d1"));
}

TEST(SweepCache, ANewCacheReplacesTheVersion2File) {
    TempGitDir git;
    boost::filesystem::create_directories(git.path() + "/archtag");
    ASSERT_TRUE(write_file_atomic(git.path() + "/archtag/cache-v2", "archtag-cache 2\n"));
    write_cache(git, {"a.md"});
    EXPECT_FALSE(boost::filesystem::exists(git.path() + "/archtag/cache-v2"));
}

TEST(SweepCache, NoFileIsAnEmptyCacheWithoutANote) {
    TempGitDir git;
    CacheReader reader = CacheReader::open(git.path(), "d1");
    EXPECT_EQ(reader.seek("a.md"), nullptr);
    EXPECT_EQ(reader.note(), "");
}

}  // namespace archtag::app
