#include "app/git_identity.h"

#include <fmt/format.h>

#include "util/strings.h"

namespace archtag::app {

Expected<Person> parse_person(std::string_view text, std::string_view option) {
    std::size_t open = text.rfind('<');
    std::size_t close = text.rfind('>');
    Person p;
    if (open != std::string_view::npos && close == text.size() - 1 && open < close) {
        p.name = std::string(trim(text.substr(0, open)));
        p.email = std::string(trim(text.substr(open + 1, close - open - 1)));
    }
    if (p.name.empty() || p.email.empty() || p.email.find_first_of("<> ") != std::string::npos)
        return fail(make_error("", fmt::format("{}: '{}' is not an identity (expected \"Name "
                                               "<email>\")",
                                               option, text)));
    return p;
}

namespace {

std::string first_set(std::initializer_list<const std::optional<std::string>*> values,
                      const std::string& fallback) {
    for (const auto* v : values)
        if (*v && !trim(**v).empty())
            return std::string(trim(**v));
    return fallback;
}

}  // namespace

Person resolve_identity(const IdentitySources& s) {
    if (s.flag)
        return *s.flag;
    Person bot = bot_identity();
    return {first_set({&s.env_name, &s.config_name}, bot.name),
            first_set({&s.env_email, &s.config_email}, bot.email)};
}

}  // namespace archtag::app
