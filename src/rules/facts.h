#pragma once
// Internal to src/rules: everything a decision looks at, gathered once per
// article so conditions and actions read the same values.
#include <optional>

#include "model/article_meta.h"
#include "model/policy.h"
#include "model/timezone.h"

namespace archtag::rules {

struct Facts {
    const ArticleMeta& meta;
    const Resolution& where;
    const Policy& policy;
    TimeZone zone;
    std::optional<Instant> published;  // Resolution::published
    std::optional<Day> published_day;  // local day in the policy zone
    Instant as_of;
    Day as_of_day;  // local day in the policy zone
};

Facts gather_facts(const ArticleMeta& meta, const Resolution& where, const Policy& policy,
                   Instant as_of);

// 2018-02-23T08:00:00Z
std::string format_instant(Instant t);

}  // namespace archtag::rules
