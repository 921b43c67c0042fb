#pragma once
// Helpers shared by the XML reader tests.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "article/xml/xml_reader.h"

namespace archtag::article::xml::testing {

using Lines = std::vector<std::string>;

inline std::string fixture(std::string_view name) {
    std::string path = std::string(ARCHTAG_SOURCE_DIR) + "/fixtures/xml/" + std::string(name);
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in.good()) << "cannot open " << path;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Parses or fails the calling test with the error text.
inline Document parsed(std::string_view bytes, std::string_view path = "story.xml") {
    auto doc = parse_xml(path, bytes);
    EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error().describe());
    return doc ? std::move(*doc) : Document{};
}

// The error headline ("path:line:col: message"), or "parsed" when it parsed.
inline std::string error_of(std::string_view bytes, std::string_view path = "story.xml") {
    auto doc = parse_xml(path, bytes);
    return doc ? std::string("parsed") : doc.error().headline();
}

// The values of `key` joined as "value@line|value@line".
inline std::string values(const Document& doc, const std::string& key) {
    auto it = doc.fields.find(key);
    if (it == doc.fields.end())
        return "<absent>";
    std::string out;
    for (const FieldValue& v : it->second) {
        if (!out.empty())
            out += "|";
        out += v.value + "@" + std::to_string(v.line);
    }
    return out;
}

// One line per candidate: "source iso @line confidence role [note]".
inline std::vector<std::string> candidates(const Document& doc) {
    std::vector<std::string> out;
    for (const DateCandidate& c : doc.dates) {
        std::string line = c.source + " " + c.timestamp.iso() + " @" + std::to_string(c.line) +
                           " " + std::string(to_string(c.confidence)) + " " +
                           (c.role == DateRole::published ? "published" : "modified");
        if (!c.note.empty())
            line += " [" + c.note + "]";
        out.push_back(line);
    }
    return out;
}

inline std::vector<std::string> flags(const Document& doc) {
    std::vector<std::string> out;
    for (const Flag& f : doc.flags)
        out.push_back(std::string(to_string(f.level)) + " " + f.code + ": " + f.message);
    return out;
}

// An anchor as the test expects it: the exact bytes of its start tag and end
// tag ("" for a self-closing element) and its depth.
struct ExpectedSpan {
    std::string open;
    std::string close;
    int depth = 0;
};

inline std::size_t nth_find(std::string_view bytes, std::string_view what, int n) {
    std::size_t at = bytes.find(what);
    for (int i = 0; i < n && at != bytes.npos; ++i)
        at = bytes.find(what, at + 1);
    return at;
}

// Checks every span of `doc` against the bytes: each start and end tag is
// found where it is in the file, with the exact bytes expected, in order.
inline void expect_spans(std::string_view bytes, const Document& doc,
                         const std::vector<ExpectedSpan>& expected) {
    ASSERT_EQ(doc.layout.elements.size(), expected.size());
    std::map<std::string, int> seen;  // how often each literal came before
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const ElementSpan& s = doc.layout.elements[i];
        const ExpectedSpan& e = expected[i];
        SCOPED_TRACE("element " + std::to_string(i) + " " + e.open);
        std::size_t open_at = nth_find(bytes, e.open, seen[e.open]++);
        ASSERT_NE(open_at, bytes.npos);
        EXPECT_EQ(s.open_begin, open_at);
        EXPECT_EQ(s.open_end, open_at + e.open.size());
        EXPECT_EQ(bytes.substr(s.open_begin, s.open_end - s.open_begin), e.open);
        EXPECT_EQ(std::string("<") + s.tag, e.open.substr(0, s.tag.size() + 1));
        EXPECT_EQ(s.depth, e.depth);
        if (e.close.empty()) {
            EXPECT_EQ(s.close_begin, s.open_end);
            EXPECT_EQ(s.close_end, s.open_end);
            continue;
        }
        std::size_t close_at = nth_find(bytes, e.close, seen["close:" + e.close]++);
        ASSERT_NE(close_at, bytes.npos);
        EXPECT_EQ(s.close_begin, close_at);
        EXPECT_EQ(s.close_end, close_at + e.close.size());
        EXPECT_EQ(bytes.substr(s.close_begin, s.close_end - s.close_begin), e.close);
        EXPECT_LT(s.open_end, s.close_begin + 1);
    }
}

}  // namespace archtag::article::xml::testing
