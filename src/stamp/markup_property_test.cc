// Generated HTML and XML documents (newline styles, BOM, minified or
// pretty, declared encodings, every anchor), random notice sets before and
// after: the promises of docs/stamp-format.md must hold for each.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "model/edit.h"
#include "stamp/escape.h"
#include "stamp/markup_test_support.h"
#include "stamp/stamp.h"

namespace archtag::stamp {
namespace {

using testing::markup_layout;

class Generator {
  public:
    explicit Generator(unsigned seed) : m_rng(seed) {}

    std::string html() {
        m_nl = coin() ? "\r\n" : "\n";
        m_sep = coin() ? m_nl : "";  // minified when empty
        std::string out = one_in(4) ? "\xEF\xBB\xBF" : "";
        bool fragment = one_in(5);
        if (!fragment)
            out += line("<!DOCTYPE html>") + line("<html>") +
                   line("<head>" + charset() + "<title>T</title></head>");
        if (!fragment || coin())
            out += line("<body class=\"page\">");
        bool article = coin();
        if (article)
            out += line("  <article class=\"story\">");
        for (unsigned i = below(4); i > 0; --i)
            out += line("    " + pick(k_html_blocks));
        if (coin())
            out += line("    <header class=\"wide story-header\">" + m_sep +
                        "      <h1>Title</h1>" + m_sep + "    </header>");
        if (coin())
            out += line("    <p id=\"lede\">Lede &amp; more</p>");
        if (article)
            out += line("  </article>");
        if (!fragment)
            out += "</body>" + m_sep + "</html>";
        return out + (coin() ? m_nl : "");
    }

    std::string xml() {
        m_nl = coin() ? "\r\n" : "\n";
        m_sep = coin() ? m_nl : "";
        std::string out = one_in(4) ? "\xEF\xBB\xBF" : "";
        if (coin())
            out += line(std::string("<?xml version=\"1.0\" encoding=\"") +
                        (coin() ? "ISO-8859-1" : "UTF-8") + "\"?>");
        switch (below(5)) {
            case 0:
                out += line("<nitf>") + line("  <head>") + line("    <docdata>") +
                       line("      <ed-msg msg-type=\"editor\" info=\"x &amp; y\"/>") +
                       line("    </docdata>") + line("  </head>") + "</nitf>";
                break;
            case 1: {
                out += line("<newsMessage>");
                for (unsigned i = 1 + below(3); i > 0; --i)
                    out += line("  <newsItem>") + line("    <itemMeta>") +
                           line("      <itemClass qcode=\"ninat:text\"/>") +
                           (coin() ? line("      <edNote>theirs</edNote>") : "") +
                           (coin() ? line("      <link rel=\"x\"/>") : "") +
                           line("    </itemMeta>") + line("  </newsItem>");
                out += "</newsMessage>";
                break;
            }
            case 2:
                out += line("<article>") + line("  <front>") + line("    <article-meta>") +
                       line("      <title-group/>") + line("    </article-meta>") +
                       line("  </front>") + "</article>";
                break;
            case 3:
                out += line("<feed>");
                for (unsigned i = 1 + below(2); i > 0; --i)
                    out += line("  <entry>") +
                           line(
                               "    <title><![CDATA[<!-- archtag:age v1 "
                               "-->]]></title>") +
                           line("  </entry>");
                out += "</feed>";
                break;
            default:
                out += line("<rss>") + line("<channel>");
                for (unsigned i = 1 + below(2); i > 0; --i)
                    out += line("<item><title>a</title></item>");
                out += "</channel>" + m_sep + "</rss>";
                break;
        }
        return out + (coin() ? m_nl : "");
    }

    std::vector<Notice> notices() {
        std::vector<Notice> out;
        if (coin()) {
            Notice n{NoticeKind::archival, pick(k_texts), "en", "", ""};
            if (coin()) {
                n.link_url = pick(k_urls);
                n.link_text = pick(k_link_texts);
            }
            out.push_back(n);
        }
        if (coin())
            out.push_back(
                {NoticeKind::age,
                 "This article is more than " + std::to_string(1 + below(12)) + " years old", "en",
                 "", ""});
        return out;
    }

