#pragma once
// Test-only helpers: hand-built policies, articles and resolutions.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "model/article_meta.h"
#include "model/policy.h"
#include "model/timezone.h"
#include "rules/decide.h"
#include "rules/loader.h"

namespace archtag::rules::fixtures {

using namespace std::chrono;

// LAist: DNAinfo until 2017-11-02, no owner until KPCC took over on 2018-02-23.
inline Policy laist_policy() {
    Policy p;
    p.id = "laist";
    p.name = "LAist";
    p.time_zone = "America/Los_Angeles";
    p.owners = {
        Owner{"dnainfo", "DNAinfo", 2009y / March / 1, 2017y / November / 2, 1},
        Owner{"scpr", "Southern California Public Radio", 2018y / February / 23, std::nullopt, 2}};
    p.eras = {
        Era{"dnainfo", "the DNAinfo years", "dnainfo", 2009y / March / 1, 2017y / November / 2, 3},
        Era{"kpcc", "the KPCC era", "scpr", 2018y / February / 23, std::nullopt, 4}};
    p.archival.enabled = true;
    p.archival.templates = {
        NoticeTemplate{"en",
                       "This is an archival story that predates current editorial "
                       "management of {publication}, acquired by {owner_now} on "
                       "{acquired_long}.",
                       "https://laist.com/about", "Read more"}};
    p.age.enabled = true;
    p.age.templates = {NoticeTemplate{"en", "This article is more than {age} old", "", ""},
                       NoticeTemplate{"de", "Dieser Artikel ist älter als {age}", "", ""}};
    p.units = {AgeUnits{"de", "Jahr", "Jahre", "Monat", "Monate"}};
    p.lists["age-exempt-tags"] = {"tone/help", "Evergreen"};
    return p;
}

inline ArticleMeta article(const std::string& path, const std::string& published = "") {
    ArticleMeta m;
    m.path = path;
    m.format = Format::markdown;
    if (!published.empty()) {
        auto ts = parse_timestamp(published);
        EXPECT_TRUE(ts.has_value()) << published;
        if (ts)
            m.published = *ts;
        m.published_source = "front-matter:date";
    }
    return m;
}

// What policy::resolve would work out, done by hand.
inline Resolution resolve_for(const Policy& policy, const ArticleMeta& meta) {
    Resolution r;
    r.policy = &policy;
    auto zone = TimeZone::locate(policy.time_zone);
    EXPECT_TRUE(zone.has_value());
    r.zone = *zone;
    if (!meta.published)
        return r;
    r.published = to_instant(*meta.published, *zone);
    r.local_day = zone->local_date(*r.published);
    r.era = policy.era_at(*r.local_day);
    r.owner = policy.owner_at(*r.local_day);
    return r;
}

inline RuleSet rules_from(const std::string& xml) {
    auto set = load_from_string(xml, "test.xml");
    EXPECT_TRUE(set.has_value()) << (set ? "" : set.error().describe());
    return set ? *set : RuleSet{};
}

// A rule file holding one rule per (id, when, then) line of XML.
inline std::string rule_xml(const std::string& id, const std::string& when, const std::string& then,
                            const std::string& attributes = "") {
    return "  <rule id=\"" + id + "\"" + attributes + ">\n    <when>" + when +
           "</when>\n    <then>" + then + "</then>\n  </rule>\n";
}

inline std::string rules_file(const std::string& body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rules version=\"1\">\n" + body +
           "</rules>\n";
}

// decide() with its trace, checked against the same decision without one:
// Trace::no must change nothing but the trace.
inline Decision decide_both_ways(const RuleSet& rules, const ArticleMeta& meta,
                                 const Resolution& where, Instant as_of) {
    Decision traced = decide(rules, meta, where, as_of, Trace::yes);
    Decision bare = decide(rules, meta, where, as_of, Trace::no);
    EXPECT_TRUE(bare.trace.empty() || !where.policy);
    EXPECT_EQ(bare.notices, traced.notices);
    EXPECT_EQ(bare.flags, traced.flags);
    EXPECT_EQ(bare.era, traced.era);
    EXPECT_EQ(bare.owner, traced.owner);
    EXPECT_EQ(bare.era_name, traced.era_name);
    EXPECT_EQ(bare.owner_now, traced.owner_now);
    EXPECT_EQ(bare.era_now_start, traced.era_now_start);
    EXPECT_EQ(bare.published_day, traced.published_day);
    EXPECT_EQ(bare.age, traced.age);
    EXPECT_EQ(bare.exempt_reason, traced.exempt_reason);
    return traced;
}

inline Instant at(const std::string& iso) {
    auto ts = parse_timestamp(iso);
    EXPECT_TRUE(ts.has_value()) << iso;
    return to_instant(*ts, TimeZone::utc());
}

}  // namespace archtag::rules::fixtures
