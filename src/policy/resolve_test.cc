#include <gtest/gtest.h>

#include "policy/load.h"
#include "policy/resolve.h"

namespace archtag::policy {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Day ymd(int y, unsigned m, unsigned d) {
    return Day{year{y}, month{m}, day{d}};
}

constexpr std::string_view k_laist = R"(<policy id="laist" name="LAist">
  <time-zone>America/Los_Angeles</time-zone>
  <ownership>
    <owner id="gothamist" name="Gothamist LLC" from="2004-07-01" until="2017-03-17"/>
    <owner id="dnainfo" name="DNAinfo" from="2017-03-17" until="2017-11-02"/>
    <owner id="scpr" name="Southern California Public Radio" from="2018-02-23"/>
  </ownership>
  <eras>
    <era id="gothamist" name="Gothamist" owner="gothamist" from="2004-07-01" until="2017-03-17"/>
    <era id="dnainfo" name="DNAinfo" owner="dnainfo" from="2017-03-17" until="2017-11-02"/>
    <era id="scpr" name="SCPR" owner="scpr" from="2018-02-23"/>
  </eras>
</policy>)";

class Resolve : public ::testing::Test {
  protected:
    void SetUp() override {
        auto p = load_from_string(k_laist, "laist.xml");
        ASSERT_TRUE(p) << p.error().describe();
        m_policy = *p;
    }
    Resolution at(std::string_view date) {
        ArticleMeta meta;
        auto ts = parse_timestamp(date);
        EXPECT_TRUE(ts) << ts.error().message;
        if (ts)
            meta.published = *ts;
        return resolve(m_policy, meta);
    }
    static std::string id_of(const Era* e) { return e ? e->id : "(none)"; }
    static std::string id_of(const Owner* o) { return o ? o->id : "(none)"; }
    Policy m_policy;
};

TEST_F(Resolve, EveningBeforeTheCutoffInLosAngeles) {
    Resolution r = at("2018-02-22T23:30:00-08:00");
    EXPECT_EQ(r.policy, &m_policy);
    ASSERT_TRUE(r.zone);
    EXPECT_EQ(r.zone->name(), "America/Los_Angeles");
    ASSERT_TRUE(r.published);
    EXPECT_EQ(*r.published, std::chrono::sys_days{ymd(2018, 2, 23)} + std::chrono::hours{7} +
                                std::chrono::minutes{30});
    EXPECT_EQ(r.local_day, ymd(2018, 2, 22));
    EXPECT_EQ(id_of(r.era), "(none)");  // the shutdown gap
    EXPECT_EQ(id_of(r.owner), "(none)");
}

TEST_F(Resolve, NineUtcIsOneInTheMorningOfTheFirstDay) {
    Resolution r = at("2018-02-23T09:00:00Z");
    EXPECT_EQ(r.local_day, ymd(2018, 2, 23));
    EXPECT_EQ(id_of(r.era), "scpr");
    EXPECT_EQ(id_of(r.owner), "scpr");
}

TEST_F(Resolve, UtcDateOfALateEveningIsNotTheLocalDay) {
    Resolution r = at("2018-02-23T07:59:59Z");
    EXPECT_EQ(r.local_day, ymd(2018, 2, 22));
    EXPECT_EQ(id_of(r.owner), "(none)");
}

TEST_F(Resolve, DateOnlyIsMidnightInThePolicyZone) {
    Resolution r = at("2018-02-23");
    ASSERT_TRUE(r.published);
    EXPECT_EQ(*r.published, std::chrono::sys_days{ymd(2018, 2, 23)} + std::chrono::hours{8});
    EXPECT_EQ(r.local_day, ymd(2018, 2, 23));
    EXPECT_EQ(id_of(r.era), "scpr");
}

TEST_F(Resolve, NoOffsetMeansLocalTimeInThePolicyZone) {
    Resolution r = at("2017-03-16 23:00");
    EXPECT_EQ(*r.published, std::chrono::sys_days{ymd(2017, 3, 17)} + std::chrono::hours{6});
    EXPECT_EQ(id_of(r.owner), "gothamist");
}

TEST_F(Resolve, HandoverDaysBelongToTheNewOwner) {
    EXPECT_EQ(id_of(at("2017-03-17").owner), "dnainfo");
    EXPECT_EQ(id_of(at("2017-11-01T23:59:00-07:00").owner), "dnainfo");
    EXPECT_EQ(id_of(at("2017-11-02").owner), "(none)");
    EXPECT_EQ(id_of(at("2017-12-15T10:00:00-08:00").era), "(none)");
    EXPECT_EQ(id_of(at("2004-06-30").owner), "(none)");
}

TEST_F(Resolve, UndatedArticleGetsOnlyThePolicyAndZone) {
    Resolution r = resolve(m_policy, ArticleMeta{});
    EXPECT_EQ(r.policy, &m_policy);
    EXPECT_TRUE(r.zone);
    EXPECT_FALSE(r.published);
    EXPECT_FALSE(r.local_day);
    EXPECT_EQ(r.era, nullptr);
    EXPECT_EQ(r.owner, nullptr);
}

}  // namespace
}  // namespace archtag::policy
