#pragma once
// Internal to src/policy: which files a path names.
#include <string>
#include <string_view>
#include <vector>

#include "util/expected.h"

namespace archtag::policy::detail {

// `path` itself when it is a file; every *.xml directly inside it, sorted by
// name, when it is a directory (which must hold at least one). `what` names
// the kind of file in errors, e.g. "policy".
Expected<std::vector<std::string>> xml_files(const std::string& path, std::string_view what);

}  // namespace archtag::policy::detail
