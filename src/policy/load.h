#pragma once
// Reading policies/*.xml into validated Policy values. The format is
// documented in docs/policy-format.md.
#include <string>
#include <string_view>
#include <vector>

#include "model/policy.h"
#include "util/expected.h"

namespace archtag::policy {

// Loads one policy file, or every *.xml directly inside a directory (sorted by
// name; subdirectories are not read). Every error names path:line:column,
// shows the offending line and says what was expected. Two files declaring
// the same policy id are an error.
Expected<std::vector<Policy>> load(const std::string& file_or_dir);

// Parses and validates one policy; `path_for_errors` also becomes
// Policy::source_path, and Policy::digest is the digest of `xml`.
Expected<Policy> load_from_string(std::string_view xml, const std::string& path_for_errors);

}  // namespace archtag::policy
