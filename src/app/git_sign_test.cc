#include "app/git_sign.h"

#include <gtest/gtest.h>

#include <map>

namespace archtag::app {

namespace {

ConfigLookup config(std::map<std::string, std::string> values) {
    return [values](const std::string& key) -> std::optional<std::string> {
        auto it = values.find(key);
        return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
}

}  // namespace

TEST(SigningSetup, OpenPgpByDefaultWithTheCommittersEmail) {
    auto s = signing_setup(config({}), "desk@example.com");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->format, SigningSetup::Format::openpgp);
    EXPECT_EQ(s->program, "gpg");
    EXPECT_EQ(s->key, "desk@example.com");
    auto named = signing_setup(
        config({{"user.signingkey", "ABCD1234"}, {"gpg.program", "/opt/gpg2"}}), "d@e");
    ASSERT_TRUE(named);
    EXPECT_EQ(named->key, "ABCD1234");
    EXPECT_EQ(named->program, "/opt/gpg2");
}

TEST(SigningSetup, SshNeedsAKeyFile) {
    auto s = signing_setup(config({{"gpg.format", "ssh"}, {"user.signingkey", "/k/id"}}), "d@e");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->format, SigningSetup::Format::ssh);
    EXPECT_EQ(s->program, "ssh-keygen");
    EXPECT_EQ(s->key, "/k/id");
    auto literal = signing_setup(
        config({{"gpg.format", "ssh"}, {"user.signingkey", "key::ssh-ed25519 AAAA"}}), "d@e");
    ASSERT_FALSE(literal);
    EXPECT_EQ(literal.error().message,
              "--sign: user.signingkey must be the path of a key file, not the key itself");
}

TEST(SigningSetup, X509IsNotSupported) {
    auto s = signing_setup(config({{"gpg.format", "x509"}}), "d@e");
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().message,
              "--sign: gpg.format=x509 is not supported (expected openpgp or ssh)");
}

}  // namespace archtag::app
