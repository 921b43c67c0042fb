// Generated Markdown files: every combination of front matter kind, line
// ending, BOM and final newline parses, with the layout we built it with.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "article/article.h"

namespace archtag::article {

namespace {

struct Generated {
    std::string bytes;
    FrontMatterKind kind = FrontMatterKind::none;
    std::size_t begin = 0, content_begin = 0, content_end = 0, end = 0;
    std::string title;
    std::string nl;
    bool bom = false;
};

class Generator {
  public:
    explicit Generator(unsigned seed) : m_rng(seed) {}

    Generated next() {
        Generated g;
        g.kind = static_cast<FrontMatterKind>(pick(4));
        g.nl = pick(2) ? "\r\n" : "\n";
        g.bom = pick(2) == 1;
        bool final_newline = pick(2) == 1;
        bool empty_body = pick(4) == 0;
        g.title = words();
        if (g.bom)
            g.bytes = "\xEF\xBB\xBF";
        g.begin = g.bytes.size();
        switch (g.kind) {
            case FrontMatterKind::yaml:
                delimited(g, "---", pick(3) == 0 ? "..." : "---");
                break;
            case FrontMatterKind::toml:
                delimited(g, "+++", "+++");
                break;
            case FrontMatterKind::json:
                json(g);
                break;
            case FrontMatterKind::none:
                g.content_begin = g.content_end = g.end = g.begin;
                break;
        }
        bool closing_at_eof =
            g.kind != FrontMatterKind::none && (empty_body || pick(2) == 0) && !final_newline;
        if (closing_at_eof) {
            g.bytes.resize(g.end - g.nl.size());  // drop the closing line's ending
            g.end = g.bytes.size();
            return g;
        }
        if (!empty_body || g.kind == FrontMatterKind::none)
            body(g, final_newline);
        return g;
    }

  private:
    std::size_t pick(std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_rng);
    }

    // Letters, digits and characters that mean something to one of the
    // syntaxes, always inside a quoted string.
    std::string words() {
        static const std::vector<std::string> k_pieces = {
            "Council", "vote", "2014", "a#b", "}", "{", "---", "+++", "caf\xC3\xA9", "x:y", "[1]"};
        std::string out = k_pieces[pick(k_pieces.size())];
        for (std::size_t n = pick(4); n > 0; --n)
            out += " " + k_pieces[pick(k_pieces.size())];
        return out;
    }

    std::string date() {
        static const std::vector<std::string> k_dates = {"2014-03-12", "2015-1-12 9:00",
                                                         "2013-02-06 00:00:00 +0000"};
        return k_dates[pick(k_dates.size())];
    }

    void delimited(Generated& g, const std::string& open, const std::string& close) {
        bool yaml = open == "---";
        g.bytes += open + g.nl;
        g.content_begin = g.bytes.size();
        if (pick(3) == 0)
            g.bytes += "# a comment" + g.nl;
        std::string assign = yaml ? ": " : " = ";
        g.bytes += "title" + assign + "\"" + g.title + "\"" + g.nl;
        if (pick(2))
            g.bytes += "date" + assign + "\"" + date() + "\"" + g.nl;
        if (yaml && pick(2))
            g.bytes += "tags:" + g.nl + "  - a" + g.nl + "  - b" + g.nl;
        if (!yaml && pick(2))
            g.bytes += "tags = [\"a\", \"b\"]" + g.nl;
        g.content_end = g.bytes.size();
        g.bytes += close + g.nl;
        g.end = g.bytes.size();
    }

    void json(Generated& g) {
        g.content_begin = g.bytes.size();
        g.bytes += "{" + g.nl + "  \"title\": \"" + g.title + "\"";
        if (pick(2))
            g.bytes += "," + g.nl + "  \"date\": \"" + date() + "\"";
        if (pick(2))
            g.bytes += "," + g.nl + "  \"params\": {\"tags\": [\"a\", \"b\"]}";
        g.bytes += g.nl + "}";
        g.content_end = g.bytes.size();
        g.bytes += g.nl;
        g.end = g.bytes.size();
    }

    void body(Generated& g, bool final_newline) {
        static const std::vector<std::string> k_lines = {
            "Some text.", "", "---", "+++", "{", "}", "title: not front matter", "\xC3\xBC"};
        g.bytes += "# Heading";
        for (std::size_t n = pick(6); n > 0; --n)
            g.bytes += g.nl + k_lines[pick(k_lines.size())];
        if (final_newline)
            g.bytes += g.nl;
    }

    std::mt19937 m_rng;
};

}  // namespace

TEST(LayoutProperty, GeneratedFilesParseWithExactLayout) {
    Generator gen(20240611);
    for (int i = 0; i < 2000; ++i) {
        Generated g = gen.next();
        SCOPED_TRACE(::testing::Message() << "file " << i << ":\n" << g.bytes);
        auto doc = parse("post.md", g.bytes);
        ASSERT_TRUE(doc.has_value()) << doc.error().describe();
        const DocumentLayout& l = doc->layout;

        EXPECT_EQ(l.front_matter, g.kind);
        EXPECT_EQ(l.bom, g.bom);
        if (g.bytes.find('\n') != std::string::npos) {
            EXPECT_EQ(l.newline, g.nl);
        }
        EXPECT_EQ(l.front_matter_begin, g.begin);
        EXPECT_EQ(l.content_begin, g.content_begin);
        EXPECT_EQ(l.content_end, g.content_end);
        EXPECT_EQ(l.front_matter_end, g.end);

        // Invariants that hold whatever the generator intended.
        EXPECT_EQ(l.body_begin, l.front_matter_end);
        EXPECT_LE(l.front_matter_begin, l.content_begin);
        EXPECT_LE(l.content_begin, l.content_end);
        EXPECT_LE(l.content_end, l.front_matter_end);
        EXPECT_LE(l.front_matter_end, g.bytes.size());
        std::string_view rest = std::string_view(g.bytes).substr(l.front_matter_begin);
        switch (l.front_matter) {
            case FrontMatterKind::yaml:
                EXPECT_TRUE(rest.starts_with("---"));
                break;
            case FrontMatterKind::toml:
                EXPECT_TRUE(rest.starts_with("+++"));
                break;
            case FrontMatterKind::json:
                EXPECT_TRUE(rest.starts_with("{"));
                break;
            case FrontMatterKind::none:
                EXPECT_EQ(l.front_matter_end, l.front_matter_begin);
                break;
        }
        if (l.front_matter != FrontMatterKind::none) {
            auto title = doc->fields.find("title");
            ASSERT_NE(title, doc->fields.end());
            ASSERT_EQ(title->second.size(), 1u);
            EXPECT_EQ(title->second[0].value, g.title);
        } else {
            EXPECT_TRUE(doc->fields.empty());
        }
    }
}

}  // namespace archtag::article
