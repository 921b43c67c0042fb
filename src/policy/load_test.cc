#include <gtest/gtest.h>

#include "policy/digest.h"
#include "policy/load.h"

namespace archtag::policy {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Day ymd(int y, unsigned m, unsigned d) {
    return Day{year{y}, month{m}, day{d}};
}

constexpr std::string_view k_full_policy = R"(<?xml version="1.0" encoding="UTF-8"?>
<policy id="demo" name="Demo Daily" version="1">
  <time-zone>America/Los_Angeles</time-zone>
  <language>de</language>
  <recognize>
    <field key="publication">Demo Daily</field>
    <field key="publication">demo.example</field>
    <field key="site">demo</field>
    <path glob="demo/**"/>
    <path glob="*.demo.md"/>
  </recognize>
  <fields>
    <date keys="date published"/>
    <publication keys="  publication
                         brand "/>
    <opt-out keys="no_stamp"/>
  </fields>
  <ownership>
    <owner id="first" name="First Owner" from="2004-07-01" until="2017-03-17"/>
    <owner id="second" name="Second Owner" from="2018-02-23"/>
  </ownership>
  <eras>
    <era id="early" name="Early days" owner="first" until="2010-01-01"/>
    <era id="late" name="Later days" owner="first" from="2010-01-01" until="2017-03-17"/>
    <era id="now" name="Now" owner="second" from="2018-02-23"/>
  </eras>
  <notices>
    <archival enabled="yes">
      <template lang="en" link="https://demo.example/standards" link-text="Read
         more.">
        Archived: written before {owner_now}
        took over on {acquired}.
      </template>
      <template>Archiviert vor {acquired_long}.</template>
    </archival>
    <age enabled="yes" arithmetic="guardian" minimum="1y6m">
      <template lang="en">More than {age} old</template>
      <template lang="de">Mehr als {age} alt</template>
      <units lang="de" year="Jahr" years="Jahre" month="Monat" months="Monate"/>
    </age>
  </notices>
  <lists>
    <list name="age-exempt-tags"><item>tone/help</item><item> tone/recipes </item></list>
    <list name="empty"/>
  </lists>
  <placement markdown="front-matter" archival-key="archived" age-key="aged"
             html="after" html-selector=".story-header">
    <html-template><![CDATA[<div class="notice notice--{kind}" role="note">{text} {link}</div>]]></html-template>
  </placement>
  <dates low-confidence="stamp" from-git-history="yes"/>
</policy>
)";

TEST(PolicyLoad, FullPolicyHasEveryField) {
    auto p = load_from_string(k_full_policy, "policies/demo.xml");
    ASSERT_TRUE(p) << p.error().describe();
    EXPECT_EQ(p->id, "demo");
    EXPECT_EQ(p->name, "Demo Daily");
    EXPECT_EQ(p->source_path, "policies/demo.xml");
    EXPECT_EQ(p->digest, digest(k_full_policy));
    EXPECT_EQ(p->time_zone, "America/Los_Angeles");
    EXPECT_EQ(p->default_lang, "de");

    ASSERT_EQ(p->recognition.fields.size(), 2u);
    EXPECT_EQ(p->recognition.fields[0].key, "publication");
    EXPECT_EQ(p->recognition.fields[0].values,
              (std::vector<std::string>{"Demo Daily", "demo.example"}));
    EXPECT_EQ(p->recognition.fields[1].key, "site");
    EXPECT_EQ(p->recognition.fields[1].values, (std::vector<std::string>{"demo"}));
    EXPECT_EQ(p->recognition.paths, (std::vector<std::string>{"demo/**", "*.demo.md"}));

    FieldMapping defaults = FieldMapping::defaults();
    EXPECT_EQ(p->fields.date, (std::vector<std::string>{"date", "published"}));
    EXPECT_EQ(p->fields.publication, (std::vector<std::string>{"publication", "brand"}));
    EXPECT_EQ(p->fields.opt_out, (std::vector<std::string>{"no_stamp"}));
    EXPECT_EQ(p->fields.title, defaults.title);
    EXPECT_EQ(p->fields.tags, defaults.tags);

    ASSERT_EQ(p->owners.size(), 2u);
    EXPECT_EQ(p->owners[0].id, "first");
    EXPECT_EQ(p->owners[0].name, "First Owner");
    EXPECT_EQ(p->owners[0].from, ymd(2004, 7, 1));
    EXPECT_EQ(p->owners[0].until, ymd(2017, 3, 17));
    EXPECT_EQ(p->owners[0].line, 19);
    EXPECT_EQ(p->owners[1].from, ymd(2018, 2, 23));
    EXPECT_FALSE(p->owners[1].until);

    ASSERT_EQ(p->eras.size(), 3u);
    EXPECT_EQ(p->eras[0].id, "early");
    EXPECT_FALSE(p->eras[0].from);
    EXPECT_EQ(p->eras[0].until, ymd(2010, 1, 1));
    EXPECT_EQ(p->eras[1].owner, "first");
    EXPECT_EQ(p->eras[2].name, "Now");
    EXPECT_EQ(p->eras[2].owner, "second");
    EXPECT_EQ(p->eras[2].line, 25);
    ASSERT_NE(p->current_era(), nullptr);
    EXPECT_EQ(p->current_era()->id, "now");

    EXPECT_TRUE(p->archival.enabled);
    ASSERT_EQ(p->archival.templates.size(), 2u);
    EXPECT_EQ(p->archival.templates[0].lang, "en");
    EXPECT_EQ(p->archival.templates[0].text,
              "Archived: written before {owner_now} took over on {acquired}.");
    EXPECT_EQ(p->archival.templates[0].link_url, "https://demo.example/standards");
    EXPECT_EQ(p->archival.templates[0].link_text, "Read more.");
    EXPECT_EQ(p->archival.templates[1].lang, "de");  // the policy's <language>
    EXPECT_EQ(p->archival.templates[1].link_url, "");

    EXPECT_TRUE(p->age.enabled);
    EXPECT_EQ(p->arithmetic, AgeArithmetic::guardian);
    EXPECT_EQ(p->age_minimum, (AgeThreshold{1, 6, 0}));
    ASSERT_EQ(p->age.templates.size(), 2u);
    EXPECT_EQ(p->age.templates[1].text, "Mehr als {age} alt");
    ASSERT_EQ(p->units.size(), 2u);
    EXPECT_EQ(p->units[0].lang, "de");
    EXPECT_EQ(p->units[0].years, "Jahre");
    EXPECT_EQ(p->units[0].months, "Monate");
    EXPECT_EQ(p->units[1].lang, "en");  // built in
    EXPECT_EQ(p->units[1].year, "year");

    EXPECT_EQ(p->lists.at("age-exempt-tags"),
              (std::vector<std::string>{"tone/help", "tone/recipes"}));
    EXPECT_TRUE(p->lists.at("empty").empty());

    EXPECT_EQ(p->placement.markdown, MarkdownPlacement::front_matter);
    EXPECT_EQ(p->placement.archival_key, "archived");
    EXPECT_EQ(p->placement.html, HtmlAnchor::after_element);
    EXPECT_EQ(p->placement.html_selector, ".story-header");
    EXPECT_EQ(p->placement.html_template,
              "<div class=\"notice notice--{kind}\" role=\"note\">{text} {link}</div>");
    EXPECT_EQ(p->low_confidence, LowConfidence::stamp);
    EXPECT_TRUE(p->date_from_git_history);
    EXPECT_EQ(p->placement.age_key, "aged");
}

