#pragma once
// A byte edit: replace [offset, offset+length) with `text`. Plans are lists
// of non-overlapping edits; everything outside them is left untouched.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace archtag {

struct Edit {
    std::size_t offset = 0;
    std::size_t length = 0;
    std::string text;

    friend bool operator==(const Edit&, const Edit&) = default;
};

// Applies edits (any order, non-overlapping) to `bytes`.
std::string apply_edits(std::string_view bytes, std::vector<Edit> edits);

}  // namespace archtag
