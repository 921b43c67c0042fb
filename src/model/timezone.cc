#include "model/timezone.h"

#include <date/tz.h>
#include <fmt/format.h>

namespace archtag {

namespace {

// date::local_t and std::chrono::local_t are distinct clocks with the same
// meaning; convert through the duration since epoch.
date::local_seconds to_date_local(std::chrono::local_seconds t) {
    return date::local_seconds{t.time_since_epoch()};
}

}  // namespace

Expected<TimeZone> TimeZone::locate(const std::string& name) {
    try {
        return TimeZone(date::locate_zone(name), name);
    } catch (const std::exception& e) {
        return fail(
            make_error("", fmt::format("unknown time zone '{}' (expected an IANA name such as "
                                       "America/Los_Angeles)",
                                       name)));
    }
}

TimeZone TimeZone::utc() {
    return TimeZone(date::locate_zone("UTC"), "UTC");
}

Instant TimeZone::to_instant(std::chrono::local_seconds local) const {
    auto info = m_zone->get_info(to_date_local(local));
    switch (info.result) {
        case date::local_info::unique:
            return Instant{local.time_since_epoch() - info.first.offset};
        case date::local_info::ambiguous:
            return Instant{local.time_since_epoch() - info.first.offset};
        case date::local_info::nonexistent:
        default:
            return info.second.begin;
    }
}

std::chrono::local_seconds TimeZone::to_local(Instant t) const {
    auto info = m_zone->get_info(t);
    return std::chrono::local_seconds{t.time_since_epoch() + info.offset};
}

Instant TimeZone::start_of_day(std::chrono::year_month_day day) const {
    return to_instant(std::chrono::local_seconds{std::chrono::sys_days{day}.time_since_epoch()});
}

std::chrono::year_month_day TimeZone::local_date(Instant t) const {
    auto local = to_local(t);
    return std::chrono::year_month_day{
        std::chrono::sys_days{std::chrono::floor<std::chrono::days>(local.time_since_epoch())}};
}

Instant to_instant(const Timestamp& ts, const TimeZone& zone) {
    auto midnight = std::chrono::sys_days{ts.date}.time_since_epoch();
    auto tod = ts.time_of_day.value_or(std::chrono::seconds{0});
    if (ts.offset)
        return Instant{midnight + tod - *ts.offset};
    return zone.to_instant(std::chrono::local_seconds{midnight + tod});
}

}  // namespace archtag
