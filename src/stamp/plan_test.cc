#include <gtest/gtest.h>

#include "model/edit.h"
#include "stamp/stamp.h"
#include "stamp/test_support.h"

namespace archtag::stamp {
namespace {

using testing::in_front_matter;
using testing::markdown_layout;
using testing::stamped;
using testing::unstamped;

Notice arch() {
    return Notice{NoticeKind::archival, "Archival story.", "en", "https://x.org/s", "Learn more."};
}
Notice age(int years = 9) {
    return Notice{NoticeKind::age, "More than " + std::to_string(years) + " years old.", "en", "",
                  ""};
}

// "---\ntitle: x\n---\nBody\n", described by hand.
DocumentLayout yaml_layout() {
    DocumentLayout l;
    l.front_matter = FrontMatterKind::yaml;
    l.front_matter_begin = 0;
    l.content_begin = 4;
    l.content_end = 13;
    l.front_matter_end = 17;
    l.body_begin = 17;
    return l;
}
constexpr std::string_view k_yaml = "---\ntitle: x\n---\nBody\n";

constexpr std::string_view k_arch_block =
    "<!-- archtag:archival v1 -->\n> Archival story. [Learn more.](https://x.org/s)\n"
    "<!-- /archtag:archival -->\n\n";
constexpr std::string_view k_age_block =
    "<!-- archtag:age v1 -->\n> More than 9 years old.\n<!-- /archtag:age -->\n\n";

std::string with_stamps(std::string_view blocks) {
    return "---\ntitle: x\n---\n" + std::string(blocks) + "Body\n";
}

std::string change_list(const Plan& p) {
    std::string out;
    for (const StampChange& c : p.changes)
        out += std::string(to_string(c.kind)) + ":" + std::string(to_string(c.change)) + " ";
    return out;
}

Plan must(Expected<Plan> p) {
    EXPECT_TRUE(p.has_value()) << (p ? "" : p.error().describe());
    return p ? std::move(*p) : Plan{};
}

TEST(Plan, TestLayoutFinderAgreesWithHandBuiltLayout) {
    DocumentLayout found = markdown_layout(k_yaml);
    DocumentLayout hand = yaml_layout();
    EXPECT_EQ(found.front_matter, hand.front_matter);
    EXPECT_EQ(found.content_begin, hand.content_begin);
    EXPECT_EQ(found.content_end, hand.content_end);
    EXPECT_EQ(found.front_matter_end, hand.front_matter_end);
    EXPECT_EQ(found.body_begin, hand.body_begin);
}

TEST(Plan, AddsBothAtBodyTopArchivalFirst) {
    Plan p = must(plan(k_yaml, yaml_layout(), {arch(), age()}, Placement{}));
    ASSERT_EQ(p.edits.size(), 1u);
    EXPECT_EQ(p.edits[0].offset, 17u);
    EXPECT_EQ(p.edits[0].length, 0u);
    EXPECT_EQ(apply_edits(k_yaml, p.edits),
              with_stamps(std::string(k_arch_block) + std::string(k_age_block)));
    EXPECT_EQ(change_list(p), "archival:add age:add ");
    EXPECT_EQ(p.changes[0].text, "Archival story. Learn more. (https://x.org/s)");
    EXPECT_EQ(p.changes[1].text, "More than 9 years old.");
}

TEST(Plan, SecondRunKeepsEverything) {
    std::string once = with_stamps(std::string(k_arch_block) + std::string(k_age_block));
    DocumentLayout l = yaml_layout();  // the stamp sits in the body; front matter is unchanged
    Plan p = must(plan(once, l, {arch(), age()}, Placement{}));
    EXPECT_TRUE(p.edits.empty());
    EXPECT_EQ(change_list(p), "archival:keep age:keep ");
}

TEST(Plan, AgeAddedLaterGoesAfterArchival) {
    std::string first = with_stamps(k_arch_block);
    Plan p = must(plan(first, yaml_layout(), {arch(), age()}, Placement{}));
    ASSERT_EQ(p.edits.size(), 1u);
    EXPECT_EQ(p.edits[0].length, 0u);
    EXPECT_EQ(p.edits[0].offset, 17 + k_arch_block.size());
    EXPECT_EQ(apply_edits(first, p.edits), stamped(k_yaml, {arch(), age()}));
    EXPECT_EQ(change_list(p), "archival:keep age:add ");
}

TEST(Plan, ArchivalAddedLaterGoesBeforeAge) {
    std::string first = with_stamps(k_age_block);
    Plan p = must(plan(first, yaml_layout(), {age(), arch()}, Placement{}));
    EXPECT_EQ(apply_edits(first, p.edits), stamped(k_yaml, {arch(), age()}));
    EXPECT_EQ(change_list(p), "archival:add age:keep ");
}

TEST(Plan, UpdatesTheAgeLineInPlace) {
    std::string nine = stamped(k_yaml, {arch(), age(9)});
    Plan p = must(plan(nine, markdown_layout(nine), {arch(), age(10)}, Placement{}));
    ASSERT_EQ(p.edits.size(), 1u);
    EXPECT_EQ(p.edits[0].text, "> More than 10 years old.");
    EXPECT_EQ(nine.substr(p.edits[0].offset, p.edits[0].length), "> More than 9 years old.");
    EXPECT_EQ(apply_edits(nine, p.edits), stamped(k_yaml, {arch(), age(10)}));
    EXPECT_EQ(change_list(p), "archival:keep age:update ");
    EXPECT_EQ(p.changes[1].text, "More than 10 years old.");
}

TEST(Plan, RemovesAKindNoLongerCalledFor) {
    std::string both = stamped(k_yaml, {arch(), age()});
    Plan p = must(plan(both, markdown_layout(both), {age()}, Placement{}));
    EXPECT_EQ(apply_edits(both, p.edits), with_stamps(k_age_block));
    EXPECT_EQ(change_list(p), "archival:remove age:keep ");
    EXPECT_EQ(p.changes[0].text, "Archival story. Learn more. (https://x.org/s)");
}

TEST(Plan, NoNoticesRemovesEverything) {
    std::string both = stamped(k_yaml, {arch(), age()});
    Plan p = must(plan(both, markdown_layout(both), {}, Placement{}));
    EXPECT_EQ(apply_edits(both, p.edits), k_yaml);
    EXPECT_EQ(change_list(p), "archival:remove age:remove ");
}

TEST(Plan, NothingToDoOnAPlainFile) {
    Plan p = must(plan(k_yaml, yaml_layout(), {}, Placement{}));
    EXPECT_TRUE(p.edits.empty());
    EXPECT_TRUE(p.changes.empty());
}

TEST(Unstamp, GivesBackTheOriginalBytes) {
    std::string both = stamped(k_yaml, {arch(), age()});
    Plan p = must(plan_unstamp(both, markdown_layout(both), Placement{}));
    EXPECT_EQ(apply_edits(both, p.edits), k_yaml);
    ASSERT_EQ(p.edits.size(), 1u);  // adjacent stamps come out in one edit
    EXPECT_EQ(change_list(p), "archival:remove age:remove ");
    EXPECT_EQ(p.changes[1].text, "More than 9 years old.");
}

TEST(Plan, CrlfFileGetsCrlfStamps) {
    std::string input = "---\r\ntitle: x\r\n---\r\nBody\r\n";
    DocumentLayout l = yaml_layout();
    l.newline = "\r\n";
    l.content_begin = 5;
    l.content_end = 15;
    l.front_matter_end = l.body_begin = 20;
    Plan p = must(plan(input, l, {age()}, Placement{}));
    std::string out = apply_edits(input, p.edits);
    EXPECT_EQ(out,
              "---\r\ntitle: x\r\n---\r\n<!-- archtag:age v1 -->\r\n> More than 9 years old.\r\n"
              "<!-- /archtag:age -->\r\n\r\nBody\r\n");
    EXPECT_EQ(unstamped(out), input);
}

TEST(Plan, BomWithoutFrontMatter) {
    std::string input = "\xEF\xBB\xBF# Title\n";
    DocumentLayout l;
    l.bom = true;
    l.front_matter_begin = l.front_matter_end = l.body_begin = 3;
    std::string out = apply_edits(input, must(plan(input, l, {age()}, Placement{})).edits);
    EXPECT_EQ(out, "\xEF\xBB\xBF" + std::string(k_age_block) + "# Title\n");
    EXPECT_EQ(unstamped(out), input);
}

TEST(Plan, BomOnlyFile) {
    std::string input = "\xEF\xBB\xBF";
    std::string out = stamped(input, {age()});
    EXPECT_EQ(out, "\xEF\xBB\xBF" + std::string(k_age_block));
    EXPECT_EQ(unstamped(out), input);
}

TEST(Plan, EmptyFile) {
    DocumentLayout l;
    std::string out = apply_edits("", must(plan("", l, {arch(), age()}, Placement{})).edits);
    EXPECT_EQ(out, std::string(k_arch_block) + std::string(k_age_block));
    EXPECT_EQ(unstamped(out), "");
}

TEST(Plan, BodyWithoutFinalNewline) {
    std::string input = "No newline at the end";
    std::string out = stamped(input, {age()});
    EXPECT_EQ(out, std::string(k_age_block) + "No newline at the end");
    EXPECT_EQ(unstamped(out), input);
}

TEST(Plan, BodyStartingWithBlankLines) {
    std::string input = "---\nt: 1\n---\n\n\nBody\n";
    std::string out = stamped(input, {age()});
    EXPECT_EQ(out, "---\nt: 1\n---\n" + std::string(k_age_block) + "\n\nBody\n");
    EXPECT_EQ(unstamped(out), input);
}

TEST(Plan, ClosingDelimiterAtEndOfFileOwnsTheNewlineItAdds) {
    std::string input = "---\nt: 1\n---";
    DocumentLayout l;
    l.front_matter = FrontMatterKind::yaml;
    l.content_begin = 4;
    l.content_end = 9;
    l.front_matter_end = l.body_begin = 12;
    std::string out = apply_edits(input, must(plan(input, l, {age()}, Placement{})).edits);
    EXPECT_EQ(out,
              "---\nt: 1\n---\n<!-- archtag:age v1 eof -->\n> More than 9 years old.\n<!-- "
              "/archtag:age -->\n\n");
    EXPECT_EQ(unstamped(out), input);
    EXPECT_TRUE(must(plan(out, markdown_layout(out), {age()}, Placement{})).edits.empty());
}

TEST(Plan, RemovingTheFirstStampAtEndOfFileHandsItsNewlineOn) {
    std::string input = "+++\nt = 1\n+++";
    std::string both = stamped(input, {arch(), age()});
    EXPECT_EQ(both.substr(13, 34), "\n<!-- archtag:archival v1 eof -->\n");
    Plan p = must(plan(both, markdown_layout(both), {age()}, Placement{}));
    EXPECT_EQ(apply_edits(both, p.edits), stamped(input, {age()}));
    // The age stamp's bytes changed (it now owns the newline), so it is an update.
    EXPECT_EQ(change_list(p), "archival:remove age:update ");
    EXPECT_EQ(unstamped(both), input);
}

TEST(Plan, StampMovedByAnEditorIsUpdatedWhereItIs) {
    std::string input = "# Title\n\nText\n\n" + std::string(k_age_block) + "More\n";
    Plan p = must(plan(input, markdown_layout(input), {age(10), arch()}, Placement{}));
    std::string out = apply_edits(input, p.edits);
    EXPECT_EQ(
        out,
        "# Title\n\nText\n\n" + std::string(k_arch_block) +
            "<!-- archtag:age v1 -->\n> More than 10 years old.\n<!-- /archtag:age -->\n\nMore\n");
    EXPECT_EQ(unstamped(out), "# Title\n\nText\n\nMore\n");
}

TEST(Plan, MarkersInsideCodeFencesAreText) {
    std::string input = "```\n<!-- archtag:age v1 -->\n```\n";
    auto found = find(input, markdown_layout(input), Placement{});
    ASSERT_TRUE(found);
    EXPECT_TRUE(found->empty());
    EXPECT_EQ(unstamped(stamped(input, {age()})), input);
}

TEST(Plan, EscapesValuesInTheBody) {
    Notice n{NoticeKind::archival, "*bold* _it_ [x] <script>alert(1)</script> --> end\nnext", "en",
             "https://x.org/a b)", "click [here]"};
    std::string out = stamped("", {n});
    EXPECT_EQ(out,
              "<!-- archtag:archival v1 -->\n"
              "> \\*bold\\* \\_it\\_ \\[x\\] \\<script\\>alert(1)\\</script\\> --\\> end next "
              "[click \\[here\\]](https://x.org/a%20b%29)\n"
              "<!-- /archtag:archival -->\n\n");
    EXPECT_TRUE(must(plan(out, markdown_layout(out), {n}, Placement{})).edits.empty());
}

// ---- front matter placement

TEST(FrontMatter, YamlLinesGoBeforeTheClosingDelimiter) {
    std::string input = "---\n# editors: keep this comment\ntitle: x\ntags: [a, b]\n---\nBody\n";
    std::string out = stamped(input, {arch(), age()}, in_front_matter());
    EXPECT_EQ(
        out,
        "---\n# editors: keep this comment\ntitle: x\ntags: [a, b]\n"
        "archival_notice: \"Archival story. Learn more. (https://x.org/s)\" # archtag:archival v1\n"
        "age_notice: \"More than 9 years old.\" # archtag:age v1\n---\nBody\n");
    EXPECT_EQ(unstamped(out), input);
    Plan again = must(plan(out, markdown_layout(out), {arch(), age()}, in_front_matter()));
    EXPECT_TRUE(again.edits.empty());
    EXPECT_EQ(change_list(again), "archival:keep age:keep ");
}

TEST(FrontMatter, YamlUpdateAndEscaping) {
    std::string input = "---\ntitle: x\n---\n";
    std::string nine = stamped(input, {age(9)}, in_front_matter());
    Notice quoted{NoticeKind::age, "Say \"10\" \\ years\told", "en", "", ""};
    Plan p = must(plan(nine, markdown_layout(nine), {quoted}, in_front_matter()));
    EXPECT_EQ(
        apply_edits(nine, p.edits),
        "---\ntitle: x\nage_notice: \"Say \\\"10\\\" \\\\ years\\told\" # archtag:age v1\n---\n");
    EXPECT_EQ(change_list(p), "age:update ");
}

TEST(FrontMatter, YamlKeyThatArchtagDidNotWrite) {
    std::string input = "---\ntitle: x\narchival_notice: mine\n---\n";
    Expected<Plan> p = plan(input, markdown_layout(input), {arch()}, in_front_matter());
    ASSERT_FALSE(p);
    Error e = p.error();
    e.path = "a.md";
    EXPECT_EQ(
        e.headline(),
        "a.md:3:1: front matter already has key 'archival_notice' that archtag did not write");
    // The same key is no obstacle for body stamps.
    EXPECT_TRUE(plan(input, markdown_layout(input), {arch()}, Placement{}));
}

TEST(FrontMatter, TomlGoesBeforeTheFirstTable) {
    std::string input = "+++\ntitle = \"x\"\n\n[params]\nk = 1\n+++\nBody\n";
    std::string out = stamped(input, {arch(), age()}, in_front_matter());
    EXPECT_EQ(out,
              "+++\ntitle = \"x\"\n\n"
              "archival_notice = \"Archival story. Learn more. (https://x.org/s)\" # "
              "archtag:archival v1\n"
              "age_notice = \"More than 9 years old.\" # archtag:age v1\n"
              "[params]\nk = 1\n+++\nBody\n");
    EXPECT_EQ(unstamped(out), input);
}

TEST(FrontMatter, TomlKeyClash) {
    std::string input = "+++\nage_notice = \"x\"\n+++\n";
    Expected<Plan> p = plan(input, markdown_layout(input), {age()}, in_front_matter());
    ASSERT_FALSE(p);
    EXPECT_EQ(p.error().line, 2);
    EXPECT_EQ(p.error().message,
              "front matter already has key 'age_notice' that archtag did not write");
}

TEST(FrontMatter, JsonMembersComeFirst) {
    std::string input = "{\n  \"title\": \"x\"\n}\nBody\n";
    std::string out = stamped(input, {arch(), age()}, in_front_matter());
    EXPECT_EQ(out,
              "{\n  \"archival_notice\": \"Archival story. Learn more. (https://x.org/s)\",\n"
              "  \"age_notice\": \"More than 9 years old.\",\n  \"title\": \"x\"\n}\nBody\n");
    EXPECT_EQ(unstamped(out, in_front_matter()), input);
    EXPECT_TRUE(
        must(plan(out, markdown_layout(out), {arch(), age()}, in_front_matter())).edits.empty());
}

TEST(FrontMatter, JsonEmptyObject) {
    std::string input = "{}\nBody\n";
    std::string both = stamped(input, {arch(), age()}, in_front_matter());
    EXPECT_EQ(both,
              "{\n  \"archival_notice\": \"Archival story. Learn more. (https://x.org/s)\",\n"
              "  \"age_notice\": \"More than 9 years old.\"}\nBody\n");
    std::string age_only = stamped(input, {age()}, in_front_matter());
    EXPECT_EQ(age_only, "{\n  \"age_notice\": \"More than 9 years old.\"}\nBody\n");
    Plan p = must(plan(both, markdown_layout(both), {age()}, in_front_matter()));
    EXPECT_EQ(apply_edits(both, p.edits), age_only);
    EXPECT_EQ(change_list(p), "archival:remove age:keep ");
    p = must(plan(age_only, markdown_layout(age_only), {arch(), age()}, in_front_matter()));
    EXPECT_EQ(apply_edits(age_only, p.edits), both);
    EXPECT_EQ(unstamped(both), input);
}

TEST(FrontMatter, JsonKeyElsewhereIsAClash) {
    std::string input = "{\n  \"title\": \"x\",\n  \"age_notice\" : 3\n}\n";
    Expected<Plan> p = plan(input, markdown_layout(input), {age()}, in_front_matter());
    ASSERT_FALSE(p);
    EXPECT_EQ(p.error().line, 3);
    EXPECT_EQ(p.error().column, 3);
}

TEST(FrontMatter, NoFrontMatterFallsBackToBody) {
    std::string input = "Body\n";
    Plan p = must(plan(input, markdown_layout(input), {age()}, in_front_matter()));
    EXPECT_EQ(apply_edits(input, p.edits), std::string(k_age_block) + "Body\n");
    EXPECT_EQ(change_list(p), "age:add ");
}

TEST(FrontMatter, SwitchingPlacementMovesTheStamp) {
    std::string body = stamped(k_yaml, {age()});
    Plan p = must(plan(body, markdown_layout(body), {age()}, in_front_matter()));
    std::string moved = apply_edits(body, p.edits);
    EXPECT_EQ(moved, stamped(k_yaml, {age()}, in_front_matter()));
    EXPECT_EQ(change_list(p), "age:update ");
    p = must(plan(moved, markdown_layout(moved), {age()}, Placement{}));
    EXPECT_EQ(apply_edits(moved, p.edits), body);
}

// ---- malformed stamps

Error error_of(std::string_view input) {
    Expected<std::vector<FoundStamp>> found = find(input, markdown_layout(input), Placement{});
    EXPECT_FALSE(found);
    Error e = found ? Error{} : found.error();
    e.path = "a.md";
    return e;
}

TEST(Malformed, UnclosedStamp) {
    Error e = error_of("Intro\n\n<!-- archtag:archival v1 -->\n> text\nmore\n");
    EXPECT_EQ(
        e.headline(),
        "a.md:3:1: archtag stamp 'archival' is not closed (expected <!-- /archtag:archival -->)");
    EXPECT_EQ(e.source_line, "<!-- archtag:archival v1 -->");
}

TEST(Malformed, OtherMarkerBeforeTheEnd) {
    Error e = error_of(
        "<!-- archtag:archival v1 -->\n> a\n<!-- archtag:age v1 -->\n> b\n<!-- /archtag:age -->\n");
    EXPECT_EQ(
        e.headline(),
        "a.md:1:1: archtag stamp 'archival' is not closed (expected <!-- /archtag:archival -->)");
}

TEST(Malformed, DuplicatedStamp) {
    std::string block(k_age_block);
    Error e = error_of(block + "Text\n\n" + block);
    EXPECT_EQ(e.headline(), "a.md:7:1: archtag stamp 'age' appears twice (first on line 1)");
}

TEST(Malformed, DuplicatedAcrossPlacements) {
    std::string input = "---\nage_notice: \"x\" # archtag:age v1\n---\n" + std::string(k_age_block);
    Error e = error_of(input);
    EXPECT_EQ(e.headline(), "a.md:4:1: archtag stamp 'age' appears twice (first on line 2)");
}

TEST(Malformed, UnknownVersion) {
    Error e = error_of("<!-- archtag:age v2 -->\n> x\n<!-- /archtag:age -->\n");
    EXPECT_EQ(e.headline(),
              "a.md:1:1: archtag stamp 'age' has unknown version v2 (this archtag writes v1)");
    Error fm = error_of("---\nage_notice: \"x\" # archtag:age v7\n---\n");
    EXPECT_EQ(fm.headline(),
              "a.md:2:31: archtag stamp 'age' has unknown version v7 (this archtag writes v1)");
}

TEST(Malformed, EndWithoutBegin) {
    Error e = error_of("Text\n<!-- /archtag:age -->\n");
    EXPECT_EQ(e.headline(),
              "a.md:2:1: archtag end marker <!-- /archtag:age --> has no begin marker (expected "
              "<!-- archtag:age v1 --> before it)");
}

TEST(Malformed, PlanAndUnstampReportTheSameError) {
    std::string input = "<!-- archtag:age v1 -->\n";
    EXPECT_FALSE(plan(input, markdown_layout(input), {}, Placement{}));
    EXPECT_FALSE(plan_unstamp(input, markdown_layout(input), Placement{}));
}

TEST(Plan, RejectsTwoNoticesOfOneKind) {
    Expected<Plan> p = plan("", DocumentLayout{}, {age(9), age(10)}, Placement{});
    ASSERT_FALSE(p);
    EXPECT_EQ(p.error().message, "more than one age notice to stamp");
}

TEST(Plan, XmlNeedsAnEncodingThatKeepsAscii) {
    DocumentLayout l;
    l.format = Format::xml;
    l.encoding = "utf-16";
    Expected<Plan> p = plan("<p>x</p>", l, {age()}, Placement{});
    ASSERT_FALSE(p);
    EXPECT_EQ(p.error().message,
              "archtag cannot stamp xml files in encoding 'utf-16' (it writes ASCII-compatible "
              "encodings only)");
}

TEST(Find, ReportsRegionsAndText) {
    std::string input = stamped("Body\n", {arch(), age()});
    auto found = find(input, markdown_layout(input), Placement{});
    ASSERT_TRUE(found);
    ASSERT_EQ(found->size(), 2u);
    EXPECT_EQ((*found)[0].kind, NoticeKind::archival);
    EXPECT_EQ((*found)[0].begin, 0u);
    EXPECT_EQ((*found)[0].region, k_arch_block);
    EXPECT_EQ((*found)[0].text, "Archival story. Learn more. (https://x.org/s)");
    EXPECT_EQ((*found)[1].begin, k_arch_block.size());
    EXPECT_EQ((*found)[1].end, k_arch_block.size() + k_age_block.size());
    EXPECT_EQ((*found)[1].line, 5);
    EXPECT_EQ((*found)[1].version, 1);
}

}  // namespace
}  // namespace archtag::stamp
