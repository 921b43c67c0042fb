// The HTML reader on the fixture pages and on small pages written here.
#include "article/html/html_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "util/file.h"

namespace archtag::article {

namespace {

std::string fixture(const std::string& name) {
    auto bytes = read_file(std::string(ARCHTAG_SOURCE_DIR) + "/fixtures/html/" + name);
    EXPECT_TRUE(bytes.has_value()) << name;
    return bytes ? *bytes : std::string();
}

Document read(std::string_view bytes, std::string_view path = "story.html") {
    auto doc = parse_html(path, bytes);
    EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error().describe());
    return doc ? std::move(*doc) : Document{};
}

// "value@line|value@line", or "<absent>".
std::string values(const Document& doc, const std::string& key) {
    auto it = doc.fields.find(key);
    if (it == doc.fields.end())
        return "<absent>";
    std::string out;
    for (const FieldValue& v : it->second)
        out += (out.empty() ? "" : "|") + v.value + "@" + std::to_string(v.line);
    return out;
}

// One line per candidate: "source@line iso confidence [modified] (note)".
std::string dates(const Document& doc) {
    std::string out;
    for (const DateCandidate& c : doc.dates) {
        out += c.source + "@" + std::to_string(c.line) + " " + c.timestamp.iso() + " " +
               std::string(to_string(c.confidence));
        if (c.role == DateRole::modified)
            out += " modified";
        if (!c.note.empty())
            out += " (" + c.note + ")";
        out += "\n";
    }
    return out;
}

std::string flags(const Document& doc) {
    std::string out;
    for (const Flag& f : doc.flags)
        out += std::string(to_string(f.level)) + " " + f.code + ": " + f.message + "\n";
    return out;
}

const ElementSpan* element(const Document& doc, std::string_view tag, std::string_view id = {}) {
    for (const ElementSpan& e : doc.layout.elements)
        if (e.tag == tag && (id.empty() || e.id == id))
            return &e;
    return nullptr;
}

std::string open_tag(std::string_view bytes, const ElementSpan& e) {
    return std::string(bytes.substr(e.open_begin, e.open_end - e.open_begin));
}
std::string close_tag(std::string_view bytes, const ElementSpan& e) {
    return std::string(bytes.substr(e.close_begin, e.close_end - e.close_begin));
}

}  // namespace

TEST(HtmlReader, NewsPageWithGraphAndMetaTags) {
    std::string bytes = fixture("news-graph.html");
    Document doc = read(bytes, "news/council-budget.html");
    EXPECT_EQ(doc.layout.format, Format::html);
    EXPECT_EQ(doc.layout.encoding, "utf-8");
    EXPECT_FALSE(doc.layout.bom);
    EXPECT_EQ(doc.layout.newline, "\n");
    EXPECT_EQ(values(doc, "title"),
              "City council approves $2.1B budget@7|City council approves budget@16|"
              "City council approves budget | Metro Daily@5");
    EXPECT_EQ(values(doc, "publication"), "Metro Daily News@16|Metro Daily@8");
    EXPECT_EQ(values(doc, "language"), "en-US@2");
    EXPECT_EQ(values(doc, "section"), "Politics@13");
    EXPECT_EQ(values(doc, "tags"), "City Council@14|Budget@15|Taxes@16");
    EXPECT_EQ(values(doc, "type"), "NewsArticle@16|article@10");
    EXPECT_EQ(values(doc, "canonical"),
              "https://metrodaily.example/news/2014/12/19/council-budget/@6");
    EXPECT_EQ(dates(doc),
              "json-ld:datePublished@16 2014-12-19T17:30:00-05:00 high\n"
              "meta:article:published_time@11 2014-12-19T17:30:00-05:00 high\n"
              "time[datetime]@39 2014-12-19T17:30:00-05:00 high\n"
              "url@6 2014-12-19 medium\n"
              "dateline@39 2014-12-19 low\n"
              "json-ld:dateModified@16 2014-12-20T09:05:00-05:00 high modified\n"
              "meta:article:modified_time@12 2014-12-20T09:05:00-05:00 high modified\n");
    ASSERT_GT(doc.dates.size(), 3u);
    EXPECT_EQ(doc.dates[3].timestamp.text, "2014/12/19");
    ASSERT_GT(doc.dates.size(), 0u);
    EXPECT_EQ(doc.dates[0].timestamp.text, "2014-12-19T17:30:00-05:00");
    EXPECT_EQ(flags(doc), "");
}

