#pragma once
// Rules name eras, lists and policies that only the policies define. A name no
// loaded policy knows would make a rule silently never match, so the names are
// checked against the policies before any article is read.
#include <vector>

#include "model/policy.h"
#include "rules/rule_set.h"
#include "util/expected.h"

namespace archtag::rules {

// Error at the file, line and column of the first unknown name.
Status check_references(const RuleSet& rules, const std::vector<Policy>& policies);

}  // namespace archtag::rules
