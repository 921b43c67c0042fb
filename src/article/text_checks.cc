#include "article/text_checks.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace archtag::article {

namespace {

constexpr std::size_t k_binary_probe = 8000;

bool in_range(std::string_view s, std::size_t i, unsigned char lo, unsigned char hi) {
    if (i >= s.size())
        return false;
    auto c = static_cast<unsigned char>(s[i]);
    return c >= lo && c <= hi;
}

// Length of the valid UTF-8 sequence starting at `i`, or 0 when invalid.
// Ranges are those of RFC 3629, table 3-7 of the Unicode standard.
std::size_t sequence_length(std::string_view s, std::size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return in_range(s, i + 1, 0x80, 0xBF) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
        unsigned char hi = c == 0xED ? 0x9F : 0xBF;
        return in_range(s, i + 1, lo, hi) && in_range(s, i + 2, 0x80, 0xBF) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
        unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
        return in_range(s, i + 1, lo, hi) && in_range(s, i + 2, 0x80, 0xBF) &&
                       in_range(s, i + 3, 0x80, 0xBF)
                   ? 4
                   : 0;
    }
    return 0;
}

// Most articles are mostly ASCII: skip eight plain bytes at a time.
bool ascii_block(std::string_view s, std::size_t i) {
    if (i + 8 > s.size())
        return false;
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    return (word & 0x8080808080808080ULL) == 0;
}

}  // namespace

bool looks_binary(std::string_view bytes) {
    std::size_t n = std::min(bytes.size(), k_binary_probe);
    return std::memchr(bytes.data(), '\0', n) != nullptr;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        if (ascii_block(bytes, i)) {
            i += 8;
            continue;
        }
        std::size_t n = sequence_length(bytes, i);
        if (n == 0)
            return i;
        i += n;
    }
    return std::nullopt;
}

}  // namespace archtag::article
