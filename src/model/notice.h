#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace archtag {

enum class NoticeKind { archival, age };
std::string_view to_string(NoticeKind k);

// A notice as plain text (never markup): the stamp module escapes it for the
// target format. An optional link (e.g. to the standards page) is kept apart
// so each format can render it as its own kind of link.
struct Notice {
    NoticeKind kind = NoticeKind::archival;
    std::string text;
    std::string lang;       // language of the template used, e.g. "en"
    std::string link_url;   // may be empty
    std::string link_text;  // the words that carry the link, appended to text

    friend bool operator==(const Notice&, const Notice&) = default;
};

enum class FlagLevel { info, warning, error };
std::string_view to_string(FlagLevel l);

// Something an editor should look at. Codes are stable identifiers
// (e.g. "date-mismatch", "no-date", "no-owner") documented in the README.
struct Flag {
    FlagLevel level = FlagLevel::warning;
    std::string code;
    std::string message;

    friend bool operator==(const Flag&, const Flag&) = default;
};

}  // namespace archtag
