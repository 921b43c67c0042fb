#pragma once
// Who a sweep's commit is by: from the flag, then the environment
// (GIT_AUTHOR_* / GIT_COMMITTER_*), then git config (user.name, user.email),
// then archtag's own bot identity. Name and email are looked up separately,
// as git does.
#include <optional>
#include <string>
#include <string_view>

#include "util/expected.h"

namespace archtag::app {

struct Person {
    std::string name;
    std::string email;
    std::string text() const { return name + " <" + email + ">"; }
    friend bool operator==(const Person&, const Person&) = default;
};

// The identity used when nothing else names one (documented in the README).
inline Person bot_identity() {
    return {"archtag", "archtag@noreply.invalid"};
}

// "Name <email>" as git writes it; `option` names the flag in the error.
Expected<Person> parse_person(std::string_view text, std::string_view option);

struct IdentitySources {
    std::optional<Person> flag;
    std::optional<std::string> env_name, env_email;
    std::optional<std::string> config_name, config_email;
};

Person resolve_identity(const IdentitySources& sources);

}  // namespace archtag::app
