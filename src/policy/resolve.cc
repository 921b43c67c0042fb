#include "policy/resolve.h"

namespace archtag::policy {

Resolution resolve(const Policy& policy, const ArticleMeta& meta) {
    Resolution r;
    r.policy = &policy;
    // The zone was checked when the policy was loaded; a Policy built by hand
    // with a bad zone is placed in UTC rather than not at all.
    auto zone = TimeZone::locate(policy.time_zone);
    r.zone = zone ? *zone : TimeZone::utc();
    if (!meta.published)
        return r;
    r.published = to_instant(*meta.published, *r.zone);
    r.local_day = r.zone->local_date(*r.published);
    r.era = policy.era_at(*r.local_day);
    r.owner = policy.owner_at(*r.local_day);
    return r;
}

}  // namespace archtag::policy
