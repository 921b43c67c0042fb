#include "app/git_identity.h"

#include <gtest/gtest.h>

namespace archtag::app {

TEST(GitIdentity, ParsesNameAndEmail) {
    auto p = parse_person("Ed Itor <ed@example.com>", "--author");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(*p, (Person{"Ed Itor", "ed@example.com"}));
    EXPECT_EQ(p->text(), "Ed Itor <ed@example.com>");
}

TEST(GitIdentity, RejectsWhatIsNotAnIdentity) {
    for (const char* bad : {"Ed Itor", "<ed@example.com>", "Ed <>", "Ed <ed@example.com> x"}) {
        auto p = parse_person(bad, "--author");
        ASSERT_FALSE(p.has_value()) << bad;
        EXPECT_EQ(p.error().message, std::string("--author: '") + bad +
                                         "' is not an identity (expected \"Name <email>\")");
    }
}

TEST(GitIdentity, FlagThenEnvironmentThenConfigThenBot) {
    IdentitySources s;
    EXPECT_EQ(resolve_identity(s), bot_identity());
    EXPECT_EQ(bot_identity(), (Person{"archtag", "archtag@noreply.invalid"}));
    s.config_name = "Config Name";
    s.config_email = "config@example.com";
    EXPECT_EQ(resolve_identity(s), (Person{"Config Name", "config@example.com"}));
    s.env_name = "Env Name";  // the email still comes from config, as in git
    EXPECT_EQ(resolve_identity(s), (Person{"Env Name", "config@example.com"}));
    s.env_email = "env@example.com";
    EXPECT_EQ(resolve_identity(s), (Person{"Env Name", "env@example.com"}));
    s.flag = Person{"Flag", "flag@example.com"};
    EXPECT_EQ(resolve_identity(s), (Person{"Flag", "flag@example.com"}));
}

}  // namespace archtag::app
