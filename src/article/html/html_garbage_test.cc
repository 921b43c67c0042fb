// Never crash on garbage: random tag soup, cut pages, and pathological
// nesting all give a Document or an Error, and every span stays in bounds.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "article/html/html_reader.h"

namespace archtag::article {

namespace {

const std::string_view k_pieces[] = {
    "<html>",
    "</html>",
    "<body class=x>",
    "</body>",
    "<article id=a>",
    "</article>",
    "<p>",
    "</p>",
    "<div class=\"date\">",
    "</div>",
    "<time datetime=2014-12-19>",
    "</time>",
    "<meta name=date content=\"19 Nov 2019 07:09 GMT\">",
    "<script type=application/ld+json>",
    "</script>",
    "{\"@type\":\"NewsArticle\",\"datePublished\":",
    "\"2014-12-19\"",
    "}",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<table>",
    "<tr>",
    "<td class=byline>",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<a href=/2014/12/19/>",
    "</a>",
    "December 19, 2014",
    "\xE9",
    "\xC3\xA9",
    "\r\n",
    "<",
    ">",
    "\"",
    "'",
    "=",
    "&amp;",
    "&#x",
    "<svg><title>",
    "</svg>",
    "<template>",
    "</template>",
    "<select><option>",
    "<meta charset=latin1>",
    "<link rel=canonical href=",
    "\xEF\xBB\xBF",
    " ",
    std::string_view("\0", 1),
    "<main>",
    "</main>",
    "<head>",
    "<title>",
    "</title>",
};

std::string soup(std::mt19937& rng, int pieces) {
    std::uniform_int_distribution<std::size_t> pick(0, std::size(k_pieces) - 1);
    std::string out;
    for (int i = 0; i < pieces; ++i) {
        out += k_pieces[pick(rng)];
    }
    return out;
}

void expect_spans_in_bounds(const Document& doc, std::string_view bytes) {
    for (const ElementSpan& e : doc.layout.elements) {
        ASSERT_LE(e.open_begin, e.open_end);
        ASSERT_LE(e.open_end, bytes.size());
        ASSERT_LE(e.close_begin, e.close_end);
        ASSERT_LE(e.close_end, bytes.size());
        if (e.open_end > e.open_begin) {
            ASSERT_EQ(bytes[e.open_begin], '<') << e.tag;
        }
        if (e.close_end > e.close_begin) {
            ASSERT_EQ(bytes.substr(e.close_begin, 2), "</") << e.tag;
        }
    }
}

}  // namespace

TEST(HtmlGarbage, RandomTagSoupNeverCrashes) {
    std::mt19937 rng(20141219);
    for (int round = 0; round < 400; ++round) {
        std::string bytes = soup(rng, 1 + round % 120);
        auto doc = parse_html("soup.html", bytes);
        if (doc)
            expect_spans_in_bounds(*doc, bytes);
    }
}

TEST(HtmlGarbage, EveryPrefixOfARealPage) {
    std::string page =
        "<html lang=de><head><meta charset=iso-8859-1><title>T\xFCr</title>"
        "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"datePublished\":"
        "\"2014-12-19\"}</script></head><body><article class=a><p class=date>19. Dezember "
        "2014</p></article></body></html>";
    for (std::size_t n = 0; n <= page.size(); ++n) {
        std::string bytes = page.substr(0, n);
        auto doc = parse_html("cut.html", bytes);
        ASSERT_TRUE(doc.has_value()) << n;
        expect_spans_in_bounds(*doc, bytes);
    }
}

TEST(HtmlGarbage, PathologicalNestingIsRefusedQuickly) {
    std::string deep;
    for (int i = 0; i < 100000; ++i)
        deep += "<div>";
    auto doc = parse_html("deep.html", deep);
    ASSERT_FALSE(doc.has_value());
    EXPECT_EQ(doc.error().headline(),
              "deep.html: the page nests its elements too deeply to be read in reasonable time; "
              "not an article archtag can read");
}

TEST(HtmlGarbage, ManyUnclosedParagraphsAreFine) {
    std::string page = "<body>";
    for (int i = 0; i < 20000; ++i)
        page += "<p>line<li>item";
    auto doc = parse_html("flat.html", page);
    ASSERT_TRUE(doc.has_value());
    expect_spans_in_bounds(*doc, page);
}

}  // namespace archtag::article
