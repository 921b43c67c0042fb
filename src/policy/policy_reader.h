#pragma once
// Internal to src/policy: turning a parsed policy document into a Policy.
// One function per section; each validates what it reads.
#include "model/policy.h"
#include "policy/xml_source.h"

namespace archtag::policy::detail {

Expected<Policy> read_policy(const XmlSource& src);

Status read_ownership(const XmlSource& src, const Element& ownership, Policy& policy);
// Needs the owners read first: every era names its owner.
Status read_eras(const XmlSource& src, const Element& eras, Policy& policy);
// Needs the eras read first: an enabled archival notice needs an era.
Status read_notices(const XmlSource& src, const Element& notices, Policy& policy);

// "1y", "6m", "30d", "1y6m": nullopt when the text is not such a span.
std::optional<AgeThreshold> parse_age_span(std::string_view text);

}  // namespace archtag::policy::detail
