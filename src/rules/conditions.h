#pragma once
// Internal to src/rules: evaluating conditions against one article.
#include <string>
#include <vector>

#include "rules/facts.h"
#include "rules/rule_set.h"

namespace archtag::rules {

// Whether `condition` holds. Appends one line per condition to `reasons`
// ("published before era:current: yes (...)"); nested conditions of a
// combinator follow it, indented by two spaces per level. Without `reasons`
// no line is made.
bool holds(const Condition& condition, const Facts& facts, std::vector<std::string>* reasons,
           int depth = 0);

}  // namespace archtag::rules