TEST(PolicyLoad, MinimalPolicyGetsDefaults) {
    auto p = load_from_string("<policy id=\"m\" name=\"M\"><time-zone> UTC </time-zone></policy>",
                              "m.xml");
    ASSERT_TRUE(p) << p.error().describe();
    EXPECT_EQ(p->time_zone, "UTC");
    EXPECT_EQ(p->default_lang, "en");
    EXPECT_FALSE(p->archival.enabled);
    EXPECT_FALSE(p->age.enabled);
    EXPECT_EQ(p->arithmetic, AgeArithmetic::calendar);
    EXPECT_EQ(p->age_minimum, AgeThreshold{});
    EXPECT_TRUE(p->owners.empty());
    EXPECT_EQ(p->current_era(), nullptr);
    EXPECT_EQ(p->placement.markdown, MarkdownPlacement::body_top);
    EXPECT_EQ(p->placement.archival_key, "archival_notice");
    EXPECT_FALSE(p->date_from_git_history);
    ASSERT_EQ(p->units.size(), 1u);
    EXPECT_EQ(p->units[0].lang, "en");
}

TEST(PolicyLoad, AgeMinimumSpans) {
    auto minimum = [](std::string_view span) {
        std::string xml =
            "<policy id=\"m\" name=\"M\"><time-zone>UTC</time-zone><notices>"
            "<age enabled=\"yes\" minimum=\"" +
            std::string(span) + "\"><template>{age}</template></age></notices></policy>";
        auto p = load_from_string(xml, "m.xml");
        return p ? p->age_minimum : AgeThreshold{-1, -1, -1};
    };
    EXPECT_EQ(minimum("1y"), (AgeThreshold{1, 0, 0}));
    EXPECT_EQ(minimum("6m"), (AgeThreshold{0, 6, 0}));
    EXPECT_EQ(minimum("30d"), (AgeThreshold{0, 0, 30}));
    EXPECT_EQ(minimum("1y6m"), (AgeThreshold{1, 6, 0}));
    EXPECT_EQ(minimum("2y3m4d"), (AgeThreshold{2, 3, 4}));
    EXPECT_EQ(minimum("6m1y"), (AgeThreshold{-1, -1, -1}));
    EXPECT_EQ(minimum("1y1y"), (AgeThreshold{-1, -1, -1}));
    EXPECT_EQ(minimum("y"), (AgeThreshold{-1, -1, -1}));
    EXPECT_EQ(minimum("12"), (AgeThreshold{-1, -1, -1}));
    EXPECT_EQ(minimum("1w"), (AgeThreshold{-1, -1, -1}));
}

TEST(PolicyLoad, DigestChangesWithTheBytes) {
    EXPECT_EQ(digest(""), "cbf29ce484222325");  // the FNV-1a 64 offset basis
    EXPECT_EQ(digest("a"), "af63dc4c8601ec8c");
    EXPECT_NE(digest("<policy/>"), digest("<policy />"));
}

}  // namespace
}  // namespace archtag::policy
