#pragma once
// The moment decisions are made for. A date alone means 00:00 of that day in
// each publication's own time zone, so it becomes an instant per policy.
#include <optional>
#include <string>

#include "model/timestamp.h"
#include "model/timezone.h"
#include "util/expected.h"

namespace archtag::app {

class AsOf {
  public:
    // `text`: YYYY-MM-DD or a full ISO 8601 timestamp; absent means `now`.
    static Expected<AsOf> make(const std::optional<std::string>& text, Instant now);

    Instant in_zone(const TimeZone& zone) const;
    // As the user gave it (ISO), or the current UTC time.
    std::string label() const;

  private:
    std::optional<Timestamp> m_stated;
    Instant m_now{};
};

}  // namespace archtag::app
