#pragma once
// The progress line of a long sweep, drawn on a terminal's stderr by the app:
// "[######              ] 1,234/20,000 articles  812/s  ETA 0:21".
// Pure formatting: the counts and the elapsed time are inputs.
#include <cstddef>
#include <string>

namespace archtag::report {

// `elapsed_seconds` since the first article; rate and ETA are left out until
// both are known (nothing done yet, or no time passed).
std::string progress_line(std::size_t done, std::size_t total, double elapsed_seconds);

// "0:21", "12:05", "1:02:03"
std::string clock_duration(double seconds);

}  // namespace archtag::report
