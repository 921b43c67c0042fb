#pragma once
// One article's way through archtag: bytes -> read -> policy -> rules ->
// stamp plan. Dry runs and real runs share this, so a report says exactly
// what a write would do.
#include <atomic>
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
ArticleResult process_bytes(const Setup& setup, const std::string& rel_path, std::string_view bytes,
                            Mode mode, Instant as_of_override = Instant::min(),
                            const Policy* forced = nullptr,
                            const DateCandidate* history_date = nullptr);

// Reads `<root>/<rel_path>`, processes it, and with Write::yes applies the
// plan atomically. Never throws; every failure is in ArticleResult::error.
// With Diff::yes a pending plan's unified diff goes in ArticleResult::diff.
enum class Diff { no, yes };
ArticleResult process_file(const Setup& setup, const std::string& rel_path, Mode mode, Write write,
                           Diff diff = Diff::no);

// Processes every path on `jobs` threads; results keep the order of `paths`.
// `done` (optional) counts finished articles, for a progress display.
std::vector<ArticleResult> process_files(const Setup& setup,
                                         const std::vector<std::string>& rel_paths, Mode mode,
                                         Write write, unsigned jobs, Diff diff = Diff::no,
                                         std::atomic<std::size_t>* done = nullptr);

}  // namespace archtag::app
