#include "policy/test_cases.h"

#include <fmt/format.h>
#include <tinyxml2.h>

#include <map>

#include "model/timestamp.h"
#include "policy/xml_files.h"
#include "policy/xml_shape.h"
#include "policy/xml_source.h"
#include "util/file.h"
#include "util/strings.h"

namespace archtag::policy {

namespace {

using detail::Element;
using detail::Shape;
using detail::XmlSource;

constexpr std::uint64_t k_max_suite_bytes = 16 * 1024 * 1024;

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The bytes of the <article>'s CDATA section exactly as written in the file
// (TinyXML-2 would normalise line endings), minus one newline right after
// "<![CDATA[" so the article can start on its own line.
Expected<std::string> article_bytes(const XmlSource& src, const Element& e) {
    std::string_view text = src.text();
    constexpr std::string_view k_open = "<![CDATA[";
    const std::string expected =
        "<article> must hold the article in one CDATA section (expected "
        "<article><![CDATA[...]]></article>)";
    std::size_t pos = src.start_tag_end(e);
    if (e.NoChildren())
        return fail(src.at_element(e, expected));
    while (pos < text.size() && is_blank(text[pos]))
        ++pos;
    if (text.substr(pos, k_open.size()) != k_open)
        return fail(src.at_offset(pos, expected));
    std::size_t begin = pos + k_open.size();
    std::size_t end = text.find("]]>", begin);
    std::size_t after = end + 3;
    while (after < text.size() && is_blank(text[after]))
        ++after;
    if (text.substr(after, 2) != "</")
        return fail(src.at_offset(after, expected));
    if (text.substr(begin, 2) == "\r\n")
        begin += 2;
    else if (text.substr(begin, 1) == "\n")
        begin += 1;
    return std::string(text.substr(begin, end - begin));
}

Expected<ExpectedNotice> read_expect(const XmlSource& src, const Element& e) {
    if (auto s = detail::check_shape(src, e, Shape{{"kind"}, {"text"}, {}, false}); !s)
        return fail(s.error());
    ExpectedNotice n;
    std::string kind(trim(*detail::attribute(e, "kind")));
    if (kind == "archival") {
        n.kind = NoticeKind::archival;
    } else if (kind == "age") {
        n.kind = NoticeKind::age;
    } else {
        return fail(src.at_attribute(
            e, "kind", fmt::format("unknown notice kind=\"{}\" (expected archival or age)", kind)));
    }
    n.text = detail::attribute(e, "text");
    return n;
}

Status read_as_of(const XmlSource& src, const Element& e, TestCase& c) {
    c.as_of = trim(*detail::attribute(e, "as-of"));
    if (auto ts = parse_timestamp(c.as_of); !ts)
        return fail(
            src.at_attribute(e, "as-of",
                             fmt::format("bad as-of=\"{}\": {} (expected YYYY-MM-DD or an ISO "
                                         "timestamp such as 2024-06-01T12:00:00Z)",
                                         c.as_of, ts.error().message)));
    return ok();
}

Status read_expectations(const XmlSource& src, const Element& e, TestCase& c) {
    for (const auto* child = e.FirstChildElement(); child; child = child->NextSiblingElement()) {
        std::string_view name = child->Name();
        if (name == "expect") {
            auto n = read_expect(src, *child);
            if (!n)
                return fail(n.error());
            c.notices.push_back(std::move(*n));
        } else if (name == "expect-flag") {
            if (auto s = detail::check_shape(src, *child, Shape{{"code"}, {}, {}, false}); !s)
                return s;
            c.flags.emplace_back(trim(*detail::attribute(*child, "code")));
        } else if (name == "expect-no-flags") {
            if (auto s = detail::check_shape(src, *child, Shape{}); !s)
                return s;
            c.no_flags = true;
        }
    }
    if (c.no_flags && !c.flags.empty())
        return fail(src.at_element(
            e,
            fmt::format("case '{}' expects flags and <expect-no-flags/> at once (expected one of "
                        "them)",
                        c.id)));
    return ok();
}

Expected<TestCase> read_case(const XmlSource& src, const Element& e) {
    const Shape shape{{"id", "path", "as-of"},
                      {},
                      {"article", "expect", "expect-flag", "expect-no-flags"},
                      false};
    if (auto s = detail::check_shape(src, e, shape); !s)
        return fail(s.error());
    TestCase c;
    c.id = trim(*detail::attribute(e, "id"));
    c.line = e.GetLineNum();
    c.path = trim(*detail::attribute(e, "path"));
    if (auto s = read_as_of(src, e, c); !s)
        return fail(s.error());
    auto article = detail::unique_child(src, e, "article");
    if (!article)
        return fail(article.error());
    if (!*article)
        return fail(src.at_element(
            e,
            fmt::format("case '{}' has no <article> (expected <article><![CDATA[...]]></article>)",
                        c.id)));
    if (auto s = detail::check_shape(src, **article, Shape{{}, {}, {}, true}); !s)
        return fail(s.error());
    auto bytes = article_bytes(src, **article);
    if (!bytes)
        return fail(bytes.error());
    c.article = std::move(*bytes);
    if (auto s = read_expectations(src, e, c); !s)
        return fail(s.error());
    return c;
}

Expected<TestSuite> read_suite(const XmlSource& src) {
    const Element& root = src.root();
    if (std::string_view(root.Name()) != "policy-tests")
        return fail(src.at_element(
            root,
            fmt::format("unexpected root element <{}> (expected <policy-tests>)", root.Name())));
    if (auto s = detail::check_shape(src, root, Shape{{"policy"}, {}, {"case"}, false}); !s)
        return fail(s.error());
    TestSuite suite;
    suite.path = src.path();
    suite.policy_id = trim(*detail::attribute(root, "policy"));
    std::map<std::string, int> seen;
    for (const Element* e : detail::children_named(root, "case")) {
        auto c = read_case(src, *e);
        if (!c)
            return fail(c.error());
        auto [it, fresh] = seen.emplace(c->id, c->line);
        if (!fresh)
            return fail(
                src.at_attribute(*e, "id",
                                 fmt::format("duplicate case id '{}' (first declared on line {})",
                                             c->id, it->second)));
        suite.cases.push_back(std::move(*c));
    }
    return suite;
}

}  // namespace

Expected<TestSuite> load_test_suite_from_string(std::string_view xml,
                                                const std::string& path_for_errors) {
    auto src = XmlSource::parse(std::string(xml), path_for_errors);
    if (!src)
        return fail(src.error());
    return read_suite(**src);
}

Expected<TestSuite> load_test_suite(const std::string& file) {
    auto bytes = read_file(file, k_max_suite_bytes);
    if (!bytes)
        return fail(bytes.error());
    return load_test_suite_from_string(*bytes, file);
}

Expected<std::vector<TestSuite>> load_test_suites(const std::string& dir) {
    auto files = detail::xml_files(dir, "policy test");
    if (!files)
        return fail(files.error());
    std::vector<TestSuite> suites;
    for (const std::string& file : *files) {
        auto suite = load_test_suite(file);
        if (!suite)
            return fail(suite.error());
        suites.push_back(std::move(*suite));
    }
    return suites;
}

}  // namespace archtag::policy
