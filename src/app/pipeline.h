#pragma once
// One article's way through archtag: bytes -> read -> policy -> rules ->
// stamp plan. Dry runs and real runs share this, so a report says exactly
// what a write would do.
#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/setup.h"
#include "model/result.h"

namespace archtag::app {

enum class Mode { stamp, unstamp };

// Articles larger than this are reported, not read.
constexpr std::uint64_t k_max_article_bytes = 64ull << 20;

// Decides and plans for one article held in memory. `forced` (optional)
// bypasses policy recognition, as `policy test` does.
// `history_date` (optional, git sweeps) dates an article that states no
// date when its policy says <dates from-git-history="yes"/>.
// `stamped` (optional): when the plan changes the bytes, what processing
// the stamped bytes gives (read anyway to prove the plan idempotent), so a
// sweep can remember the new file without reading it again; left empty
// unless that result needs no change and decides the same notices.
ArticleResult process_bytes(const Setup& setup, const std::string& rel_path, std::string_view bytes,
                            Mode mode, Instant as_of_override = Instant::min(),
                            const Policy* forced = nullptr,
                            const DateCandidate* history_date = nullptr,
                            std::optional<ArticleResult>* stamped = nullptr);

// Reads `<root>/<rel_path>`, processes it, and with Write::yes applies the
// plan atomically. Never throws; every failure is in ArticleResult::error.
// With Diff::yes a pending plan's unified diff goes in ArticleResult::diff.
enum class Diff { no, yes };
ArticleResult process_file(const Setup& setup, const std::string& rel_path, Mode mode, Write write,
                           Diff diff = Diff::no);

// Articles in flight per worker thread: enough that a slow article does not
// stall the others and that threads hand results over in batches (8 per
// job cost 10% more time at 100,000 articles), few enough that memory stays
// a constant times jobs x largest article.
constexpr std::size_t k_window_per_job = 32;
// `jobs` (0: one per core), never more than there are items.
unsigned worker_count(unsigned jobs, std::size_t items);

// Processes every path on `jobs` threads and hands each result to `deliver`
// in the order of `paths`, on the calling thread, as soon as it and those
// before it are done: only the articles in flight are held in memory.
// `done` (optional) counts finished articles, for a progress display.
void for_each_processed(const Setup& setup, const std::vector<std::string>& rel_paths, Mode mode,
                        Write write, unsigned jobs, Diff diff, std::atomic<std::size_t>* done,
                        const std::function<void(ArticleResult&)>& deliver);

// The same for paths handed out one at a time, in order (a folder walk):
// `next_path` is called by the worker threads, one at a time, until it
// returns nullopt.
using PathSource = std::function<std::optional<std::string>()>;
void for_each_processed(const Setup& setup, const PathSource& next_path, Mode mode, Write write,
                        unsigned jobs, Diff diff, std::atomic<std::size_t>* done,
                        const std::function<void(ArticleResult&)>& deliver);

// The same, all results at once (for the few articles of a hook or a test).
std::vector<ArticleResult> process_files(const Setup& setup,
                                         const std::vector<std::string>& rel_paths, Mode mode,
                                         Write write, unsigned jobs, Diff diff = Diff::no,
                                         std::atomic<std::size_t>* done = nullptr);

}  // namespace archtag::app
