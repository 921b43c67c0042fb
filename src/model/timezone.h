#pragma once
// An IANA time zone from the system tz database. Keeps <date/tz.h> out of
// every other header.
#include <chrono>
#include <string>

#include "model/timestamp.h"
#include "util/expected.h"

namespace date {
class time_zone;
}

namespace archtag {

class TimeZone {
  public:
    static Expected<TimeZone> locate(const std::string& name);
    static TimeZone utc();

    const std::string& name() const { return m_name; }
    // Local wall time -> instant. A time skipped by a DST jump is taken as the
    // first valid instant after it; an ambiguous one as the earlier instant.
    Instant to_instant(std::chrono::local_seconds local) const;
    std::chrono::local_seconds to_local(Instant t) const;
    // Midnight of `day` in this zone.
    Instant start_of_day(std::chrono::year_month_day day) const;
    std::chrono::year_month_day local_date(Instant t) const;

  private:
    TimeZone(const date::time_zone* zone, std::string name)
        : m_zone(zone), m_name(std::move(name)) {}
    const date::time_zone* m_zone;  // owned by the tz database, lives forever
    std::string m_name;
};

// The instant a Timestamp denotes: its own offset when stated, else its local
// time in `zone`; a date alone means 00:00 of that day in `zone`.
Instant to_instant(const Timestamp& ts, const TimeZone& zone);

}  // namespace archtag
