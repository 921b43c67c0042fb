// The policies and test suites shipped in policies/ load and say what the
// documentation says they say.
#include <gtest/gtest.h>

#include "policy/claim.h"
#include "policy/load.h"
#include "policy/test_cases.h"

namespace archtag::policy {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Day ymd(int y, unsigned m, unsigned d) {
    return Day{year{y}, month{m}, day{d}};
}

const std::string k_policies = std::string(ARCHTAG_SOURCE_DIR) + "/policies";

TEST(ShippedPolicies, Laist) {
    auto loaded = load(k_policies + "/laist.xml");
    ASSERT_TRUE(loaded) << loaded.error().describe();
    ASSERT_EQ(loaded->size(), 1u);
    const Policy& p = loaded->front();
    EXPECT_EQ(p.id, "laist");
    EXPECT_EQ(p.time_zone, "America/Los_Angeles");
    ASSERT_EQ(p.owners.size(), 3u);
    EXPECT_EQ(p.owners[1].name, "DNAinfo");
    EXPECT_EQ(p.owners[1].until, ymd(2017, 11, 2));
    EXPECT_EQ(p.owner_at(ymd(2018, 1, 1)), nullptr);
    ASSERT_NE(p.current_era(), nullptr);
    EXPECT_EQ(p.current_era()->from, ymd(2018, 2, 23));
    EXPECT_EQ(p.owner_by_id(p.current_era()->owner)->name, "Southern California Public Radio");
    EXPECT_TRUE(p.archival.enabled);
    ASSERT_EQ(p.archival.templates.size(), 1u);
    EXPECT_EQ(p.archival.templates[0].text,
              "This is an archival story that predates current editorial management. This archival "
              "content was written, edited, and published prior to LAist's acquisition by its "
              "current owner, {owner_now}. Content, such as language choice and subject matter, in "
              "archival articles therefore may not align with {owner_now}'s current editorial "
              "standards.");
    EXPECT_EQ(p.archival.templates[0].link_text,
              "To learn more about those standards and why we make this distinction, click here.");
    EXPECT_EQ(p.arithmetic, AgeArithmetic::calendar);
    EXPECT_EQ(p.age_minimum, (AgeThreshold{1, 0, 0}));
    EXPECT_EQ(p.age.templates.at(0).text, "This article is more than {age} old");
}

TEST(ShippedPolicies, Guardian) {
    auto loaded = load(k_policies + "/guardian.xml");
    ASSERT_TRUE(loaded) << loaded.error().describe();
    const Policy& p = loaded->front();
    EXPECT_EQ(p.id, "guardian");
    EXPECT_EQ(p.time_zone, "Europe/London");
    EXPECT_FALSE(p.archival.enabled);
    EXPECT_TRUE(p.age.enabled);
    EXPECT_EQ(p.arithmetic, AgeArithmetic::guardian);
    EXPECT_EQ(p.owners.at(0).from, ymd(1821, 5, 5));
    EXPECT_EQ(p.lists.at("age-exempt-tags"),
              (std::vector<std::string>{"tone/help", "tone/recipes", "type/crossword",
                                        "tone/advertisement-features"}));
}

TEST(ShippedPolicies, TheDirectoryHoldsBothAndTheyDoNotClaimEachOthersArticles) {
    auto loaded = load(k_policies);
    ASSERT_TRUE(loaded) << loaded.error().describe();
    ASSERT_EQ(loaded->size(), 2u);
    EXPECT_EQ((*loaded)[0].id, "guardian");
    EXPECT_EQ((*loaded)[1].id, "laist");
    bool ambiguous = true;
    FieldMap laist{{"publication", {FieldValue{"laist.com", 2}}}};
    EXPECT_EQ(claim(*loaded, "x.md", laist, &ambiguous)->id, "laist");
    EXPECT_FALSE(ambiguous);
    EXPECT_EQ(claim(*loaded, "guardian/2014/dec/19/sony.md", {}, &ambiguous)->id, "guardian");
    EXPECT_FALSE(ambiguous);
}

TEST(ShippedTestSuites, Load) {
    auto suites = load_test_suites(k_policies + "/tests");
    ASSERT_TRUE(suites) << suites.error().describe();
    ASSERT_EQ(suites->size(), 2u);
    EXPECT_EQ((*suites)[0].policy_id, "guardian");
    EXPECT_EQ((*suites)[1].policy_id, "laist");
    for (const TestSuite& suite : *suites) {
        EXPECT_GE(suite.cases.size(), 9u);
        for (const TestCase& c : suite.cases) {
            EXPECT_EQ(c.article.substr(0, 4), "---\n") << c.id;
            EXPECT_GT(c.line, 0) << c.id;
        }
    }
    const TestCase& first = (*suites)[1].cases.at(0);
    EXPECT_EQ(first.id, "cutoff-evening-before");
    EXPECT_EQ(first.as_of, "2026-11-23");
    ASSERT_EQ(first.notices.size(), 2u);
    EXPECT_EQ(first.notices[1].kind, NoticeKind::age);
    EXPECT_EQ(first.notices[1].text, "This article is more than 8 years old");
    EXPECT_EQ(first.flags, (std::vector<std::string>{"no-owner"}));
}

}  // namespace
}  // namespace archtag::policy
