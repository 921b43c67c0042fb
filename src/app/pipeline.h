#pragma once
// One article's way through archtag: bytes -> read -> policy -> rules ->
// stamp plan. Dry runs and real runs share this, so a report says exactly
// what a write would do.
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
ArticleResult process_bytes(const Setup& setup, const std::string& rel_path, std::string_view bytes,
                            Mode mode, Instant as_of_override = Instant::min(),
                            const Policy* forced = nullptr);

// Reads `<root>/<rel_path>`, processes it, and with Write::yes applies the
// plan atomically. Never throws; every failure is in ArticleResult::error.
ArticleResult process_file(const Setup& setup, const std::string& rel_path, Mode mode, Write write);

// Processes every path on `jobs` threads; results keep the order of `paths`.
std::vector<ArticleResult> process_files(const Setup& setup,
                                         const std::vector<std::string>& rel_paths, Mode mode,
                                         Write write, unsigned jobs);

}  // namespace archtag::app
