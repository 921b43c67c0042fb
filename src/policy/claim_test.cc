#include <gtest/gtest.h>

#include "policy/claim.h"
#include "policy/load.h"

namespace archtag::policy {
namespace {

Policy policy(std::string_view id, std::string_view recognize, std::string_view fields = "") {
    std::string xml = "<policy id=\"" + std::string(id) +
                      "\" name=\"N\"><time-zone>UTC</time-zone>" + "<recognize>" +
                      std::string(recognize) + "</recognize>" + std::string(fields) + "</policy>";
    auto p = load_from_string(xml, std::string(id) + ".xml");
    EXPECT_TRUE(p) << p.error().describe();
    return p ? *p : Policy{};
}

FieldMap fields(std::initializer_list<std::pair<std::string, std::string>> kv) {
    FieldMap m;
    for (const auto& [k, v] : kv)
        m[k].push_back(FieldValue{v, 1});
    return m;
}

class Claim : public ::testing::Test {
  protected:
    std::vector<Policy> m_policies{
        policy("laist", "<field key=\"publication\">LAist</field><path glob=\"laist/**\"/>",
               "<fields><publication keys=\"publication brand\"/></fields>"),
        policy("guardian",
               "<field key=\"publication\">The Guardian</field><field "
               "key=\"site\">theguardian.com</field>"
               "<path glob=\"guardian/**\"/>")};
};

TEST_F(Claim, OnePolicyClaimsEveryArticle) {
    std::vector<Policy> one{m_policies[1]};
    bool ambiguous = true;
    EXPECT_EQ(claim(one, "anything/else.md", {}, &ambiguous), &one[0]);
    EXPECT_FALSE(ambiguous);
}

TEST_F(Claim, NoPolicies) {
    EXPECT_EQ(claim({}, "laist/a.md", {}), nullptr);
}

TEST_F(Claim, ByFieldValueIgnoringCase) {
    bool ambiguous = true;
    EXPECT_EQ(claim(m_policies, "x.md", fields({{"publication", "laist"}}), &ambiguous),
              &m_policies[0]);
    EXPECT_FALSE(ambiguous);
    EXPECT_EQ(claim(m_policies, "x.md", fields({{"publication", " THE GUARDIAN "}})),
              &m_policies[1]);
    EXPECT_EQ(claim(m_policies, "x.md", fields({{"site", "theguardian.com"}})), &m_policies[1]);
}

TEST_F(Claim, PublicationAlsoReadFromThePolicysPublicationKeys) {
    EXPECT_EQ(claim(m_policies, "x.md", fields({{"brand", "LAist"}})), &m_policies[0]);
    // The Guardian's mapping is the default one, which includes "brand" too.
    EXPECT_EQ(claim(m_policies, "x.md", fields({{"brand", "The Guardian"}})), &m_policies[1]);
    EXPECT_EQ(claim(m_policies, "x.md", fields({{"title", "LAist"}})), nullptr);
}

TEST_F(Claim, ByPathGlob) {
    EXPECT_EQ(claim(m_policies, "laist/2014/story.md", {}), &m_policies[0]);
    EXPECT_EQ(claim(m_policies, "guardian/story.md", {}), &m_policies[1]);
    EXPECT_EQ(claim(m_policies, "other/story.md", fields({{"publication", "Other"}})), nullptr);
}

TEST_F(Claim, SeveralClaimsAreAmbiguousAndTheFirstWins) {
    bool ambiguous = false;
    EXPECT_EQ(claim(m_policies, "guardian/x.md", fields({{"publication", "LAist"}}), &ambiguous),
              &m_policies[0]);
    EXPECT_TRUE(ambiguous);
    EXPECT_EQ(claim(m_policies, "laist/x.md", {}, &ambiguous), &m_policies[0]);
    EXPECT_FALSE(ambiguous);
}

}  // namespace
}  // namespace archtag::policy
