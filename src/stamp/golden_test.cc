// Byte-for-byte golden files under tests/golden/stamp/: NAME.input.md is
// stamped (or re-planned) and must equal the expected file exactly; the
// expected file must unstamp back to the input and re-plan to no edits.
// Set ARCHTAG_UPDATE_GOLDEN=1 to rewrite expected files (then review them).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "model/edit.h"
#include "stamp/stamp.h"
#include "stamp/test_support.h"

namespace archtag::stamp {
namespace {

using testing::age_notice;
using testing::archival_notice;
using testing::body_top;
using testing::in_front_matter;
using testing::markdown_layout;

std::string golden_path(const std::string& name) {
    return std::string(ARCHTAG_SOURCE_DIR) + "/tests/golden/stamp/" + name;
}

std::string read_golden(const std::string& name) {
    std::ifstream in(golden_path(name), std::ios::binary);
    EXPECT_TRUE(in) << "missing golden file " << name;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_golden(const std::string& name, const std::string& bytes) {
    std::ofstream(golden_path(name), std::ios::binary) << bytes;
}

std::vector<Notice> both() {
    return {archival_notice(), age_notice(9)};
}

std::vector<Notice> tricky() {
    Notice archival{
        NoticeKind::archival,
        "Before *2014*, [the owner] wrote <b>this</b> & that --> see\nthe \"next\" line\\", "en",
        "https://example.org/standards (2014)", "_Learn_ more"};
    Notice age{NoticeKind::age, "# 1. More than 9 years old\t(really)", "en", "", ""};
    return {archival, age};
}

struct Case {
    std::string input;     // golden file to start from
    std::string expected;  // golden file it must become
    std::vector<Notice> notices;
    Placement placement;
    std::string original;  // what unstamping `expected` gives back
};

std::vector<Case> cases() {
    std::vector<Case> out;
    auto fresh = [&](const std::string& name, std::vector<Notice> notices, Placement placement) {
        out.push_back({name + ".input.md", name + ".stamped.md", std::move(notices), placement,
                       name + ".input.md"});
    };
    fresh("yaml-lf", both(), body_top());
    fresh("yaml-crlf", both(), body_top());
    fresh("yaml-front-matter", both(), in_front_matter());
    fresh("toml-table", both(), in_front_matter());
    fresh("json", both(), in_front_matter());
    fresh("json-empty", both(), in_front_matter());
    fresh("bom-no-front-matter", both(), body_top());
    fresh("delimiter-at-eof", both(), body_top());
    fresh("empty", both(), body_top());
    fresh("blank-lines", both(), body_top());
    fresh("escaping", tricky(), body_top());
    fresh("escaping-yaml", tricky(), in_front_matter());
    // Later runs over an already stamped file.
    out.push_back({"yaml-lf.stamped.md",
                   "yaml-lf.age10.md",
                   {archival_notice(), age_notice(10)},
                   body_top(),
                   "yaml-lf.input.md"});
    out.push_back({"yaml-lf.stamped.md",
                   "yaml-lf.age-only.md",
                   {age_notice(9)},
                   body_top(),
                   "yaml-lf.input.md"});
    out.push_back({"delimiter-at-eof.stamped.md",
                   "delimiter-at-eof.age-only.md",
                   {age_notice(9)},
                   body_top(),
                   "delimiter-at-eof.input.md"});
    return out;
}

TEST(Golden, StampedFilesMatchByteForByte) {
    bool update = std::getenv("ARCHTAG_UPDATE_GOLDEN") != nullptr;
    for (const Case& c : cases()) {
        SCOPED_TRACE(c.expected);
        std::string input = read_golden(c.input);
        Expected<Plan> p = plan(input, markdown_layout(input), c.notices, c.placement);
        ASSERT_TRUE(p) << p.error().describe();
        std::string out = apply_edits(input, p->edits);
        if (update)
            write_golden(c.expected, out);
        std::string expected = read_golden(c.expected);
        EXPECT_EQ(out, expected);

        Expected<Plan> again = plan(expected, markdown_layout(expected), c.notices, c.placement);
        ASSERT_TRUE(again);
        EXPECT_TRUE(again->edits.empty());
        Expected<Plan> undo = plan_unstamp(expected, markdown_layout(expected), c.placement);
        ASSERT_TRUE(undo);
        EXPECT_EQ(apply_edits(expected, undo->edits), read_golden(c.original));
    }
}

TEST(Golden, RemovingIsAsIfNeverAdded) {
    for (const std::string name : {"yaml-lf", "delimiter-at-eof"}) {
        std::string input = read_golden(name + ".input.md");
        Expected<Plan> p = plan(input, markdown_layout(input), {age_notice(9)}, body_top());
        ASSERT_TRUE(p);
        EXPECT_EQ(apply_edits(input, p->edits), read_golden(name + ".age-only.md"));
    }
}

}  // namespace
}  // namespace archtag::stamp