TEST(HtmlReader, NewsPageElementSpansPointIntoTheBytes) {
    std::string bytes = fixture("news-graph.html");
    Document doc = read(bytes);
    std::string tags;
    for (const ElementSpan& e : doc.layout.elements)
        tags += e.tag + (e.id.empty() ? "" : "#" + e.id) +
                (e.classes.empty() ? "" : "." + e.classes) + ":" + std::to_string(e.depth) + " ";
    EXPECT_EQ(tags,
              "html:0 head:1 body.single-post:1 header#masthead:2 main#content:2 "
              "article.story:3 p.byline:4 ");
    const ElementSpan* body = element(doc, "body");
    ASSERT_NE(body, nullptr);
    EXPECT_EQ(open_tag(bytes, *body), "<body class=\"single-post\">");
    EXPECT_EQ(close_tag(bytes, *body), "</body>");
    const ElementSpan* article = element(doc, "article");
    ASSERT_NE(article, nullptr);
    EXPECT_EQ(open_tag(bytes, *article), "<article class=\"story\">");
    EXPECT_EQ(close_tag(bytes, *article), "</article>");
    EXPECT_EQ(close_tag(bytes, *element(doc, "html")), "</html>");
    EXPECT_EQ(open_tag(bytes, *element(doc, "main")), "<main id=\"content\">");
}

TEST(HtmlReader, BlogWithOnlyAVisibleByline) {
    std::string bytes = fixture("wordpress-byline.html");
    Document doc = read(bytes, "blog/old-mill.html");
    EXPECT_EQ(values(doc, "title"), "Remembering the old mill \xE2\x80\x93 Valley Notes@5");
    EXPECT_EQ(values(doc, "language"), "en@2");
    EXPECT_EQ(values(doc, "publication"), "<absent>");
    EXPECT_EQ(dates(doc), "dateline@13 2014-12-19 low\n");
    ASSERT_GT(doc.dates.size(), 0u);
    EXPECT_EQ(doc.dates[0].timestamp.text, "December 19, 2014");
    EXPECT_EQ(flags(doc), "");
}

TEST(HtmlReader, OldLatin1PageWithUppercaseTagsAndAGermanDateline) {
    std::string bytes = fixture("old-latin1.htm");
    Document doc = read(bytes, "archiv/fest.htm");
    EXPECT_EQ(doc.layout.encoding, "iso-8859-1");
    EXPECT_EQ(values(doc, "title"),
              "Stra\xC3\x9F"
              "enfest in M\xC3\xBCnchen@4");
    EXPECT_EQ(values(doc, "language"), "de@1");
    EXPECT_EQ(dates(doc), "dateline@9 2014-12-19 low\n");
    ASSERT_GT(doc.dates.size(), 0u);
    EXPECT_EQ(doc.dates[0].timestamp.text, "19. Dezember 2014");
    const ElementSpan* body = element(doc, "body");
    ASSERT_NE(body, nullptr);
    EXPECT_EQ(open_tag(bytes, *body), "<BODY BGCOLOR=#ffffff>");
    EXPECT_EQ(close_tag(bytes, *body), "</BODY>");
    const ElementSpan* text = element(doc, "td", "text");
    ASSERT_NE(text, nullptr);
    EXPECT_EQ(open_tag(bytes, *text), "<TD ID=text>");
    // After the Latin-1 bytes (one byte each here, two in UTF-8) the offsets
    // still point at the original tags.
    EXPECT_EQ(close_tag(bytes, *text), "</TD>");
    EXPECT_EQ(bytes.substr(text->open_end, 14), "Das Fest war e");
}

