#pragma once
// Whole-file reads and atomic writes. Writes go to a temporary file in the
// same directory, are flushed, and replace the target with rename(2), so a
// crash leaves either the old or the new file, never a torn one.
#include <cstdint>
#include <string>

#include "util/expected.h"

namespace archtag {

// Refuses files larger than `max_bytes` with a clear error.
Expected<std::string> read_file(const std::string& path, std::uint64_t max_bytes = UINT64_MAX);

// Keeps the target's permission bits when it exists.
Status write_file_atomic(const std::string& path, std::string_view bytes);

}  // namespace archtag
