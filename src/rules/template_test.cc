#include "rules/template.h"

#include <gtest/gtest.h>

namespace archtag::rules {
namespace {

TemplateValues sample() {
    TemplateValues v;
    v.publication = "LAist";
    v.owner_then = "DNAinfo";
    v.owner_now = "Southern California Public Radio";
    v.era_then = "the DNAinfo years";
    v.era_now = "the KPCC era";
    v.acquired = "2018-02-23";
    v.acquired_long = "February 23, 2018";
    v.age = "9 years";
    v.published = "2014-12-19T11:28:00-05:00";
    v.day = "2014-12-19";
    v.reason = "syndicated";
    return v;
}

TEST(RenderTemplate, FillsEveryPlaceholder) {
    EXPECT_EQ(
        render_template("{publication}|{owner_then}|{owner_now}|{era_then}|{era_now}|{acquired}|"
                        "{acquired_long}|{age}|{published}|{day}|{reason}",
                        sample()),
        "LAist|DNAinfo|Southern California Public Radio|the DNAinfo years|the KPCC era|2018-02-23|"
        "February 23, 2018|9 years|2014-12-19T11:28:00-05:00|2014-12-19|syndicated");
}

TEST(RenderTemplate, TheAgeNotice) {
    EXPECT_EQ(render_template("This article is more than {age} old", sample()),
              "This article is more than 9 years old");
}

TEST(RenderTemplate, LeavesEverythingElseAsWritten) {
    EXPECT_EQ(render_template("{unknown} { age } {} {{age}} {age", sample()),
              "{unknown} { age } {} {9 years} {age");
    EXPECT_EQ(render_template("", sample()), "");
    EXPECT_EQ(render_template("no placeholders <b>&amp;</b>", sample()),
              "no placeholders <b>&amp;</b>");
}

TEST(RenderTemplate, ValuesAreNotRescanned) {
    TemplateValues v;
    v.publication = "{age}";
    v.age = "9 years";
    EXPECT_EQ(render_template("{publication} {age}", v), "{age} 9 years");
}

TEST(Placeholders, FoundInOrder) {
    EXPECT_EQ(placeholders_in("a {age} b {publicaton} {} { x } {reason}"),
              (std::vector<std::string>{"age", "publicaton", "reason"}));
}

TEST(Placeholders, RuleTextsMayAlsoUseDayAndReason) {
    const auto& notice = notice_placeholders();
    const auto& rule = rule_text_placeholders();
    EXPECT_EQ(notice.size(), 9u);
    EXPECT_EQ(rule.size(), 11u);
    EXPECT_EQ(rule[9], "day");
    EXPECT_EQ(rule[10], "reason");
}

}  // namespace
}  // namespace archtag::rules
