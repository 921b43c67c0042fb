#include "rules/decide.h"

#include <gtest/gtest.h>

#include "rules/test_support.h"

namespace archtag::rules {
namespace {

using namespace fixtures;

const Instant k_as_of = at("2024-06-01T19:00:00Z");  // noon in Los Angeles

RuleSet default_rules() {
    auto set = load(std::string(ARCHTAG_SOURCE_DIR) + "/rules/default.xml");
    EXPECT_TRUE(set.has_value()) << (set ? "" : set.error().describe());
    return set ? *set : RuleSet{};
}

std::vector<std::string> effects(const Decision& d) {
    std::vector<std::string> out;
    for (const TraceStep& s : d.trace)
        out.push_back(s.rule + ": " + s.effect);
    return out;
}

const std::string k_archival_text =
    "This is an archival story that predates current editorial management of LAist, acquired by "
    "Southern "
    "California Public Radio on February 23, 2018.";

class Decide : public ::testing::Test {
  protected:
    Decision run(const RuleSet& rules, const ArticleMeta& meta, Instant as_of = k_as_of) {
        Resolution where = resolve_for(m_policy, meta);
        return decide_both_ways(rules, meta, where, as_of);
    }
    Policy m_policy = laist_policy();
};

TEST_F(Decide, LaistCutoffTheEveningBeforeInLosAngelesPredates) {
    Decision d = run(default_rules(), article("2018/a.md", "2018-02-22T23:30:00-08:00"));
    ASSERT_EQ(d.notices.size(), 2u);
    EXPECT_EQ(d.notices[0], (Notice{NoticeKind::archival, k_archival_text, "en",
                                    "https://laist.com/about", "Read more"}));
    EXPECT_EQ(d.notices[1],
              (Notice{NoticeKind::age, "This article is more than 6 years old", "en", "", ""}));
    EXPECT_EQ(d.flags, (std::vector<Flag>{{FlagLevel::warning, "no-owner",
                                           "published on 2018-02-22, when LAist had no owner"}}));
    EXPECT_EQ(d.era, "");
    EXPECT_EQ(d.owner, "");
}

TEST_F(Decide, LaistCutoffNineUtcOnTheDayDoesNotPredate) {
    Decision d = run(default_rules(), article("2018/a.md", "2018-02-23T09:00:00Z"));
    ASSERT_EQ(d.notices.size(), 1u);
    EXPECT_EQ(d.notices[0].kind, NoticeKind::age);
    EXPECT_TRUE(d.flags.empty());
    EXPECT_EQ(d.era, "kpcc");
    EXPECT_EQ(d.owner, "Southern California Public Radio");
    EXPECT_EQ(d.trace.at(6).rule, "predates-current-management");
    EXPECT_FALSE(d.trace.at(6).matched);
    EXPECT_EQ(d.trace.at(6).reasons,
              std::vector<std::string>{
                  "published before era:current: no (published 2018-02-23T09:00:00Z, "
                  "era:current = 2018-02-23T08:00:00Z)"});
}

TEST_F(Decide, DefaultRulesTraceEveryRuleInOrder) {
    Decision d = run(default_rules(), article("2015/a.md", "2015-06-01T10:00:00-07:00"));
    EXPECT_EQ(
        effects(d),
        (std::vector<std::string>{
            "opt-out: no match",
            "undated: no match",
            "date-conflict: no match",
            "low-confidence-date: no match",
            "no-owner: no match",
            "exempt-tags: no match",
            "predates-current-management: adds archival notice (en): \"" + k_archival_text + "\"",
            "age: adds age notice (en): \"This article is more than 9 years old\"",
        }));
    EXPECT_EQ(d.trace[6].where, std::string(ARCHTAG_SOURCE_DIR) + "/rules/default.xml:75");
    EXPECT_EQ(d.era, "dnainfo");
    EXPECT_EQ(d.owner, "DNAinfo");
}

TEST_F(Decide, OptOutShadowsTheNoticesWithItsReason) {
    ArticleMeta m = article("a.md", "2015-06-01");
    m.opt_out_reason = "syndicated copy";
    Decision d = run(default_rules(), m);
    EXPECT_TRUE(d.notices.empty());
    EXPECT_EQ(d.trace[0].effect,
              "exempt from archival notice: the article opts out (syndicated copy); exempt from "
              "age notice: the "
              "article opts out (syndicated copy)");
    EXPECT_EQ(d.trace[6].effect, "archival notice: shadowed by rule opt-out");
    EXPECT_EQ(d.trace[7].effect, "age notice: shadowed by rule opt-out");
}

TEST_F(Decide, UndatedKeepsTheReadersFlagAndStampsNothing) {
    ArticleMeta m = article("a.md");
    m.flags.push_back(Flag{FlagLevel::warning, "no-date", "no publication date found"});
    Decision d = run(default_rules(), m);
    EXPECT_TRUE(d.notices.empty());
    EXPECT_EQ(d.flags, m.flags);
    EXPECT_EQ(d.trace[1].effect,
              "exempt from archival notice: no publication date; exempt from age notice: no "
              "publication date");
}

TEST_F(Decide, DateMismatchWaitsForAnEditor) {
    ArticleMeta m = article("a.md", "2015-06-01");
    m.flags.push_back(
        Flag{FlagLevel::warning, "date-mismatch", "front matter and file name disagree"});
    Decision d = run(default_rules(), m);
    EXPECT_TRUE(d.notices.empty());
    EXPECT_EQ(d.trace[2].effect,
              "exempt from archival notice: dates disagree; an editor must decide; exempt from age "
              "notice: "
              "dates disagree; an editor must decide");
}

TEST_F(Decide, ExemptTagsKeepOnlyTheArchivalNotice) {
    ArticleMeta m = article("a.md", "2015-06-01");
    m.tags = {"EVERGREEN"};
    Decision d = run(default_rules(), m);
    ASSERT_EQ(d.notices.size(), 1u);
    EXPECT_EQ(d.notices[0].kind, NoticeKind::archival);
    EXPECT_EQ(d.trace[7].effect, "age notice: shadowed by rule exempt-tags");
}

TEST_F(Decide, FirstRuleForAKindDecidesItAndFlagsAccumulate) {
    RuleSet rules = rules_from(
        rules_file(rule_xml("first", "",
                            "<age-notice/><flag level=\"info\" code=\"one\" message=\"first\"/>") +
                   rule_xml("second", "",
                            "<exempt kind=\"all\" reason=\"late\"/><flag code=\"two\" "
                            "message=\"{publication}\"/>") +
                   rule_xml("third", "", "<archival-notice/>")));
    ArticleMeta m = article("a.md", "2015-06-01");
    m.flags.push_back(Flag{FlagLevel::error, "reader", "from the reader"});
    Decision d = run(rules, m);
    EXPECT_EQ(
        effects(d),
        (std::vector<std::string>{
            "first: adds age notice (en): \"This article is more than 9 years old\"; flags info "
            "one: first",
            "second: exempt from archival notice: late; age exemption: shadowed by rule first; "
            "flags warning two: LAist",
            "third: archival notice: shadowed by rule second",
        }));
    ASSERT_EQ(d.notices.size(), 1u);
    EXPECT_EQ(d.notices[0].kind, NoticeKind::age);
    EXPECT_EQ(d.flags, (std::vector<Flag>{{FlagLevel::error, "reader", "from the reader"},
                                          {FlagLevel::info, "one", "first"},
                                          {FlagLevel::warning, "two", "LAist"}}));
}

TEST_F(Decide, ArchivalNoticeComesFirstWhateverTheRuleOrder) {
    RuleSet rules = rules_from(rules_file(rule_xml("age", "", "<age-notice/>") +
                                          rule_xml("archival", "", "<archival-notice/>")));
    Decision d = run(rules, article("a.md", "2015-06-01"));
    ASSERT_EQ(d.notices.size(), 2u);
    EXPECT_EQ(d.notices[0].kind, NoticeKind::archival);
    EXPECT_EQ(d.notices[1].kind, NoticeKind::age);
}

TEST_F(Decide, FinalStopsLaterRules) {
    RuleSet rules = rules_from(
        rules_file(rule_xml("skip-drafts", "<path glob=\"drafts/**\"/>",
                            "<flag code=\"draft\" message=\"a draft\"/>", " final=\"yes\"") +
                   rule_xml("archival", "", "<archival-notice/>")));
    Decision draft = run(rules, article("drafts/a.md", "2015-06-01"));
    EXPECT_TRUE(draft.notices.empty());
    EXPECT_EQ(effects(draft),
              (std::vector<std::string>{
                  "skip-drafts: flags warning draft: a draft; final: later rules are not evaluated",
                  "archival: not evaluated: rule skip-drafts is final",
              }));
    EXPECT_FALSE(draft.trace[1].matched);
    // final only acts when the rule matches.
    Decision published = run(rules, article("news/a.md", "2015-06-01"));
    EXPECT_EQ(published.notices.size(), 1u);
}

TEST_F(Decide, DisabledNoticeDecidesNothing) {
    m_policy.archival.enabled = false;
    RuleSet rules =
        rules_from(rules_file(rule_xml("archival", "", "<archival-notice/>") +
                              rule_xml("exempt", "", "<exempt kind=\"archival\" reason=\"r\"/>")));
    Decision d = run(rules, article("a.md", "2015-06-01"));
    EXPECT_TRUE(d.notices.empty());
    EXPECT_EQ(effects(d),
              (std::vector<std::string>{"archival: policy has no archival notice; decides nothing",
                                        "exempt: exempt from archival notice: r"}));
}

TEST_F(Decide, TooYoungForAnAgePhraseDecidesNothing) {
    RuleSet rules =
        rules_from(rules_file(rule_xml("age", "", "<age-notice/>") +
                              rule_xml("later", "", "<exempt kind=\"age\" reason=\"young\"/>")));
    Decision d = run(rules, article("a.md", "2024-05-15"));
    EXPECT_TRUE(d.notices.empty());
    EXPECT_EQ(effects(d),
              (std::vector<std::string>{
                  "age: no age notice: younger than the minimum age 1m (no minimum set) "
                  "(published 2024-05-15, as of 2024-06-01); decides nothing",
                  "later: exempt from age notice: young"}));
    m_policy.age_minimum = AgeThreshold{1, 0, 0};
    d = run(rules, article("a.md", "2023-06-02"));
    EXPECT_EQ(d.trace[0].effect,
              "no age notice: younger than the minimum age 1y (published 2023-06-02, as of "
              "2024-06-01); decides "
              "nothing");
    d = run(rules, article("a.md", "2023-06-01"));
    EXPECT_EQ(d.trace[0].effect, "adds age notice (en): \"This article is more than 1 year old\"");
}

TEST_F(Decide, MonthPhrases) {
    RuleSet rules = rules_from(rules_file(rule_xml("age", "", "<age-notice/>")));
    EXPECT_EQ(run(rules, article("a.md", "2024-05-01")).notices.at(0).text,
              "This article is more than 1 month old");
    EXPECT_EQ(run(rules, article("a.md", "2023-08-01")).notices.at(0).text,
              "This article is more than 10 months old");
}

TEST_F(Decide, GermanTemplateForAGermanArticle) {
    RuleSet rules = rules_from(rules_file(rule_xml("age", "", "<age-notice/>")));
    ArticleMeta m = article("a.md", "2015-01-01");
    m.language = "de-DE";
    Decision d = run(rules, m);
    ASSERT_EQ(d.notices.size(), 1u);
    EXPECT_EQ(d.notices[0],
              (Notice{NoticeKind::age, "Dieser Artikel ist älter als 9 Jahre", "de", "", ""}));
    m.language = "EN-gb";
    EXPECT_EQ(run(rules, m).notices.at(0).lang, "en");
    m.language = "fr";
    EXPECT_EQ(run(rules, m).notices.at(0).lang, "en");  // the policy's default language
    m_policy.default_lang = "de";
    EXPECT_EQ(run(rules, m).notices.at(0).lang, "de");
    m_policy.default_lang = "es";
    EXPECT_EQ(run(rules, m).notices.at(0).lang, "en");  // the first template
}

TEST_F(Decide, TheGuardianSeed) {
    Policy guardian;
    guardian.id = "guardian";
    guardian.name = "The Guardian";
    guardian.time_zone = "Europe/London";
    guardian.arithmetic = AgeArithmetic::guardian;
    guardian.age.enabled = true;
    guardian.age.templates = {NoticeTemplate{"en", "This article is more than {age} old", "", ""}};
    RuleSet rules = rules_from(rules_file(
        rule_xml("age", "<policy is=\"guardian\"/><age at-least=\"30d\"/>", "<age-notice/>")));
    ArticleMeta m = article("world/live/2014/dec/19/a.md", "2014-12-19T11:28:00-05:00");
    Resolution where = resolve_for(guardian, m);
    Decision d = decide_both_ways(rules, m, where, at("2024-06-01T00:00:00Z"));
    ASSERT_EQ(d.notices.size(), 1u);
    EXPECT_EQ(d.notices[0].text, "This article is more than 9 years old");
}

TEST_F(Decide, GuardianArithmeticTooYoungSaysWhy) {
    m_policy.arithmetic = AgeArithmetic::guardian;
    RuleSet rules = rules_from(rules_file(rule_xml("age", "", "<age-notice/>")));
    Decision d = run(rules, article("a.md", "2024-05-01T19:00:00Z"));
    EXPECT_EQ(d.trace[0].effect,
              "no age notice: 31.0 days old; guardian arithmetic needs more than 31 days; decides "
              "nothing");
    d = run(rules, article("a.md", "2024-04-30T19:00:00Z"));
    EXPECT_EQ(d.notices.at(0).text, "This article is more than 1 month old");
}

TEST_F(Decide, NoPolicyKeepsOnlyTheReadersFlags) {
    RuleSet rules = default_rules();
    ArticleMeta m = article("a.md", "2015-06-01");
    m.flags.push_back(Flag{FlagLevel::warning, "date-mismatch", "x"});
    Decision d = decide_both_ways(rules, m, Resolution{}, k_as_of);
    EXPECT_TRUE(d.notices.empty());
    EXPECT_EQ(d.flags, m.flags);
    ASSERT_EQ(d.trace.size(), 1u);
    EXPECT_EQ(d.trace[0].reasons, std::vector<std::string>{"no policy claims this article"});
    EXPECT_EQ(d.trace[0].effect, "no rules evaluated");
}

TEST_F(Decide, PlaceholdersInNoticesAndRuleTexts) {
    m_policy.archival.templates = {NoticeTemplate{
        "en",
        "{publication}|{owner_then}|{owner_now}|{era_then}|{era_now}|{acquired}|{published}|{age}",
        "", ""}};
    RuleSet rules = rules_from(rules_file(rule_xml(
        "a", "", "<archival-notice/><flag code=\"c\" message=\"{day} {published} {era_then}\"/>")));
    Decision d = run(rules, article("a.md", "2015-06-01T23:30:00-07:00"));
    EXPECT_EQ(
        d.notices.at(0).text,
        "LAist|DNAinfo|Southern California Public Radio|the DNAinfo years|the KPCC era|2018-02-23|"
        "2015-06-01T23:30:00-07:00|9 years");
    EXPECT_EQ(d.flags.at(0).message, "2015-06-01 2015-06-01T23:30:00-07:00 the DNAinfo years");
}

TEST_F(Decide, IsPureForTheSameInputs) {
    RuleSet rules = default_rules();
    ArticleMeta m = article("a.md", "2015-06-01");
    Decision a = run(rules, m);
    Decision b = run(rules, m);
    EXPECT_EQ(a.notices, b.notices);
    EXPECT_EQ(effects(a), effects(b));
    Decision next_year = run(rules, m, at("2025-06-01T19:00:00Z"));
    EXPECT_EQ(next_year.notices.at(1).text, "This article is more than 10 years old");
}

}  // namespace
}  // namespace archtag::rules
