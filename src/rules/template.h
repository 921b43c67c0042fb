#pragma once
// Notice and rule texts with {placeholders}. The result is plain text: the
// stamp module escapes it for the target format.
#include <string>
#include <string_view>
#include <vector>

namespace archtag::rules {

struct TemplateValues {
    std::string publication;    // policy display name
    std::string owner_then;     // owner at publication
    std::string owner_now;      // owner of the current era
    std::string era_then;       // era name at publication
    std::string era_now;        // current era name
    std::string acquired;       // start of the current era, 2018-02-23
    std::string acquired_long;  // February 23, 2018
    std::string age;            // "9 years"
    std::string published;      // Timestamp::iso()
    // Only in rule texts (exempt reasons, flag messages):
    std::string day;     // local publication day, 2018-02-22
    std::string reason;  // the article's opt-out reason
};

// Placeholders a notice template may use (policy files).
const std::vector<std::string>& notice_placeholders();
// Placeholders an exempt reason or flag message may use (rule files).
const std::vector<std::string>& rule_text_placeholders();

// Replaces each known {name}; anything else is left as written.
std::string render_template(std::string_view tmpl, const TemplateValues& values);

// The names inside {...} in `tmpl`, in order, for validation.
std::vector<std::string> placeholders_in(std::string_view tmpl);

}  // namespace archtag::rules
