#pragma once
// What a git sweep decided, remembered for the next one: an article whose
// blob is unchanged, swept under the same policies and rules, is not read
// again while its decision still holds (app/decision_horizon.h). Only
// articles that needed no change are remembered; the rest are always planned
// again. The cache lives in the repository's git directory
// (<gitdir>/archtag/cache-v3), never in the work tree; a missing, damaged or
// foreign file is ignored, never fatal.
//
// The file is read and written as a stream, entries in path byte order (the
// order a git tree walk gives), so a sweep holds one entry at a time, not
// the archive: the reader is merged with the walk, the writer is fed in the
// walk's order.
//
// A sweep that found every article unchanged also leaves a SweepMemo at the
// end of the file: the tree it swept and until when all its decisions hold.
// The next sweep of the same tree within that time needs no tree walk and no
// article: the entries are the whole report (a no-op nightly sweep).
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "app/setup.h"
#include "model/result.h"
#include "model/timestamp.h"
#include "util/expected.h"
#include "util/file.h"

namespace archtag::app {

// One article known to need no change, and for how long.
struct CachedOutcome {
    std::string blob;       // 40 hex digits
    Instant valid_from{};   // the as-of instant it was decided for
    Instant valid_until{};  // Instant::max(): as long as the blob and digest hold
    ArticleResult result;   // what the report shows (result_codec.h); no path
    // The entry as the reader found it, so that an unchanged entry is copied
    // to the next file without being encoded again; "" when made anew.
    std::string record;
};

// The outcome still holds for this blob at `as_of`.
bool holds(const CachedOutcome& e, const std::string& blob, Instant as_of);

// A cache whose entries are the outcome of every article of one tree.
struct SweepMemo {
    // When the entries of one policy ("" for unclaimed articles) hold.
    struct Span {
        Instant from = Instant::min();   // the latest instant an entry was decided for
        Instant until = Instant::max();  // the earliest instant an entry's decision changes
    };
    std::string tree;   // the swept tree's id (40 hex digits)
    std::string scope;  // what the sweep looked at inside it (archive folder, globs)
    std::size_t entries = 0;
    std::map<std::string, Span> by_policy;

    // Widens the memo by one more entry.
    void add(const CachedOutcome& e);
};

std::string cache_file_in(const std::string& git_dir);

class CacheReader {
  public:
    // The cache of `git_dir` for `digest` (policies, rules, command and
    // version); empty when the file is missing, written for another digest,
    // or unreadable (note() then says why, for stderr).
    static CacheReader open(const std::string& git_dir, const std::string& digest);
    CacheReader(CacheReader&&) noexcept;
    CacheReader& operator=(CacheReader&&) noexcept;
    ~CacheReader();

    // The memo at the end of the cache of `git_dir` for `digest`, if there
    // is one (the last sweep found every article unchanged), and a reader of
    // the entries of that same file: another sweep renaming a new cache into
    // place meanwhile changes neither.
    static std::optional<std::pair<SweepMemo, CacheReader>> open_with_memo(
        const std::string& git_dir, const std::string& digest);

    // The entry for `path`; paths must be asked in increasing byte order.
    // Entries passed over are dropped (their files are gone from the tree).
    const CachedOutcome* seek(const std::string& path);
    // The next entry and its path, in order; nullopt after the last one (or
    // where reading stopped: note()).
    std::optional<CachedOutcome> next(std::string& path);
    // Why the file was ignored, or why reading stopped part way; "" if not.
    const std::string& note() const { return m_note; }

  private:
    CacheReader() = default;
    bool advance();

    std::unique_ptr<std::ifstream> m_in;
    std::string m_file, m_note;
    std::string m_path;  // the current entry's path, when m_current is set
    std::optional<CachedOutcome> m_current;
};

class CacheWriter {
  public:
    // A new cache file for `digest`, put in place by commit().
    static Expected<CacheWriter> create(const std::string& git_dir, const std::string& digest);
    // Entries must come in increasing path byte order.
    Status add(const std::string& path, const CachedOutcome& outcome);
    // Puts the file in place, with `memo` at its end when every article of
    // the swept tree has an entry (and removes the files of older versions).
    Status commit(const SweepMemo* memo = nullptr);

  private:
    CacheWriter(AtomicFile file, std::string git_dir, std::uint64_t written)
        : m_file(std::move(file)), m_git_dir(std::move(git_dir)), m_written(written) {}
    Status append(const std::string& bytes);

    AtomicFile m_file;
    std::string m_git_dir;
    std::uint64_t m_written = 0;  // bytes so far: where the memo will start
    std::string m_last;
    std::string m_record;
};

// What every remembered outcome depends on besides the blob and the date:
// each policy's id and digest, the bytes of each rules file, `command`
// ("sweep", "unstamp") and archtag's version.
// `attributes`: what the repository says of its files outside the tree
// (info/attributes, core.attributesFile), which can mark an article binary.
std::string sweep_digest(const Setup& setup, std::string_view command, std::string_view attributes);

}  // namespace archtag::app