    Placement placement() {
        Placement p;
        p.html = static_cast<HtmlAnchor>(below(5));
        p.html_selector = pick(k_selectors);
        if (one_in(4))
            p.html_template = "<div class=\"n-{kind}\">\n{text}\n{link}</div>";
        return p;
    }

    bool one_in(unsigned n) { return below(n) == 0; }

  private:
    static inline const std::vector<std::string> k_html_blocks{
        "<p>Text with <b>bold</b> and &eacute;</p>",
        "<div class=\"x\"><span>inline</span></div>",
        "<script>var a = \"<!-- archtag:age v1 -->\";</script>",
        "<!-- a comment: <!-- /archtag:archival --> -->",
        "<p title=\"<!-- archtag:archival v1 -->\">attr</p>",
        "<!-- archtag:age v1 eof -->",
        "<img src=\"a.png\" alt=\"\">",
        "",
        "\t<p>\ttabbed</p>"};
    static inline const std::vector<std::string> k_texts{
        "This is an archival story that predates current editorial management.",
        "<script>alert(1)</script> & \"quotes\" 'single'",
        "ends with --> and <!-- starts",
        "two\nlines\r\nthree",
        "caf\xC3\xA9 \xE2\x80\x99"
        "curly\xE2\x80\x99 \xE2\x82\xAC 5 \xE6\x97\xA5\xE6\x9C\xAC",
        "tab\there",
        "&amp; is not an entity here; &#39; neither",
        ""};
    static inline const std::vector<std::string> k_urls{"https://laist.com/about/standards",
                                                        "https://x.org/?a=1&b=\"2\"", "/relative",
                                                        "mailto:ed@x.org"};
    static inline const std::vector<std::string> k_link_texts{"To learn more, click here.", "",
                                                              "<odd> & 'text'"};
    static inline const std::vector<std::string> k_selectors{".story-header", "#lede", ".x",
                                                             ".page"};

    std::string charset() {
        switch (below(4)) {
            case 0:
                return "<meta charset=\"iso-8859-1\">";
            case 1:
                return "<meta charset=\"windows-1252\">";
            case 2:
                return "<meta charset=\"utf-8\">";
            default:
                return "";
        }
    }
    std::string line(const std::string& s) { return (m_sep.empty() ? trimmed(s) : s) + m_sep; }
    static std::string trimmed(const std::string& s) {
        std::size_t i = s.find_first_not_of(" \t");
        return i == std::string::npos ? "" : s.substr(i);
    }
    unsigned below(unsigned n) { return std::uniform_int_distribution<unsigned>(0, n - 1)(m_rng); }
    bool coin() { return below(2) == 0; }
    std::string pick(const std::vector<std::string>& v) {
        return v[below(static_cast<unsigned>(v.size()))];
    }

