#include "app/config.h"

#include <gtest/gtest.h>

namespace archtag::app {

TEST(Config, PathsAreRelativeToTheConfigFile) {
    auto c = parse_config(R"(<archtag version="1">
  <policies path="../../policies"/>
  <rules path="/etc/archtag/rules"/>
  <exclude glob="drafts/**"/>
</archtag>)",
                          "fixtures/demo/.archtag.xml");
    ASSERT_TRUE(c.has_value()) << c.error().describe();
    EXPECT_EQ(c->policy_paths, std::vector<std::string>{"policies"});
    EXPECT_EQ(c->rules_paths, std::vector<std::string>{"/etc/archtag/rules"});
    EXPECT_EQ(c->exclude, std::vector<std::string>{"drafts/**"});
}

TEST(Config, UnknownElementPointsAtTheLine) {
    auto c = parse_config("<archtag>\n  <polices path=\"p\"/>\n</archtag>\n", ".archtag.xml");
    ASSERT_FALSE(c.has_value());
    EXPECT_EQ(
        c.error().describe(),
        ".archtag.xml:2:3: unknown element <polices> in <archtag> (did you mean <policies>?)\n"
        "      <polices path=\"p\"/>\n"
        "      ^");
}

TEST(Config, MalformedXml) {
    auto c = parse_config("<archtag>\n<rules path='x'>\n", "c.xml");
    ASSERT_FALSE(c.has_value());
    EXPECT_EQ(c.error().path, "c.xml");
    EXPECT_NE(c.error().message.find("not well-formed XML"), std::string::npos);
}

TEST(Config, MissingAttribute) {
    auto c = parse_config("<archtag><rules/></archtag>", "c.xml");
    ASSERT_FALSE(c.has_value());
    EXPECT_EQ(c.error().headline(),
              "c.xml:1:10: <rules> needs a path attribute (a file or directory)");
}

}  // namespace archtag::app

namespace archtag::app {

TEST(ConfigHook, DefaultsToCheckAndTheDefaultBranch) {
    auto c = parse_config("<archtag/>", "c.xml");
    ASSERT_TRUE(c.has_value()) << c.error().describe();
    EXPECT_EQ(c->hook_mode, HookMode::check);
    EXPECT_TRUE(c->protect.empty());
}

TEST(ConfigHook, ModeAndProtectedBranches) {
    auto c = parse_config(
        "<archtag><hook mode=\"fix\" protect=\"refs/heads/main  refs/heads/published\"/></archtag>",
        "c.xml");
    ASSERT_TRUE(c.has_value()) << c.error().describe();
    EXPECT_EQ(c->hook_mode, HookMode::fix);
    EXPECT_EQ(c->protect, (std::vector<std::string>{"refs/heads/main", "refs/heads/published"}));
}

TEST(ConfigHook, UnknownModeIsAnErrorAtTheAttribute) {
    auto c = parse_config("<archtag>\n  <hook mode=\"stamp\"/>\n</archtag>\n", ".archtag.xml");
    ASSERT_FALSE(c.has_value());
    EXPECT_EQ(c.error().describe(),
              ".archtag.xml:2:9: <hook mode=\"stamp\"> is not a mode (expected check, which "
              "refuses the commit, or fix, which stamps the staged articles)\n"
              "      <hook mode=\"stamp\"/>\n"
              "            ^");
}

TEST(ConfigHook, ProtectNamesFullBranchRefs) {
    auto c = parse_config("<archtag><hook protect=\"main\"/></archtag>", "c.xml");
    ASSERT_FALSE(c.has_value());
    EXPECT_EQ(c.error().headline(),
              "c.xml:1:16: <hook protect> names branches as refs/heads/NAME, not 'main'");
}

}  // namespace archtag::app
