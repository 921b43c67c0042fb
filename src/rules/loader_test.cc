#include "rules/loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "rules/test_support.h"

namespace archtag::rules {
namespace {

using fixtures::rule_xml;
using fixtures::rules_file;

// The headline of the error loading `xml` as rules/default.xml.
std::string error_of(const std::string& xml) {
    auto set = load_from_string(xml, "rules/default.xml");
    if (set)
        return "(loaded)";
    return set.error().headline();
}

std::string one_rule(const std::string& when, const std::string& then = "<archival-notice/>") {
    return rules_file(rule_xml("r", when, then));
}

TEST(Loader, LoadsRulesInOrderWithFileAndLine) {
    auto set = load_from_string(
        rules_file(rule_xml("first", "<opt-out/>", "<exempt kind=\"all\" reason=\"x\"/>") +
                   rule_xml("second", "", "<age-notice/>", " final=\"yes\"")),
        "rules/a.xml");
    ASSERT_TRUE(set.has_value()) << set.error().describe();
    ASSERT_EQ(set->rules.size(), 2u);
    EXPECT_EQ(set->rules[0].id, "first");
    EXPECT_EQ(set->rules[0].where(), "rules/a.xml:3");
    EXPECT_EQ(set->rules[0].final, YesNo::no);
    EXPECT_EQ(set->rules[1].id, "second");
    EXPECT_EQ(set->rules[1].where(), "rules/a.xml:7");
    EXPECT_EQ(set->rules[1].final, YesNo::yes);
    EXPECT_TRUE(set->rules[1].when.empty());
    EXPECT_EQ(set->files, std::vector<std::string>{"rules/a.xml"});
}

TEST(Loader, ParsesConditionsAndActions) {
    auto set = load_from_string(
        one_rule("<published before=\"era:kpcc:end\" after=\"2018-02-23T09:00:00Z\"/>"
                 "<any><field key=\"Section\" in=\"news, opinion ,\"/><not><tag "
                 "in-list=\"x\"/></not></any>"
                 "<age at-least=\"1y6m\"/><format is=\"markdown html\"/>",
                 "<exempt kind=\"age\" reason=\"opted out: {reason}\"/><flag code=\"c\" "
                 "message=\"m\"/>"),
        "t.xml");
    ASSERT_TRUE(set.has_value()) << set.error().describe();
    const Rule& r = set->rules.at(0);
    ASSERT_EQ(r.when.size(), 4u);
    const auto& published = std::get<PublishedCondition>(r.when[0].test);
    EXPECT_EQ(published.before->kind, DateRef::Kind::era_end);
    EXPECT_EQ(published.before->era, "kpcc");
    EXPECT_EQ(published.after->kind, DateRef::Kind::timestamp);
    EXPECT_EQ(published.after->timestamp.iso(), "2018-02-23T09:00:00Z");
    const auto& any = std::get<Combinator>(r.when[1].test);
    EXPECT_EQ(any.kind, Combinator::Kind::any);
    ASSERT_EQ(any.children.size(), 2u);
    const auto& field = std::get<FieldCondition>(any.children[0].test);
    EXPECT_EQ(field.key, "Section");
    EXPECT_EQ(field.values, (std::vector<std::string>{"news", "opinion"}));
    EXPECT_EQ(std::get<Combinator>(any.children[1].test).kind, Combinator::Kind::negation);
    EXPECT_EQ(std::get<AgeCondition>(r.when[2].test).at_least->value, (AgeThreshold{1, 6, 0}));
    EXPECT_EQ(std::get<FormatCondition>(r.when[3].test).formats,
              (std::vector<Format>{Format::markdown, Format::html}));
    ASSERT_EQ(r.then.size(), 2u);
    EXPECT_EQ(std::get<ExemptAction>(r.then[0].what).scope, ExemptAction::Scope::age);
    EXPECT_EQ(std::get<FlagAction>(r.then[1].what).flag, (Flag{FlagLevel::warning, "c", "m"}));
}

TEST(LoaderErrors, UnknownConditionSuggestsTheClosestOne) {
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<rules version=\"1\">\n"
        "  <!-- LAist -->\n"
        "  <rule id=\"predates\">\n"
        "    <when>\n"
        "      <all>\n"
        "        <publsihed before=\"era:current\"/>\n"
        "      </all>\n"
        "    </when>\n"
        "    <then><archival-notice/></then>\n"
        "  </rule>\n"
        "</rules>\n";
    auto set = load_from_string(xml, "rules/default.xml");
    ASSERT_FALSE(set.has_value());
    EXPECT_EQ(set.error().describe(),
              "rules/default.xml:7:9: unknown condition <publsihed> (did you mean <published>?)\n"
              "            <publsihed before=\"era:current\"/>\n"
              "            ^");
}

TEST(LoaderErrors, UnknownConditionListsTheKinds) {
    EXPECT_EQ(error_of(one_rule("<frobnicate/>")),
              "rules/default.xml:4:11: unknown condition <frobnicate> (expected one of "
              "<published>, <era>, "
              "<owner>, <age>, <field>, <tag>, <path>, <format>, <missing>, <opt-out>, <flagged>, "
              "<policy>, <low-confidence-date>, <all>, <any>, <not>)");
}

TEST(LoaderErrors, ColumnOfTheSecondElementOfTheSameNameOnALine) {
    EXPECT_EQ(error_of(one_rule("<tag in=\"a\"/><tag in=\"\"/>")),
              "rules/default.xml:4:29: in=\"\": expected tags separated by spaces");
}

TEST(LoaderErrors, MissingAttribute) {
    EXPECT_EQ(error_of(one_rule("<path/>")),
              "rules/default.xml:4:11: <path> needs a glob=\"...\" attribute (a pattern such as "
              "drafts/**)");
    EXPECT_EQ(error_of(one_rule("<published/>")),
              "rules/default.xml:4:11: <published> needs before= or after=");
    EXPECT_EQ(error_of(one_rule("<field key=\"section\"/>")),
              "rules/default.xml:4:11: <field> needs one of equals=, in=, glob= or present=");
    EXPECT_EQ(
        error_of(one_rule("<opt-out/>", "<exempt reason=\"x\"/>")),
        "rules/default.xml:5:11: <exempt> needs a kind=\"...\" attribute (archival, age or all)");
}

TEST(LoaderErrors, ConflictingAttributes) {
    EXPECT_EQ(error_of(one_rule("<field key=\"k\" equals=\"a\" glob=\"b*\"/>")),
              "rules/default.xml:4:37: <field> takes only one of equals=, in=, glob= or present=");
}

TEST(LoaderErrors, UnknownAttributeSuggests) {
    EXPECT_EQ(error_of(rules_file(rule_xml("r", "<opt-out/>", "<age-notice/>", " finall=\"yes\""))),
              "rules/default.xml:3:16: unknown attribute finall= on <rule> (did you mean final=?)");
    EXPECT_EQ(
        error_of(one_rule("<opt-out reason=\"x\"/>")),
        "rules/default.xml:4:20: unknown attribute reason= on <opt-out> (it takes no attributes)");
}

TEST(LoaderErrors, BadDate) {
    EXPECT_EQ(error_of(one_rule("<published before=\"2018-02-30\"/>")),
              "rules/default.xml:4:22: before=\"2018-02-30\": impossible date '2018-02-30': "
              "February 2018 "
              "has 28 days");
    EXPECT_EQ(error_of(one_rule("<published after=\"last week\"/>")),
              "rules/default.xml:4:22: after=\"last week\": expected YYYY-MM-DD, an ISO timestamp, "
              "era:current, era:ID or era:ID:end");
    EXPECT_EQ(
        error_of(one_rule("<published before=\"era:kpcc:start\"/>")),
        "rules/default.xml:4:22: before=\"era:kpcc:start\": expected YYYY-MM-DD, an ISO timestamp, "
        "era:current, era:ID or era:ID:end");
}

TEST(LoaderErrors, BadSpan) {
    EXPECT_EQ(error_of(one_rule("<age at-least=\"9x\"/>")),
              "rules/default.xml:4:16: at-least=\"9x\": expected a span of years, months and days "
              "such as "
              "9y, 6m, 30d or 1y6m");
}

TEST(LoaderErrors, BadEnumeratedValues) {
    EXPECT_EQ(error_of(one_rule("<era current=\"maybe\"/>")),
              "rules/default.xml:4:16: current=\"maybe\": expected yes or no");
    EXPECT_EQ(error_of(one_rule("<format is=\"markdown docx\"/>")),
              "rules/default.xml:4:19: is=\"markdown docx\": unknown format \"docx\" (expected "
              "markdown, html "
              "or xml)");
    EXPECT_EQ(error_of(one_rule("<opt-out/>", "<exempt kind=\"some\" reason=\"x\"/>")),
              "rules/default.xml:5:19: kind=\"some\": expected archival, age or all");
    EXPECT_EQ(error_of(one_rule("<opt-out/>", "<flag level=\"fatal\" code=\"c\" message=\"m\"/>")),
              "rules/default.xml:5:17: level=\"fatal\": expected info, warning or error");
}

TEST(LoaderErrors, UnknownAction) {
    EXPECT_EQ(error_of(one_rule("<opt-out/>", "<archival-notcie/>")),
              "rules/default.xml:5:11: unknown action <archival-notcie> (did you mean "
              "<archival-notice>?)");
    EXPECT_EQ(
        error_of(one_rule("<opt-out/>", "<publish/>")),
        "rules/default.xml:5:11: unknown action <publish> (expected one of <archival-notice>, "
        "<age-notice>, <exempt>, <flag>)");
}

TEST(LoaderErrors, UnknownPlaceholderInARuleText) {
    EXPECT_EQ(
        error_of(one_rule("<opt-out/>", "<exempt kind=\"all\" reason=\"opted out ({reasn})\"/>")),
        "rules/default.xml:5:30: unknown placeholder {reasn} in reason= (did you mean {reason}?)");
}

TEST(LoaderErrors, MalformedXmlNamesTheLine) {
    std::string xml =
        "<rules version=\"1\">\n  <rule id=\"a\">\n    <when><opt-out/></when>\n"
        "    <then><age-notice/></then>\n  </rul>\n</rules>\n";
    auto set = load_from_string(xml, "rules/default.xml");
    ASSERT_FALSE(set.has_value());
    EXPECT_EQ(
        set.error().describe(),
        "rules/default.xml:2: malformed XML: an element opened on this line is not closed by its "
        "matching end tag\n"
        "      <rule id=\"a\">");
    EXPECT_EQ(error_of("<rules version=\"1\">\n  <rule id=\"a>\n</rules>\n"),
              "rules/default.xml:2: malformed XML: bad attribute (expected name=\"value\")");
    EXPECT_EQ(error_of("<rules version=\"1\">\n\n  <rule id=\"a\">\n"),
              "rules/default.xml:3: malformed XML: an element opened on this line is never closed");
    EXPECT_EQ(error_of(""), "rules/default.xml: empty rule file (expected <rules version=\"1\">)");
}

TEST(LoaderErrors, RuleWithoutId) {
    EXPECT_EQ(
        error_of(rules_file("  <rule>\n    <when/><then><age-notice/></then>\n  </rule>\n")),
        "rules/default.xml:3:3: <rule> needs an id=\"...\" attribute naming it in traces, e.g. "
        "id=\"age\"");
    EXPECT_EQ(error_of(rules_file(rule_xml("two words", "", "<age-notice/>"))),
              "rules/default.xml:3:9: id=\"two words\": expected a name without spaces");
}

TEST(LoaderErrors, DuplicateId) {
    EXPECT_EQ(
        error_of(rules_file(rule_xml("age", "", "<age-notice/>") +
                            rule_xml("age", "", "<age-notice/>"))),
        "rules/default.xml:7:9: duplicate rule id \"age\" (first used at rules/default.xml:3)");
}

TEST(LoaderErrors, RuleShape) {
    EXPECT_EQ(
        error_of(rules_file("  <rule id=\"a\">\n    <then><age-notice/></then>\n  </rule>\n")),
        "rules/default.xml:3:3: <rule id=\"a\"> needs a <when> element");
    EXPECT_EQ(error_of(rules_file("  <rule id=\"a\">\n    <when/>\n  </rule>\n")),
              "rules/default.xml:3:3: <rule id=\"a\"> needs a <then> element");
    EXPECT_EQ(error_of(rules_file(
                  "  <rule id=\"a\">\n    <when/><when/><then><age-notice/></then>\n  </rule>\n")),
              "rules/default.xml:4:12: <rule id=\"a\"> has a second <when>");
    EXPECT_EQ(error_of(rules_file(
                  "  <rule id=\"a\">\n    <whn/><then><age-notice/></then>\n  </rule>\n")),
              "rules/default.xml:4:5: unknown element <whn> in <rule> (did you mean <when>?)");
    EXPECT_EQ(error_of(rules_file(rule_xml("a", "<opt-out/>", ""))),
              "rules/default.xml:5:5: <then> needs at least one action (<archival-notice/>, "
              "<age-notice/>, "
              "<exempt/> or <flag/>)");
    EXPECT_EQ(error_of(one_rule("<opt-out>yes</opt-out>")),
              "rules/default.xml:4:11: unexpected text \"yes\" inside <opt-out> (expected only "
              "elements and "
              "comments)");
    EXPECT_EQ(error_of(one_rule("<path glob=\"a\"><opt-out/></path>")),
              "rules/default.xml:4:26: <opt-out> inside <path>: <path> takes no child elements");
    EXPECT_EQ(error_of(one_rule("<not/>")),
              "rules/default.xml:4:11: <not> needs at least one condition inside");
}

TEST(LoaderErrors, RootElement) {
    EXPECT_EQ(error_of("<rule id=\"a\"/>\n"),
              "rules/default.xml:1:1: the root element is <rule> (expected <rules version=\"1\">)");
    EXPECT_EQ(error_of("<rules>\n</rules>\n"),
              "rules/default.xml:1:1: <rules> needs a version=\"...\" attribute (version=\"1\")");
    EXPECT_EQ(error_of("<rules version=\"2\">\n</rules>\n"),
              "rules/default.xml:1:8: version=\"2\": this archtag reads rule files of version 1");
    EXPECT_EQ(error_of("<rules version=\"1\">\n  <rul id=\"a\"/>\n</rules>\n"),
              "rules/default.xml:2:3: unknown element <rul> in <rules> (did you mean <rule>?)");
}

// A fresh directory under the system temp dir, removed afterwards.
class RuleDirectory : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("archtag-rules-test-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }
    void write(const std::string& name, const std::string& text) {
        std::ofstream(m_dir / name, std::ios::binary) << text;
    }
    std::string dir() const { return m_dir.string(); }

  private:
    std::filesystem::path m_dir;
};

TEST_F(RuleDirectory, LoadsXmlFilesInNameOrder) {
    write("20-late.xml", rules_file(rule_xml("late", "", "<age-notice/>")));
    write("10-early.xml", rules_file(rule_xml("early", "", "<archival-notice/>") +
                                     rule_xml("early-2", "", "<archival-notice/>")));
    write("notes.txt", "not rules");
    auto set = load(dir());
    ASSERT_TRUE(set.has_value()) << set.error().describe();
    ASSERT_EQ(set->rules.size(), 3u);
    EXPECT_EQ(set->rules[0].id, "early");
    EXPECT_EQ(set->rules[1].id, "early-2");
    EXPECT_EQ(set->rules[2].id, "late");
    EXPECT_EQ(set->rules[2].where(), dir() + "/20-late.xml:3");
    EXPECT_EQ(set->files,
              (std::vector<std::string>{dir() + "/10-early.xml", dir() + "/20-late.xml"}));
}

TEST_F(RuleDirectory, DuplicateIdsAcrossFiles) {
    write("a.xml", rules_file(rule_xml("age", "", "<age-notice/>")));
    write("b.xml", rules_file("\n" + rule_xml("age", "", "<age-notice/>")));
    auto set = load(dir());
    ASSERT_FALSE(set.has_value());
    EXPECT_EQ(
        set.error().headline(),
        dir() + "/b.xml:4:9: duplicate rule id \"age\" (first used at " + dir() + "/a.xml:3)");
}

TEST_F(RuleDirectory, EmptyDirectoryIsAnError) {
    auto set = load(dir());
    ASSERT_FALSE(set.has_value());
    EXPECT_EQ(set.error().headline(),
              dir() + ": no rule files (expected *.xml files in this directory)");
}

TEST(Loader, MissingFileNamesThePath) {
    auto set = load("/nonexistent/archtag/rules.xml");
    ASSERT_FALSE(set.has_value());
    EXPECT_EQ(set.error().path, "/nonexistent/archtag/rules.xml");
}

TEST(Loader, MergeRefusesAnIdUsedInAnEarlierSet) {
    RuleSet all = fixtures::rules_from(rules_file(rule_xml("age", "", "<age-notice/>")));
    auto local =
        load_from_string(rules_file(rule_xml("local", "", "<archival-notice/>")), "local.xml");
    ASSERT_TRUE(local.has_value());
    ASSERT_TRUE(merge(all, *local).has_value());
    EXPECT_EQ(size(all), 2u);
    EXPECT_EQ(all.files, (std::vector<std::string>{"test.xml", "local.xml"}));
    auto again = merge(all, *local);
    ASSERT_FALSE(again.has_value());
    EXPECT_EQ(again.error().headline(),
              "local.xml:3: duplicate rule id \"local\" (first used at local.xml:3)");
    append(all, *local);  // append does not check
    EXPECT_EQ(size(all), 3u);
}

TEST(ShippedRules, DefaultXmlLoads) {
    auto set = load(std::string(ARCHTAG_SOURCE_DIR) + "/rules/default.xml");
    ASSERT_TRUE(set.has_value()) << set.error().describe();
    std::vector<std::string> ids;
    for (const Rule& r : set->rules)
        ids.push_back(r.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"opt-out", "undated", "date-conflict",
                                             "low-confidence-date", "no-owner", "exempt-tags",
                                             "predates-current-management", "age"}));
}

TEST(ShippedRules, DirectoryLoads) {
    auto set = load(std::string(ARCHTAG_SOURCE_DIR) + "/rules");
    ASSERT_TRUE(set.has_value()) << set.error().describe();
    EXPECT_EQ(set->rules.size(), 8u);
}

}  // namespace
}  // namespace archtag::rules
