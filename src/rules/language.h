#pragma once
#include <string_view>

namespace archtag::rules {

// "en-GB" -> "en"; "de_DE" -> "de".
std::string_view primary_subtag(std::string_view lang);
// Same primary subtag, compared case-insensitively; empty never matches.
bool same_language(std::string_view a, std::string_view b);

}  // namespace archtag::rules
