#pragma once
// What a `sweep --commit` decided, remembered for the next one: an article
// whose blob is unchanged, swept under the same policies and rules, is not
// read again while its decision still holds (app/decision_horizon.h). Only
// articles that needed no change are remembered; the rest are always planned
// again. The cache lives in the repository's git directory
// (<gitdir>/archtag/cache-v1), never in the work tree; a missing, damaged or
// foreign file is ignored, never fatal.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/setup.h"
#include "model/result.h"
#include "model/timestamp.h"
#include "util/expected.h"

namespace archtag::app {

// One article known to need no change, and for how long.
struct CachedOutcome {
    std::string blob;       // 40 hex digits
    Instant valid_from{};   // the as-of instant it was decided for
    Instant valid_until{};  // Instant::max(): as long as the blob and digest hold
    ArticleResult result;   // path, policy, meta summary, notices kept, flags
};

class SweepCache {
  public:
    // An empty cache for `digest` (policies, rules, command and version).
    explicit SweepCache(std::string digest) : m_digest(std::move(digest)) {}

    // `<git_dir>/archtag/cache-v1`, or an empty cache when the file is
    // missing, written for another digest, or unreadable (`note` then says
    // why, for stderr; it stays empty for a missing file or another digest).
    static SweepCache load(const std::string& git_dir, const std::string& digest,
                           std::string& note);
    static std::string file_in(const std::string& git_dir);

    // The remembered outcome for `path` (repository bytes) when its blob is
    // still `blob` and `as_of` falls in its validity; else nullptr.
    const CachedOutcome* find(const std::string& path, const std::string& blob,
                              Instant as_of) const;
    // The entry for `path`, whatever its blob and validity (for as-of lookups).
    const CachedOutcome* entry(const std::string& path) const;
    void remember(const std::string& path, CachedOutcome outcome);
    void forget(const std::string& path) { m_entries.erase(path); }

    std::string encode() const;
    // Replaces the file atomically.
    Status save(const std::string& git_dir) const;

    // Parses an encoded cache; an error says what was wrong.
    static Expected<SweepCache> decode(std::string_view bytes);

    const std::string& digest() const { return m_digest; }
    std::size_t size() const { return m_entries.size(); }

  private:
    std::string m_digest;
    std::map<std::string, CachedOutcome> m_entries;  // by repository path
};

// What every remembered outcome depends on besides the blob and the date:
// each policy's id and digest, the bytes of each rules file, `command`
// ("sweep", "unstamp") and archtag's version.
std::string sweep_digest(const Setup& setup, std::string_view command);

}  // namespace archtag::app