TEST(HtmlReader, BrokenJsonLdAndAPlaceholderDoNotSinkThePage) {
    std::string bytes = fixture("broken-json-ld.html");
    Document doc = read(bytes);
    EXPECT_EQ(values(doc, "title"), "Harbour works delayed@6");  // each value once
    EXPECT_EQ(values(doc, "publication"), "Coast Herald@6");
    EXPECT_EQ(dates(doc),
              "json-ld:datePublished@6 2016-03-04T08:15:00+00:00 high\n"
              "meta:date@20 2016-03-04 high\n"
              "dateline@24 2016-03-04 low\n");
    EXPECT_EQ(flags(doc),
              "warning bad-json-ld: line 18: the JSON-LD block is not JSON, even read leniently "
              "([json.exception.parse_error.101] parse error at line 1, column 55: syntax error "
              "while parsing object - unexpected string literal; expected '}'); it was "
              "skipped\n"
              "info placeholder-date: meta:pubdate at line 19: '1970-01-01T00:00:00Z' is a "
              "placeholder, not a date; ignored\n");
}

TEST(HtmlReader, CrlfAndBom) {
    std::string bytes = fixture("crlf-bom.html");
    Document doc = read(bytes, "2013/07/14/fete.html");
    EXPECT_TRUE(doc.layout.bom);
    EXPECT_EQ(doc.layout.newline, "\r\n");
    EXPECT_EQ(doc.layout.encoding, "utf-8");
    EXPECT_EQ(values(doc, "title"), "La f\xC3\xAAte du village@5");
    EXPECT_EQ(values(doc, "publication"), "Le Petit Journal@7");
    EXPECT_EQ(dates(doc),
              "meta:DC.date.issued@6 2013-07-14 high\n"
              "path@0 2013-07-14 medium\n"
              "dateline@11 2013-07-14 low\n");
    const ElementSpan* html = element(doc, "html");
    ASSERT_NE(html, nullptr);
    EXPECT_EQ(open_tag(bytes, *html), "<html lang=\"fr\">");
    const ElementSpan* article = element(doc, "article");
    ASSERT_NE(article, nullptr);
    EXPECT_EQ(open_tag(bytes, *article), "<article id=\"story\">");
    EXPECT_EQ(close_tag(bytes, *article), "</article>");
}

TEST(HtmlReader, DatesAsTheWildWritesThem) {
    Document doc = read(fixture("wild-dates.html"));
    EXPECT_EQ(dates(doc),
              "meta:dcterms.created@7 2014-12-29 high\n"
              "meta:sailthru.date@3 2019-11-19T19:47:00-05:00 high\n"
              "meta:parsely-pub-date@4 2019-11-19T07:09:00+00:00 high\n"
              "meta:og:published_time@5 2019-11-20T09:28:00+00:00 high\n");
    EXPECT_EQ(flags(doc),
              "info placeholder-date: meta:DC.date at line 6: '0000-00-00 00:00:00' is a "
              "placeholder, not a date; ignored\n");
}

TEST(HtmlReader, ImpliedElementsHaveEmptyOpenTags) {
    std::string bytes = "<title>x</title><p class=lead>Hello";
    Document doc = read(bytes);
    const ElementSpan* body = element(doc, "body");
    ASSERT_NE(body, nullptr);
    EXPECT_EQ(body->open_begin, body->open_end);
    EXPECT_EQ(body->open_begin, bytes.find("<p"));
    EXPECT_EQ(body->close_begin, body->close_end);
    EXPECT_EQ(body->close_begin, bytes.size());
    const ElementSpan* p = element(doc, "p");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(open_tag(bytes, *p), "<p class=lead>");
    EXPECT_EQ(p->close_begin, p->close_end);
    const ElementSpan* html = element(doc, "html");
    ASSERT_NE(html, nullptr);
    EXPECT_EQ(html->open_begin, 0u);
    EXPECT_EQ(html->open_end, 0u);
}

TEST(HtmlReader, AnEndTagThatClosesSomethingElseIsNotTheElementsOwn) {
    std::string bytes = "<div class=x><p class=y>a</div>";
    Document doc = read(bytes);
    const ElementSpan* p = element(doc, "p");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->close_begin, p->close_end);
    EXPECT_EQ(p->close_begin, bytes.find("</div>"));
    EXPECT_EQ(close_tag(bytes, *element(doc, "div")), "</div>");
}

