#pragma once
// Private to src/repo: the layout of git's index file
// (https://git-scm.com/docs/index-format), shared by the whole-file reader
// (index_file) and the streamed one (index_stream).
#include <cstddef>
#include <cstdint>

namespace archtag::repo::index_format {

constexpr std::size_t k_header = 12;       // "DIRC", version, entry count
constexpr std::size_t k_checksum = 20;     // SHA-1 of everything before it
constexpr std::size_t k_fixed_entry = 62;  // stat data, mode, id and flags
constexpr std::size_t k_id_at = 40;        // where an entry's object id starts
constexpr std::size_t k_flags_at = 60;
constexpr std::uint16_t k_extended = 0x4000;  // in the flags: two more bytes follow
constexpr std::uint16_t k_name_mask = 0x0fff;
constexpr std::uint16_t k_skip_worktree = 0x4000;  // in the extended flags
constexpr std::uint16_t k_intent_to_add = 0x2000;

inline std::uint32_t be32(const unsigned char* p) {
    return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 |
           std::uint32_t{p[3]};
}

inline std::uint16_t be16(const unsigned char* p) {
    return static_cast<std::uint16_t>(p[0] << 8 | p[1]);
}

}  // namespace archtag::repo::index_format
