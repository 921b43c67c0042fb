#pragma once
// How long a decision stays true. Reading an article does not depend on the
// as-of date; deciding does, only through the article's age (the age notice's
// phrase, the policy's minimum age and the rules' <age> conditions). So a
// decision made as of one instant holds until the next instant at which any
// of those could change: the incremental sweep cache (app/git_cache.h) keeps
// an article's outcome until then.
#include <optional>

#include "model/policy.h"
#include "model/timestamp.h"
#include "rules/rule_set.h"

namespace archtag::app {

// The earliest instant after `as_of` at which the decision for an article
// resolved as `where` could differ from the one made as of `as_of`, or
// nullopt when it never can (an undated article). Conservative: it may name
// an instant at which nothing changes, never a later one than the real change.
std::optional<Instant> decision_valid_until(const Policy& policy, const rules::RuleSet& rules,
                                            const Resolution& where, Instant as_of);

}  // namespace archtag::app