    std::mt19937 m_rng;
    std::string m_nl = "\n";
    std::string m_sep = "\n";
};

std::string visible(std::string_view s) {
    std::string out;
    for (char c : s)
        out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : std::string(1, c);
    return out;
}

struct Doc {
    Format format;
    Placement placement;
    Expected<Plan> plan_for(std::string_view bytes, const std::vector<Notice>& notices) const {
        return plan(bytes, markup_layout(bytes, format), notices, placement);
    }
    Plan planned(std::string_view bytes, const std::vector<Notice>& notices) const {
        Expected<Plan> p = plan_for(bytes, notices);
        EXPECT_TRUE(p) << (p ? "" : p.error().describe());
        return p ? *p : Plan{};
    }
    std::string unstamp(std::string_view bytes) const {
        Expected<Plan> p = plan_unstamp(bytes, markup_layout(bytes, format), placement);
        EXPECT_TRUE(p) << (p ? "" : p.error().describe());
        return p ? apply_edits(bytes, p->edits) : std::string();
    }
    std::vector<FoundStamp> found(std::string_view bytes) const {
        Expected<std::vector<FoundStamp>> f = find(bytes, markup_layout(bytes, format), placement);
        EXPECT_TRUE(f) << (f ? "" : f.error().describe());
        return f ? *f : std::vector<FoundStamp>{};
    }
};

void check_stamped(const Doc& doc, const std::string& original, const std::string& stamped,
                   const std::vector<Notice>& notices, std::size_t units) {
    EXPECT_EQ(doc.unstamp(stamped), original);
    Plan again = doc.planned(stamped, notices);
    EXPECT_TRUE(again.edits.empty());
    for (const StampChange& c : again.changes)
        EXPECT_EQ(c.change, Change::keep);
    std::vector<FoundStamp> found = doc.found(stamped);
    EXPECT_EQ(found.size(), notices.size() * units);
    if (!doc.placement.html_template.empty())
        return;
    for (const FoundStamp& f : found)
        for (const Notice& n : notices)
            if (n.kind == f.kind) {
                EXPECT_EQ(f.text, plain_text(n));
            }
}

// Whether the case was stamped (so the test can tell it checked something).
bool run(Generator& gen, const Doc& doc, const std::string& original, int i) {
    SCOPED_TRACE("case " + std::to_string(i) + ": " + visible(original));
    std::vector<Notice> before = gen.notices();
    std::vector<Notice> after = gen.notices();
    Notice probe{NoticeKind::age, "x", "en", "", ""};
    Expected<Plan> probed = doc.plan_for(original, {probe});
    if (!probed) {
        // Only a selector naming nothing may stop the plan.
        EXPECT_EQ(probed.error().message,
                  "no element matches '" + doc.placement.html_selector + "' for the HTML stamp");
        return false;
    }
    // One stamp of a kind per unit (newsItem, entry, item).
    std::size_t units = doc.found(apply_edits(original, probed->edits)).size();
    Expected<Plan> first = doc.plan_for(original, before);
    EXPECT_TRUE(first) << first.error().describe();
    if (!first)
        return false;
    for (const Edit& e : first->edits)
        EXPECT_EQ(e.length, 0u);  // stamping only inserts
    std::string s1 = apply_edits(original, first->edits);
    check_stamped(doc, original, s1, before, units);

    Plan second = doc.planned(s1, after);
    std::string s2 = apply_edits(s1, second.edits);
    check_stamped(doc, original, s2, after, units);
    EXPECT_EQ(s2, apply_edits(original, doc.planned(original, after).edits));
    std::map<NoticeKind, Change> changes;
    for (const StampChange& c : second.changes)
        changes[c.kind] = c.change;
    for (NoticeKind kind : {NoticeKind::archival, NoticeKind::age}) {
        auto has = [&](const std::vector<Notice>& v) {
            return std::any_of(v.begin(), v.end(), [&](const Notice& n) { return n.kind == kind; });
        };
        if (has(before) && !has(after)) {
            EXPECT_EQ(changes[kind], Change::remove);
        }
        if (!has(before) && has(after)) {
            EXPECT_EQ(changes[kind], Change::add);
        }
    }
    return s1 != original;
}

TEST(MarkupProperty, PromisesHoldForGeneratedHtml) {
    Generator gen(20150101);
    int stamped = 0;
    for (int i = 0; i < 1500 && !::testing::Test::HasFailure(); ++i) {
        std::string original = gen.html();
        stamped += run(gen, Doc{Format::html, gen.placement()}, original, i);
    }
    EXPECT_GT(stamped, 600);
}

TEST(MarkupProperty, PromisesHoldForGeneratedXml) {
    Generator gen(20150102);
    int stamped = 0;
    for (int i = 0; i < 1500 && !::testing::Test::HasFailure(); ++i) {
        std::string original = gen.xml();
        stamped += run(gen, Doc{Format::xml, Placement{}}, original, i);
    }
    EXPECT_GT(stamped, 1000);
}

}  // namespace
}  // namespace archtag::stamp
