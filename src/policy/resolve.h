#pragma once
#include "model/article_meta.h"
#include "model/policy.h"

namespace archtag::policy {

// Places an article in the policy's history: the policy's zone, the
// publication instant, the local publication day in that zone, and the era
// and owner on that day. An undated article gets only the policy and zone.
Resolution resolve(const Policy& policy, const ArticleMeta& meta);

}  // namespace archtag::policy
