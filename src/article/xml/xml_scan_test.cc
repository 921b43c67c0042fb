#include "article/xml/xml_scan.h"

#include <gtest/gtest.h>

#include "article/xml/xml_test_support.h"

namespace archtag::article::xml {
namespace {

std::string describe(std::string_view bytes, const ScannedElement& e) {
    return e.name + "#" + e.id + " d" + std::to_string(e.depth) + " [" +
           std::string(bytes.substr(e.open_begin, e.open_end - e.open_begin)) + "][" +
           std::string(bytes.substr(e.close_begin, e.close_end - e.close_begin)) + "]";
}

std::vector<std::string> scanned(std::string_view bytes) {
    ScanResult r = scan_markup(bytes);
    EXPECT_EQ(r.problem.kind, ScanProblemKind::none) << r.problem.message;
    std::vector<std::string> out;
    for (const ScannedElement& e : r.elements)
        out.push_back(describe(bytes, e));
    return out;
}

TEST(XmlScan, EveryElementInDocumentOrder) {
    EXPECT_EQ(scanned("<a id=\"x\"><b/><c xml:id='y'><d\n/></c>\n</a>"),
              (std::vector<std::string>{"a#x d0 [<a id=\"x\">][</a>]", "b# d1 [<b/>][]",
                                        "c#y d1 [<c xml:id='y'>][</c>]", "d# d2 [<d\n/>][]"}));
}

TEST(XmlScan, OffsetsAreBytes) {
    std::string bytes = "\xEF\xBB\xBF<a>\xC3\xA9<b>x</b></a>";
    ScanResult r = scan_markup(bytes);
    ASSERT_EQ(r.elements.size(), 2u);
    EXPECT_EQ(r.elements[0].open_begin, 3u);
    EXPECT_EQ(r.elements[1].open_begin, 8u);
    EXPECT_EQ(r.elements[1].close_end, 16u);
    EXPECT_EQ(r.elements[0].close_begin, 16u);
    EXPECT_EQ(r.elements[0].close_end, bytes.size());
}

TEST(XmlScan, DoctypeSpanIsRecorded) {
    std::string bytes = "<?xml version=\"1.0\"?>\n<!DOCTYPE a SYSTEM \"a>b.dtd\">\n<a/>";
    ScanResult r = scan_markup(bytes);
    EXPECT_EQ(r.problem.kind, ScanProblemKind::none);
    EXPECT_EQ(bytes.substr(r.doctype_begin, r.doctype_end - r.doctype_begin),
              "<!DOCTYPE a SYSTEM \"a>b.dtd\">");
}

TEST(XmlScan, ProblemsSayWhereAndWhat) {
    ScanResult r = scan_markup("<a><b></a>");
    EXPECT_EQ(r.problem.kind, ScanProblemKind::malformed);
    EXPECT_EQ(r.problem.offset, 6u);
    EXPECT_EQ(r.problem.message, "mismatched end tag </a> (expected </b>)");
    r = scan_markup("<!DOCTYPE a [<!ENTITY x 'y'>]><a/>");
    EXPECT_EQ(r.problem.kind, ScanProblemKind::unsafe);
    EXPECT_EQ(r.problem.offset, 13u);
    r = scan_markup("<!DOCTYPE a [<!ATTLIST a b CDATA #IMPLIED>");
    EXPECT_EQ(r.problem.message, "the DOCTYPE's internal subset is not closed (expected ])");
    r = scan_markup("<a/><!DOCTYPE a>");
    EXPECT_EQ(r.problem.message, "a DOCTYPE after the root element");
    r = scan_markup("<![CDATA[x]]><a/>");
    EXPECT_EQ(r.problem.message, "a CDATA section outside the root element");
    r = scan_markup("<a><!ELEMENT a ANY></a>");
    EXPECT_EQ(r.problem.message,
              "unknown markup '<!' (expected a comment, CDATA section or DOCTYPE)");
}

// Every element of every fixture: the start tag begins with '<' and its name
// and ends with '>', the end tag is "</name>" (white space allowed before
// '>'), and children sit inside their parents.
TEST(XmlScan, FixturesSpansMatchTheirBytes) {
    for (const char* name :
         {"ap-wire-story.nitf", "reuters-newsmessage.xml", "jats-article.xml", "atom-entry.xml",
          "rss-item.xml", "latin1-nitf.xml", "crlf-bom-nitf.xml"}) {
        SCOPED_TRACE(name);
        std::string bytes = testing::fixture(name);
        ScanResult r = scan_markup(bytes);
        ASSERT_EQ(r.problem.kind, ScanProblemKind::none) << r.problem.message;
        ASSERT_GT(r.elements.size(), 5u);
        std::vector<const ScannedElement*> open;
        for (const ScannedElement& e : r.elements) {
            std::string_view start(bytes.data() + e.open_begin, e.open_end - e.open_begin);
            EXPECT_TRUE(start.starts_with("<" + e.name)) << start;
            EXPECT_TRUE(start.ends_with(">")) << start;
            std::string_view end(bytes.data() + e.close_begin, e.close_end - e.close_begin);
            if (start.ends_with("/>")) {
                EXPECT_EQ(end, "");
            } else {
                EXPECT_TRUE(end.starts_with("</" + e.name)) << end;
                EXPECT_TRUE(end.ends_with(">"));
            }
            while (!open.empty() && open.back()->close_end <= e.open_begin)
                open.pop_back();
            EXPECT_EQ(e.depth, static_cast<int>(open.size())) << start;
            if (!open.empty()) {
                EXPECT_LE(e.close_end, open.back()->close_begin);
            }
            open.push_back(&e);
        }
    }
}

}  // namespace
}  // namespace archtag::article::xml
