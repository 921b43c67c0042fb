// Every condition kind, true and false, through decide() on one-rule sets.
#include <gtest/gtest.h>

#include "rules/decide.h"
#include "rules/test_support.h"

namespace archtag::rules {
namespace {

using namespace fixtures;

struct Probe {
    bool matched = false;
    std::vector<std::string> reasons;
};

class Conditions : public ::testing::Test {
  protected:
    Probe probe(const std::string& when, const ArticleMeta& meta,
                Instant as_of = at("2024-06-01T19:00:00Z")) {
        RuleSet set =
            rules_from(rules_file(rule_xml("probe", when, "<flag code=\"hit\" message=\"hit\"/>")));
        Resolution where = resolve_for(m_policy, meta);
        Decision d = decide_both_ways(set, meta, where, as_of);
        EXPECT_EQ(d.trace.size(), 1u);
        if (d.trace.empty())
            return {};
        bool flagged = !d.flags.empty() && d.flags.back().code == "hit";
        EXPECT_EQ(flagged, d.trace[0].matched);
        return {d.trace[0].matched, d.trace[0].reasons};
    }
    bool matches(const std::string& when, const ArticleMeta& meta) {
        return probe(when, meta).matched;
    }

    Policy m_policy = laist_policy();
};

TEST_F(Conditions, PublishedBeforeAndAfterADay) {
    ArticleMeta m = article("a.md", "2018-02-22T23:30:00-08:00");
    EXPECT_TRUE(matches("<published before=\"2018-02-23\"/>", m));
    EXPECT_FALSE(matches("<published after=\"2018-02-23\"/>", m));
    ArticleMeta later = article("a.md", "2018-02-23T09:00:00Z");  // 01:00 in Los Angeles
    EXPECT_FALSE(matches("<published before=\"2018-02-23\"/>", later));
    EXPECT_TRUE(matches("<published after=\"2018-02-23\"/>", later));
}

TEST_F(Conditions, AfterMeansOnOrAfter) {
    EXPECT_TRUE(matches("<published after=\"2018-02-23\"/>", article("a.md", "2018-02-23")));
    EXPECT_FALSE(matches("<published before=\"2018-02-23\"/>", article("a.md", "2018-02-23")));
}

TEST_F(Conditions, PublishedAgainstEras) {
    ArticleMeta m = article("a.md", "2015-06-01");
    EXPECT_TRUE(matches("<published before=\"era:current\"/>", m));
    EXPECT_TRUE(matches("<published after=\"era:dnainfo\" before=\"era:dnainfo:end\"/>", m));
    EXPECT_FALSE(matches("<published after=\"era:kpcc\"/>", m));
    Probe p = probe("<published before=\"era:current\"/>", m);
    EXPECT_EQ(p.reasons, std::vector<std::string>{
                             "published before era:current: yes (published "
                             "2015-06-01T07:00:00Z, era:current = 2018-02-23T08:00:00Z)"});
}

TEST_F(Conditions, PublishedAgainstAFullTimestamp) {
    ArticleMeta m = article("a.md", "2018-02-23T07:59:59Z");
    EXPECT_TRUE(matches("<published before=\"2018-02-23T00:00:00-08:00\"/>", m));
    EXPECT_FALSE(matches("<published before=\"2018-02-23T07:59:59Z\"/>", m));
}

TEST_F(Conditions, PublishedIsFalseWhenUndatedOrTheEraIsUnknown) {
    Probe undated = probe("<published before=\"era:current\"/>", article("a.md"));
    EXPECT_FALSE(undated.matched);
    EXPECT_EQ(undated.reasons,
              std::vector<std::string>{"published before era:current: no (undated)"});
    Probe unknown = probe("<published before=\"era:gothamist\"/>", article("a.md", "2015-06-01"));
    EXPECT_FALSE(unknown.matched);
    EXPECT_EQ(unknown.reasons,
              std::vector<std::string>{"published before era:gothamist: no (published "
                                       "2015-06-01T07:00:00Z, policy laist has no era "
                                       "\"gothamist\")"});
    EXPECT_FALSE(matches("<published before=\"era:kpcc:end\"/>", article("a.md", "2024-01-01")));
}

TEST_F(Conditions, Era) {
    ArticleMeta old = article("a.md", "2015-06-01");
    ArticleMeta now = article("a.md", "2020-06-01");
    EXPECT_TRUE(matches("<era is=\"kpcc dnainfo\"/>", old));
    EXPECT_FALSE(matches("<era is=\"kpcc\"/>", old));
    EXPECT_TRUE(matches("<era current=\"yes\"/>", now));
    EXPECT_FALSE(matches("<era current=\"yes\"/>", old));
    EXPECT_TRUE(matches("<era current=\"no\"/>", old));
    ArticleMeta gap = article("a.md", "2018-01-01");
    EXPECT_FALSE(matches("<era current=\"no\"/>", gap));
    EXPECT_FALSE(matches("<era current=\"no\"/>", article("a.md")));
    EXPECT_EQ(probe("<era is=\"kpcc\"/>", gap).reasons,
              std::vector<std::string>{"era is kpcc: no (published in no era)"});
}

TEST_F(Conditions, OwnerMissing) {
    Probe gap = probe("<owner missing=\"yes\"/>", article("a.md", "2018-01-01"));
    EXPECT_TRUE(gap.matched);
    EXPECT_EQ(gap.reasons, std::vector<std::string>{"owner missing: yes (no owner on 2018-01-01)"});
    EXPECT_FALSE(matches("<owner missing=\"yes\"/>", article("a.md", "2015-01-01")));
    EXPECT_FALSE(matches("<owner missing=\"yes\"/>", article("a.md")));
    EXPECT_TRUE(matches("<owner missing=\"no\"/>", article("a.md", "2015-01-01")));
}

TEST_F(Conditions, AgeUsesLocalDays) {
    Instant as_of = at("2024-06-01T19:00:00Z");  // noon in Los Angeles
    // 2023-06-01T02:00Z is May 31 in Los Angeles: one year and a day.
    EXPECT_TRUE(
        probe("<age at-least=\"1y1d\"/>", article("a.md", "2023-06-01T02:00:00Z"), as_of).matched);
    EXPECT_FALSE(
        probe("<age at-least=\"1y2d\"/>", article("a.md", "2023-06-01T02:00:00Z"), as_of).matched);
    EXPECT_TRUE(probe("<age at-least=\"30d\"/>", article("a.md", "2024-05-02"), as_of).matched);
    EXPECT_FALSE(probe("<age at-least=\"30d\"/>", article("a.md", "2024-05-03"), as_of).matched);
    EXPECT_TRUE(probe("<age less-than=\"1y\"/>", article("a.md", "2023-06-02"), as_of).matched);
    EXPECT_FALSE(probe("<age less-than=\"1y\"/>", article("a.md", "2023-06-01"), as_of).matched);
    EXPECT_TRUE(
        probe("<age at-least=\"6m\" less-than=\"1y\"/>", article("a.md", "2023-10-01"), as_of)
            .matched);
    Probe undated = probe("<age at-least=\"0d\"/>", article("a.md"), as_of);
    EXPECT_FALSE(undated.matched);
    EXPECT_EQ(undated.reasons, std::vector<std::string>{"age at least 0d: no (undated)"});
}

TEST_F(Conditions, FieldEqualsInGlobPresent) {
    ArticleMeta m = article("news/a.md", "2020-01-01");
    m.fields["Section"] = {FieldValue{"Local News", 3}};
    m.fields["authors"] = {FieldValue{"Ana", 4}, FieldValue{"Ben", 5}};
    m.fields["empty"] = {FieldValue{"  ", 6}};
    EXPECT_TRUE(matches("<field key=\"Section\" equals=\"local news\"/>", m));
    EXPECT_FALSE(matches("<field key=\"Section\" equals=\"local\"/>", m));
    EXPECT_FALSE(matches("<field key=\"section\" equals=\"local news\"/>", m));  // keys are exact
    EXPECT_TRUE(matches("<field key=\"authors\" in=\"carla, BEN\"/>", m));
    EXPECT_FALSE(matches("<field key=\"authors\" in=\"carla, dan\"/>", m));
    EXPECT_TRUE(matches("<field key=\"Section\" glob=\"local*\"/>", m));
    EXPECT_FALSE(matches("<field key=\"Section\" glob=\"sport*\"/>", m));
    // A field value is text, not a path: '*' crosses '/'.
    m.fields["canonical_url"] = {FieldValue{"https://laist.com/2014/03/12/x", 7}};
    EXPECT_TRUE(matches("<field key=\"canonical_url\" glob=\"*laist.com*\"/>", m));
    EXPECT_TRUE(matches("<field key=\"authors\" present=\"yes\"/>", m));
    EXPECT_FALSE(matches("<field key=\"empty\" present=\"yes\"/>", m));
    EXPECT_TRUE(matches("<field key=\"nothing\" present=\"no\"/>", m));
    EXPECT_EQ(
        probe("<field key=\"authors\" equals=\"Cy\"/>", m).reasons,
        std::vector<std::string>{"field authors equals \"Cy\": no (authors: \"Ana\", \"Ben\")"});
}

TEST_F(Conditions, FieldVirtualKeys) {
    ArticleMeta m = article("news/2015/a.md", "2015-01-01");
    m.title = "Hello";
    m.publication = "LAist";
    m.section = "Food";
    m.type = "post";
    m.language = "en-US";
    m.format = Format::html;
    EXPECT_TRUE(matches("<field key=\"title\" equals=\"hello\"/>", m));
    EXPECT_TRUE(matches("<field key=\"publication\" equals=\"laist\"/>", m));
    EXPECT_TRUE(matches("<field key=\"section\" in=\"food, drink\"/>", m));
    EXPECT_TRUE(matches("<field key=\"type\" equals=\"POST\"/>", m));
    EXPECT_TRUE(matches("<field key=\"language\" glob=\"en-*\"/>", m));
    EXPECT_TRUE(matches("<field key=\"format\" equals=\"html\"/>", m));
    EXPECT_TRUE(matches("<field key=\"path\" glob=\"news/**\"/>", m));
    EXPECT_FALSE(matches("<field key=\"path\" glob=\"drafts/**\"/>", m));
    m.title.clear();
    EXPECT_TRUE(matches("<field key=\"title\" present=\"no\"/>", m));
}

TEST_F(Conditions, Tags) {
    ArticleMeta m = article("a.md", "2020-01-01");
    m.tags = {"Politics", "tone/help"};
    EXPECT_TRUE(matches("<tag in=\"tone/recipes TONE/HELP\"/>", m));
    EXPECT_FALSE(matches("<tag in=\"tone/recipes\"/>", m));
    Probe listed = probe("<tag in-list=\"age-exempt-tags\"/>", m);
    EXPECT_TRUE(listed.matched);
    EXPECT_EQ(listed.reasons,
              std::vector<std::string>{"tag in list age-exempt-tags: yes (tagged \"tone/help\")"});
    m.tags = {"Politics"};
    EXPECT_FALSE(matches("<tag in-list=\"age-exempt-tags\"/>", m));
    Probe missing = probe("<tag in-list=\"evergreen-tags\"/>", m);
    EXPECT_FALSE(missing.matched);
    EXPECT_EQ(missing.reasons,
              std::vector<std::string>{
                  "tag in list evergreen-tags: no (policy laist has no list \"evergreen-tags\")"});
    m.tags.clear();
    EXPECT_FALSE(matches("<tag in=\"tone/help\"/>", m));
}

TEST_F(Conditions, PathAndFormat) {
    ArticleMeta m = article("drafts/2020/a.md", "2020-01-01");
    EXPECT_TRUE(matches("<path glob=\"drafts/**\"/>", m));
    EXPECT_FALSE(matches("<path glob=\"news/**\"/>", m));
    EXPECT_TRUE(matches("<format is=\"markdown\"/>", m));
    EXPECT_FALSE(matches("<format is=\"html xml\"/>", m));
    m.format = Format::xml;
    EXPECT_TRUE(matches("<format is=\"html xml\"/>", m));
}

TEST_F(Conditions, Missing) {
    ArticleMeta m = article("a.md", "2020-01-01");
    m.fields["byline"] = {FieldValue{"Ana", 2}};
    EXPECT_FALSE(matches("<missing field=\"published\"/>", m));
    EXPECT_TRUE(matches("<missing field=\"published\"/>", article("a.md")));
    EXPECT_TRUE(matches("<missing field=\"title\"/>", m));
    EXPECT_TRUE(matches("<missing field=\"tags\"/>", m));
    EXPECT_TRUE(matches("<missing field=\"section\"/>", m));
    EXPECT_TRUE(matches("<missing field=\"language\"/>", m));
    EXPECT_FALSE(matches("<missing field=\"byline\"/>", m));
    EXPECT_TRUE(matches("<missing field=\"summary\"/>", m));
    m.title = "T";
    m.tags = {"x"};
    m.publication = "LAist";
    m.type = "post";
    EXPECT_FALSE(matches("<missing field=\"title\"/>", m));
    EXPECT_FALSE(matches("<missing field=\"tags\"/>", m));
    EXPECT_FALSE(matches("<missing field=\"publication\"/>", m));
    EXPECT_FALSE(matches("<missing field=\"type\"/>", m));
}

TEST_F(Conditions, OptOutFlaggedPolicy) {
    ArticleMeta m = article("a.md", "2020-01-01");
    EXPECT_FALSE(matches("<opt-out/>", m));
    EXPECT_FALSE(matches("<flagged code=\"date-mismatch\"/>", m));
    m.opt_out_reason = "syndicated";
    m.opt_out_source = "front-matter:archtag_skip";
    m.flags.push_back(
        Flag{FlagLevel::warning, "date-mismatch", "front matter says 2020, file name 2019"});
    Probe opted = probe("<opt-out/>", m);
    EXPECT_TRUE(opted.matched);
    EXPECT_EQ(opted.reasons,
              std::vector<std::string>{
                  "opt-out: yes (reason \"syndicated\", from front-matter:archtag_skip)"});
    EXPECT_TRUE(matches("<flagged code=\"no-date date-mismatch\"/>", m));
    EXPECT_FALSE(matches("<flagged code=\"no-date\"/>", m));
    EXPECT_TRUE(matches("<policy is=\"guardian laist\"/>", m));
    EXPECT_FALSE(matches("<policy is=\"guardian\"/>", m));
}

TEST_F(Conditions, LowConfidenceDateFollowsThePolicy) {
    ArticleMeta m = article("a.html", "2014-12-19");
    m.published_source = "dateline";
    EXPECT_FALSE(matches("<low-confidence-date/>", m));  // high confidence by default
    m.published_confidence = Confidence::low;
    Probe p = probe("<low-confidence-date/>", m);
    EXPECT_TRUE(p.matched);
    EXPECT_EQ(p.reasons,
              std::vector<std::string>{"low-confidence date: yes (low confidence "
                                       "(dateline); policy sends such dates to review)"});
    m_policy.low_confidence = LowConfidence::stamp;
    EXPECT_FALSE(matches("<low-confidence-date/>", m));
    EXPECT_FALSE(matches("<low-confidence-date/>", article("b.html", "")));
}

TEST_F(Conditions, Combinators) {
    ArticleMeta m = article("a.md", "2015-01-01");
    m.tags = {"a"};
    EXPECT_TRUE(matches("<all><tag in=\"a\"/><era is=\"dnainfo\"/></all>", m));
    EXPECT_FALSE(matches("<all><tag in=\"a\"/><era is=\"kpcc\"/></all>", m));
    EXPECT_TRUE(matches("<any><tag in=\"b\"/><era is=\"dnainfo\"/></any>", m));
    EXPECT_FALSE(matches("<any><tag in=\"b\"/><era is=\"kpcc\"/></any>", m));
    EXPECT_TRUE(matches("<not><tag in=\"b\"/></not>", m));
    EXPECT_FALSE(matches("<not><tag in=\"a\"/></not>", m));
    EXPECT_TRUE(matches("<not><tag in=\"a\"/><tag in=\"b\"/></not>", m));  // not all of them
    EXPECT_TRUE(matches("<any><not><opt-out/></not><all><opt-out/></all></any>", m));
    EXPECT_TRUE(matches("", m));  // an empty <when> always holds
}

TEST_F(Conditions, AllTopLevelConditionsMustHoldAndAreAllTraced) {
    ArticleMeta m = article("a.md", "2015-01-01");
    Probe p = probe("<tag in=\"b\"/><any><era is=\"kpcc\"/><not><opt-out/></not></any>", m);
    EXPECT_FALSE(p.matched);
    EXPECT_EQ(p.reasons, (std::vector<std::string>{"tag in b: no (no tags)", "any of: yes",
                                                   "  era is kpcc: no (published in era dnainfo)",
                                                   "  not: yes", "    opt-out: no"}));
}

}  // namespace
}  // namespace archtag::rules
