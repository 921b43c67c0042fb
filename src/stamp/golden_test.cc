// Byte-for-byte golden files under tests/golden/stamp/: NAME.input.EXT
// (.md, .html or .xml) is stamped (or re-planned) and must equal the expected file exactly; the
// expected file must unstamp back to the input and re-plan to no edits.
// Set ARCHTAG_UPDATE_GOLDEN=1 to rewrite expected files (then review them).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "model/edit.h"
#include "stamp/markup_test_support.h"
#include "stamp/stamp.h"
#include "stamp/test_support.h"

namespace archtag::stamp {
namespace {

using testing::age_notice;
using testing::archival_notice;
using testing::body_top;
using testing::in_front_matter;
using testing::layout_for;
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

// Characters ISO-8859-1 has (é « ») and some it lacks (’ —).
std::vector<Notice> accented() {
    return {Notice{NoticeKind::archival,
                   "Cette archive pr\xC3\xA9"
                   "c\xC3\xA8"
                   "de l\xE2\x80\x99\xC3\xA9quipe "
                   "actuelle \xE2\x80\x94 \xC2\xAB normes \xC2\xBB & <r\xC3\xA8gles>",
                   "fr", "https://example.org/normes?a=1&b=2", "En savoir plus"},
            age_notice(9)};
}

Placement html_at(HtmlAnchor anchor, std::string selector = "", std::string templ = "") {
    Placement p;
    p.html = anchor;
    p.html_selector = std::move(selector);
    p.html_template = std::move(templ);
    return p;
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
    auto markup = [&](const std::string& name, const std::string& ext, std::vector<Notice> notices,
                      Placement placement) {
        out.push_back({name + ".input." + ext, name + ".stamped." + ext, std::move(notices),
                       placement, name + ".input." + ext});
    };
    markup("html-article", "html", both(), Placement{});
    markup("html-minified", "html", both(), Placement{});
    markup("html-crlf-bom", "html", both(), html_at(HtmlAnchor::body_start));
    markup("html-selector", "html", both(),
           html_at(HtmlAnchor::after_element, ".content__headline-standfirst-wrapper",
                   "<div class=\"content__labels archtag-{kind}\" role=\"note\"><span "
                   "class=\"u-h\">Notice: </span>{text} {link}</div>"));
    markup("html-cp1252", "html", accented(), Placement{});
    markup("nitf-latin1", "xml", accented(), Placement{});
    markup("newsml-message", "xml", both(), Placement{});
    markup("jats", "xml", accented(), Placement{});
    markup("atom-feed", "xml", both(), Placement{});
    markup("rss", "xml", both(), Placement{});
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
    out.push_back({"html-article.stamped.html",
                   "html-article.age10.html",
                   {archival_notice(), age_notice(10)},
                   Placement{},
                   "html-article.input.html"});
    out.push_back({"html-article.stamped.html",
                   "html-article.age-only.html",
                   {age_notice(9)},
                   Placement{},
                   "html-article.input.html"});
    out.push_back({"newsml-message.stamped.xml",
                   "newsml-message.age-only.xml",
                   {age_notice(10)},
                   Placement{},
                   "newsml-message.input.xml"});
    return out;
}

TEST(Golden, StampedFilesMatchByteForByte) {
    bool update = std::getenv("ARCHTAG_UPDATE_GOLDEN") != nullptr;
    for (const Case& c : cases()) {
        SCOPED_TRACE(c.expected);
        std::string input = read_golden(c.input);
        Expected<Plan> p = plan(input, layout_for(c.input, input), c.notices, c.placement);
        ASSERT_TRUE(p) << p.error().describe();
        std::string out = apply_edits(input, p->edits);
        if (update)
            write_golden(c.expected, out);
        std::string expected = read_golden(c.expected);
        EXPECT_EQ(out, expected);

        Expected<Plan> again =
            plan(expected, layout_for(c.expected, expected), c.notices, c.placement);
        ASSERT_TRUE(again);
        EXPECT_TRUE(again->edits.empty());
        Expected<Plan> undo = plan_unstamp(expected, layout_for(c.expected, expected), c.placement);
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
