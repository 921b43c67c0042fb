#include "report/progress.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "util/strings.h"

namespace archtag::report {

namespace {

constexpr std::size_t k_bar_width = 20;

std::string bar(std::size_t done, std::size_t total) {
    std::size_t filled =
        total == 0 ? k_bar_width : std::min(k_bar_width, done * k_bar_width / total);
    return "[" + std::string(filled, '#') + std::string(k_bar_width - filled, ' ') + "]";
}

}  // namespace

std::string clock_duration(double seconds) {
    auto total = static_cast<long long>(std::llround(std::max(0.0, seconds)));
    long long h = total / 3600, m = total / 60 % 60, s = total % 60;
    if (h > 0)
        return fmt::format("{}:{:02}:{:02}", h, m, s);
    return fmt::format("{}:{:02}", m, s);
}

std::string progress_line(std::size_t done, std::size_t total, double elapsed_seconds) {
    std::string line = fmt::format("{} {}/{} articles", bar(done, total), with_thousands(done),
                                   with_thousands(total));
    if (done == 0 || elapsed_seconds <= 0)
        return line;
    double rate = static_cast<double>(done) / elapsed_seconds;
    line += fmt::format("  {}/s", with_thousands(static_cast<std::size_t>(std::llround(rate))));
    double left = static_cast<double>(total - std::min(done, total)) / rate;
    line += "  ETA " + clock_duration(left);
    return line;
}

}  // namespace archtag::report
