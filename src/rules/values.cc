#include "rules/values.h"

#include <fmt/format.h>

#include "util/strings.h"

namespace archtag::rules {

namespace {

constexpr std::string_view k_date_forms =
    "expected YYYY-MM-DD, an ISO timestamp, era:current, era:ID or era:ID:end";

Expected<DateRef> parse_era_ref(std::string_view text) {
    std::vector<std::string> parts = split(text, ':');
    DateRef ref;
    ref.text = std::string(text);
    bool named = parts.size() >= 2 && !parts[1].empty() && parts[1] != "current";
    if (parts.size() == 2 && parts[1] == "current") {
        ref.kind = DateRef::Kind::current_era_start;
    } else if (parts.size() == 2 && named) {
        ref.kind = DateRef::Kind::era_start;
        ref.era = parts[1];
    } else if (parts.size() == 3 && named && parts[2] == "end") {
        ref.kind = DateRef::Kind::era_end;
        ref.era = parts[1];
    } else {
        return fail(make_error("", std::string(k_date_forms)));
    }
    return ref;
}

}  // namespace

Expected<DateRef> parse_date_ref(std::string_view text) {
    if (text.substr(0, 4) == "era:")
        return parse_era_ref(text);
    auto ts = parse_timestamp(text);
    if (!ts) {
        // The timestamp parser says why an impossible date is impossible; its
        // "not a date" adds nothing to the list of accepted forms.
        const std::string& why = ts.error().message;
        if (why.rfind("not a date", 0) == 0)
            return fail(make_error("", std::string(k_date_forms)));
        return fail(make_error("", why));
    }
    DateRef ref;
    ref.kind = DateRef::Kind::timestamp;
    ref.timestamp = *ts;
    ref.text = std::string(text);
    return ref;
}

Expected<YesNo> parse_yes_no(std::string_view text) {
    if (text == "yes")
        return YesNo::yes;
    if (text == "no")
        return YesNo::no;
    return fail(make_error("", "expected yes or no"));
}

Expected<std::vector<Format>> parse_formats(std::string_view text) {
    std::vector<Format> formats;
    for (const std::string& word : split_words(text)) {
        if (word == "markdown") {
            formats.push_back(Format::markdown);
        } else if (word == "html") {
            formats.push_back(Format::html);
        } else if (word == "xml") {
            formats.push_back(Format::xml);
        } else {
            return fail(make_error(
                "", fmt::format("unknown format \"{}\" (expected markdown, html or xml)", word)));
        }
    }
    return formats;
}

std::vector<std::string> split_commas(std::string_view text) {
    std::vector<std::string> out;
    for (const std::string& item : split(text, ',')) {
        std::string_view t = trim(item);
        if (!t.empty())
            out.emplace_back(t);
    }
    return out;
}

}  // namespace archtag::rules
