#pragma once
#include <string_view>
#include <vector>

#include "model/article_meta.h"
#include "model/policy.h"

namespace archtag::policy {

// Which policy claims an article. A single policy claims every article. With
// several, a policy claims the article when one of its recognition fields
// matches (the key is present in `fields` and a value equals one of the listed
// values, ignoring case; a "publication" match also looks at the policy's
// publication field keys) or one of its path globs matches `path`.
// Returns nullptr when none claims it; when several do, the first one, and
// sets *ambiguous.
const Policy* claim(const std::vector<Policy>& policies, std::string_view path,
                    const FieldMap& fields, bool* ambiguous = nullptr);

}  // namespace archtag::policy
