#pragma once
// Line spans over bytes, keeping line endings apart from line content.
#include <cstddef>
#include <string_view>

namespace archtag::stamp::detail {

struct LineSpan {
    std::size_t begin = 0;
    std::size_t end = 0;   // end of the content, before "\r\n" or "\n"
    std::size_t next = 0;  // after the line ending (== end at EOF without one)

    bool has_ending() const { return next > end; }
    bool empty() const { return end == begin; }
};

inline LineSpan line_at(std::string_view bytes, std::size_t begin) {
    std::size_t nl = bytes.find('\n', begin);
    if (nl == std::string_view::npos)
        return {begin, bytes.size(), bytes.size()};
    std::size_t end = (nl > begin && bytes[nl - 1] == '\r') ? nl - 1 : nl;
    return {begin, end, nl + 1};
}

inline std::string_view content(std::string_view bytes, const LineSpan& line) {
    return bytes.substr(line.begin, line.end - line.begin);
}

// Whether `pos` starts a line: the file start, after a line feed, or right
// after the byte order mark.
inline bool at_line_start(std::string_view bytes, std::size_t pos, bool bom) {
    return pos == 0 || bytes[pos - 1] == '\n' || (bom && pos == 3);
}

}  // namespace archtag::stamp::detail
