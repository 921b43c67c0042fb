#pragma once
// `--sign`: commits signed as git signs them, by running gpg (gpg.format
// openpgp, the default) or ssh-keygen (gpg.format ssh) on the commit's bytes,
// with the key and programs named in git config.
#include <functional>
#include <optional>
#include <string>

#include "util/expected.h"

namespace archtag::app {

struct SigningSetup {
    enum class Format { openpgp, ssh };
    Format format = Format::openpgp;
    std::string program;  // gpg.program / gpg.ssh.program, else gpg / ssh-keygen
    std::string key;      // user.signingkey; for openpgp, else the committer's email
};

using ConfigLookup = std::function<std::optional<std::string>(const std::string& key)>;

// What git config says about signing; an error for what archtag cannot use
// (an unknown gpg.format, x509, an ssh key without user.signingkey, or one
// given as "key::" text instead of a file).
Expected<SigningSetup> signing_setup(const ConfigLookup& config,
                                     const std::string& committer_email);

// An armored detached signature of `payload`; the program's own words when
// it fails.
Expected<std::string> sign_payload(const SigningSetup& setup, const std::string& payload);

}  // namespace archtag::app
