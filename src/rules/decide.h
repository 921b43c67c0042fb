#pragma once
// The rule evaluator. Precedence (docs/rules-format.md): rules run in order;
// for each notice kind the first matching rule with an action for that kind
// (notice or exempt) decides it, later ones are traced as shadowed; flags
// accumulate; a matching rule with final="yes" ends the evaluation.
#include "model/article_meta.h"
#include "model/decision.h"
#include "model/policy.h"
#include "rules/rule_set.h"

namespace archtag::rules {

// Whether Decision::trace is written: only `explain` shows it, and building
// its lines was a tenth of a sweep's time on an already-stamped article.
enum class Trace { yes, no };

// Pure: no I/O, no clock. `as_of` is the instant the decision is made for.
// The reader's flags come first in Decision::flags. Without a policy
// (where.policy == nullptr) only those flags and a trace entry are returned.
// With Trace::no the decision is the same and the trace is empty.
Decision decide(const RuleSet& rules, const ArticleMeta& meta, const Resolution& where,
                Instant as_of, Trace trace = Trace::yes);

}  // namespace archtag::rules
