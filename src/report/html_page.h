#pragma once
// The fixed parts of the HTML report (inline CSS and script), around the
// embedded data. Internal to src/report.
#include <string>
#include <string_view>

namespace archtag::report {

// Everything before the data element, and everything after it.
extern const char* const k_page_head;
extern const char* const k_page_tail;

// JSON text made safe inside <script type="application/json">.
std::string script_safe_json(std::string_view dumped);

}  // namespace archtag::report
