#include "rules/facts.h"

#include <fmt/format.h>

namespace archtag::rules {

using namespace std::chrono;

namespace {

// The resolver normally supplies the zone; without it, the policy names one.
TimeZone zone_for(const Resolution& where, const Policy& policy) {
    if (where.zone)
        return *where.zone;
    auto located = TimeZone::locate(policy.time_zone);
    return located ? *located : TimeZone::utc();
}

}  // namespace

Facts gather_facts(const ArticleMeta& meta, const Resolution& where, const Policy& policy,
                   Instant as_of) {
    TimeZone zone = zone_for(where, policy);
    std::optional<Day> day = where.local_day;
    if (!day && where.published)
        day = zone.local_date(*where.published);
    return Facts{meta, where, policy, zone, where.published, day, as_of, zone.local_date(as_of)};
}

std::string format_instant(Instant t) {
    auto day = floor<days>(t);
    year_month_day ymd{day};
    hh_mm_ss<seconds> tod{t - day};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                       tod.hours().count(), tod.minutes().count(), tod.seconds().count());
}

}  // namespace archtag::rules
