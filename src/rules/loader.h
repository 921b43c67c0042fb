#pragma once
// Loads rule files (format: docs/rules-format.md). Every mistake is an Error
// with path, line, column, the offending line and what was expected, so a
// wrong rule file is rejected before any article is touched.
#include <string>
#include <string_view>

#include "rules/rule_set.h"
#include "util/expected.h"

namespace archtag::rules {

// One file, or every *.xml directly inside a directory, in name order; rules
// keep file order. Rule ids must be unique across all the files.
Expected<RuleSet> load(const std::string& file_or_dir);

// One rule file held in memory; `path_for_errors` names it in errors and traces.
Expected<RuleSet> load_from_string(std::string_view xml, const std::string& path_for_errors);

}  // namespace archtag::rules
