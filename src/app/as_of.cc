#include "app/as_of.h"

#include <fmt/format.h>

namespace archtag::app {

Expected<AsOf> AsOf::make(const std::optional<std::string>& text, Instant now) {
    AsOf a;
    a.m_now = now;
    if (!text)
        return a;
    auto ts = parse_timestamp(*text);
    if (!ts)
        return fail(
            make_error("", fmt::format("--as-of: {} (expected YYYY-MM-DD or an ISO 8601 timestamp)",
                                       ts.error().message)));
    a.m_stated = *ts;
    return a;
}

Instant AsOf::in_zone(const TimeZone& zone) const {
    return m_stated ? to_instant(*m_stated, zone) : m_now;
}

std::string AsOf::label() const {
    if (m_stated)
        return m_stated->iso();
    Timestamp ts;
    auto days = std::chrono::floor<std::chrono::days>(m_now);
    ts.date = std::chrono::year_month_day{days};
    ts.time_of_day = std::chrono::duration_cast<std::chrono::seconds>(m_now - days);
    ts.offset = std::chrono::minutes{0};
    ts.zulu = true;
    return ts.iso();
}

}  // namespace archtag::app