TEST(HtmlReader, ValueAttributeUnquotedAttributesAndItemprop) {
    Document doc = read(
        "<html lang=en-us><head><meta name=pubdate value=12/05/2014>\n"
        "<META PROPERTY=og:updated_time CONTENT=2014-12-06T10:00:00Z></head>\n"
        "<body><article><span itemprop=datePublished content=2014-12-05>Dec 5</span>\n"
        "<time class=updated datetime=2014-12-06>Dec 6</time></article></body></html>");
    EXPECT_EQ(dates(doc),
              "meta:pubdate@1 2014-12-05 high\n"
              "itemprop:datePublished@3 2014-12-05 high\n"
              "meta:og:updated_time@2 2014-12-06T10:00:00Z high modified\n"
              "time[datetime]@4 2014-12-06 high modified\n");
}

TEST(HtmlReader, AmbiguousNumericDateIsLowConfidenceWithANote) {
    Document doc = read("<meta name=date content=03/04/2014><p>x</p>");
    EXPECT_EQ(dates(doc),
              "meta:date@1 2014-03-04 low (03/04/2014 read month-first as 2014-03-04; the "
              "page's language does not say which comes first)\n");
}

TEST(HtmlReader, UnreadableMetaDateIsFlagged) {
    Document doc = read("<meta property=article:published_time content=\"last Tuesday\">");
    EXPECT_EQ(dates(doc), "");
    EXPECT_EQ(flags(doc),
              "warning bad-date: meta:article:published_time at line 1: not a date: 'last "
              "Tuesday'\n");
}

TEST(HtmlReader, TimeOutsideTheArticleIsNotTheArticlesDate) {
    Document doc = read(
        "<body><aside><time datetime=2020-01-01>x</time></aside>"
        "<article><p class=byline>By Ann, June 3, 2012</p></article>"
        "<footer><p class=date>January 1, 2020</p></footer></body>");
    EXPECT_EQ(dates(doc), "dateline@1 2012-06-03 low\n");
}

TEST(HtmlReader, UpdatedDatelineIsAModifiedDate) {
    Document doc = read(
        "<article><div class=post-date>Updated: June 4, 2012</div>"
        "<div class=post-date>June 3, 2012</div></article>");
    EXPECT_EQ(dates(doc),
              "dateline@1 2012-06-03 low\n"
              "dateline@1 2012-06-04 low modified\n");
}

TEST(HtmlReader, InvalidUtf8InAUtf8PageIsFlagged) {
    Document doc = read("<meta charset=utf-8>\n<title>caf\xE9</title>");
    EXPECT_EQ(doc.layout.encoding, "utf-8");
    EXPECT_EQ(flags(doc),
              "warning invalid-utf8: line 2: byte 0xE9 is not UTF-8, which the page is read "
              "as\n");
}

TEST(HtmlReader, UndeclaredWindows1252) {
    std::string bytes = "<title>\x93Quoted\x94</title><div id=a>\xE9t\xE9</div>";
    Document doc = read(bytes);
    EXPECT_EQ(doc.layout.encoding, "windows-1252");
    EXPECT_EQ(values(doc, "title"), "\xE2\x80\x9CQuoted\xE2\x80\x9D@1");
    const ElementSpan* a = element(doc, "div", "a");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(open_tag(bytes, *a), "<div id=a>");
    EXPECT_EQ(close_tag(bytes, *a), "</div>");
}

TEST(HtmlReader, OversizedPageIsRefused) {
    std::string bytes(k_max_html_bytes + 1, ' ');
    auto doc = parse_html("big/page.html", bytes);
    ASSERT_FALSE(doc.has_value());
    EXPECT_EQ(doc.error().headline(),
              "big/page.html: the page is 16,777,217 bytes; archtag reads HTML pages of at "
              "most 16 MiB (16,777,216 bytes)");
}

TEST(HtmlReader, UnsupportedEncodingIsRefused) {
    auto doc = parse_html("a.html", "<meta charset=koi8-r><p>x");
    ASSERT_FALSE(doc.has_value());
    EXPECT_EQ(doc.error().headline(),
              "a.html: the page declares the character encoding 'koi8-r'; archtag reads HTML in "
              "utf-8, iso-8859-1 or windows-1252 only");
}

}  // namespace archtag::article
