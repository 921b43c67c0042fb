#include "policy/digest.h"

#include <fmt/format.h>

#include <cstdint>

namespace archtag::policy {

std::string digest(std::string_view bytes) {
    constexpr std::uint64_t k_offset_basis = 14695981039346656037ull;
    constexpr std::uint64_t k_prime = 1099511628211ull;
    std::uint64_t hash = k_offset_basis;
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= k_prime;
    }
    return fmt::format("{:016x}", hash);
}

}  // namespace archtag::policy
