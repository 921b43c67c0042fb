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

TEST(SweepCache, RoundTripsByteExactPathsAndWhatTheReportShows) {
    SweepCache cache("d1");
    const std::string path = std::string("laist/caf\xe9\nnew line,:5.md");
    cache.remember(path, outcome());
    auto decoded = SweepCache::decode(cache.encode());
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded->digest(), "d1");
    EXPECT_EQ(decoded->encode(), cache.encode());
    const CachedOutcome* e = decoded->find(path, k_blob, k_from);
    ASSERT_NE(e, nullptr);
    const ArticleResult& r = e->result;
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
    SweepCache cache("d1");
    cache.remember("a.md", outcome());
    EXPECT_NE(cache.find("a.md", k_blob, k_from), nullptr);
    EXPECT_NE(cache.find("a.md", k_blob, k_until - seconds{1}), nullptr);
    EXPECT_EQ(cache.find("a.md", k_blob, k_until), nullptr);
    EXPECT_EQ(cache.find("a.md", k_blob, k_from - seconds{1}), nullptr);
    EXPECT_EQ(cache.find("a.md", "1123456789abcdef0123456789abcdef01234567", k_from), nullptr);
    EXPECT_EQ(cache.find("b.md", k_blob, k_from), nullptr);
    cache.forget("a.md");
    EXPECT_EQ(cache.size(), 0u);
}

TEST(SweepCache, DamagedFilesAreRefusedWithAReason) {
    SweepCache cache("d1");
    cache.remember("a.md", outcome());
    std::string bytes = cache.encode();
    auto foreign = SweepCache::decode("archtag-cache 2\n");
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().message, "not an archtag cache of version 1");
    auto cut = SweepCache::decode(bytes.substr(0, bytes.size() - 5));
    ASSERT_FALSE(cut);
    EXPECT_EQ(cut.error().message, "a field runs past the end of the file");
    std::string garbled = bytes;
    garbled[bytes.find("2:d1,") + 5] = 'x';
    auto bad_length = SweepCache::decode(garbled);
    ASSERT_FALSE(bad_length);
    EXPECT_EQ(bad_length.error().message, "expected a field length");
}

TEST(SweepCache, LoadIgnoresAnotherDigestSilentlyAndDamageWithANote) {
    TempGitDir git;
    SweepCache cache("d1");
    cache.remember("a.md", outcome());
    ASSERT_TRUE(cache.save(git.path()));
    std::string note;
    EXPECT_EQ(SweepCache::load(git.path(), "d1", note).size(), 1u);
    EXPECT_EQ(note, "");
    EXPECT_EQ(SweepCache::load(git.path(), "d2", note).size(), 0u);
    EXPECT_EQ(note, "");
    ASSERT_TRUE(write_file_atomic(SweepCache::file_in(git.path()), "garbage"));
    SweepCache loaded = SweepCache::load(git.path(), "d1", note);
    EXPECT_EQ(loaded.size(), 0u);
    EXPECT_EQ(note, git.path() +
                        "/archtag/cache-v1: ignored (every article is read again): not an "
                        "archtag cache of version 1");
}

TEST(SweepCache, NoFileIsAnEmptyCacheWithoutANote) {
    TempGitDir git;
    std::string note = "stale";
    EXPECT_EQ(SweepCache::load(git.path(), "d1", note).size(), 0u);
    EXPECT_EQ(note, "");
}

}  // namespace archtag::app
