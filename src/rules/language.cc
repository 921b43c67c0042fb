#include "rules/language.h"

#include "util/strings.h"

namespace archtag::rules {

std::string_view primary_subtag(std::string_view lang) {
    lang = trim(lang);
    return lang.substr(0, lang.find_first_of("-_"));
}

bool same_language(std::string_view a, std::string_view b) {
    std::string_view pa = primary_subtag(a);
    return !pa.empty() && iequals(pa, primary_subtag(b));
}

}  // namespace archtag::rules
