// Generated Markdown files, random notice sets before and after: the four
// promises (bytes outside stamps untouched, idempotent, reversible, updates
// in place / removal as if never added) must hold for every one of them.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <toml++/toml.h>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>

#include "model/edit.h"
#include "stamp/escape.h"
#include "stamp/stamp.h"
#include "stamp/test_support.h"

namespace archtag::stamp {
namespace {

using testing::markdown_layout;

class Generator {
  public:
    explicit Generator(unsigned seed) : m_rng(seed) {}

    std::string file() {
        std::string nl = coin() ? "\r\n" : "\n";
        std::string out = one_in(4) ? "\xEF\xBB\xBF" : "";
        bool final_newline = coin();
        std::string body = this->body(nl);
        switch (below(4)) {
            case 0:
                return out + body + (final_newline && !body.empty() ? nl : "");
            case 1:
                out += "---" + nl + lines(k_yaml, nl) + "---";
                break;
            case 2:
                out += "+++" + nl + lines(k_toml, nl) +
                       (coin() ? "[params]" + nl + "k = 1" + nl : "") + "+++";
                break;
            default:
                out += pick(k_json_objects, nl);
                break;
        }
        if (body.empty() && !final_newline)
            return out;
        return out + nl + body + (final_newline && !body.empty() ? nl : "");
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
        if (coin()) {
            std::string years = std::to_string(1 + below(12));
            out.push_back({NoticeKind::age, "This article is more than " + years + " years old",
                           "en", "", ""});
            if (one_in(3))
                out.back().text = pick(k_texts);
        }
        return out;
    }

    Placement placement() {
        Placement p;
        if (coin())
            p.markdown = MarkdownPlacement::front_matter;
        return p;
    }

    bool one_in(unsigned n) { return below(n) == 0; }

  private:
    static inline const std::vector<std::string> k_yaml{"title: x",
                                                        "# comment: keep me",
                                                        "tags:",
                                                        "  - a",
                                                        "date: 2014-12-19",
                                                        "\tweird: tab",
                                                        "b: 1",
                                                        "a: 2",
                                                        "note: \"x\" # archtag:archival",
                                                        "empty:"};
    static inline const std::vector<std::string> k_toml{"title = 'x'", "# c", "date = 2014-12-19",
                                                        "z = [1, 2]"};
    static inline const std::vector<std::string> k_json_objects{
        "{}", "{@}", "{@  \"title\": \"x\"@}", "{ \"a\": 1, \"b\": [1, 2] }",
        "{@\t\"a\": {\"b\": \"}\"}@}"};
    static inline const std::vector<std::string> k_body{
        "Text.",
        "# Heading",
        "> quote",
        "- item",
        "",
        "",
        "<!-- archtag:archival v1 --> x",
        " <!-- archtag:age v1 -->",
        "<!-- archtag:archival -->",
        "<!-- archtag:age v9",
        "<!-- /archtag:archival --> ",
        "<!--archtag:age v1-->",
        "<!-- archtag:other v1 -->",
        "<!-- archtag:age v1 eof --> ",
        "archival_notice: \"x\" # archtag:archival v1",
        "\tTabbed * _x_",
        "café  ",
        "   ",
        "```",
        "<!-- /archtag:age v1 -->"};
    static inline const std::vector<std::string> k_texts{
        "This is an archival story that predates current editorial management.",
        "*bold* _it_ [x](y) <script>alert(1)</script>",
        "ends with --> and <!-- starts",
        "two\nlines\r\nthree",
        "\"quoted\" \\ back\\slash",
        "# heading? 1. list? - dash",
        "  padded  ",
        "tab\there é ü 日本",
        "",
        "100. percent & more | pipes ~ tildes {braces}"};
    static inline const std::vector<std::string> k_urls{"https://laist.com/about/standards",
                                                        "https://x.org/a b(c)<d>", "/relative"};
    static inline const std::vector<std::string> k_link_texts{"To learn more, click here.", "",
                                                              "[odd] *text*"};

    unsigned below(unsigned n) { return std::uniform_int_distribution<unsigned>(0, n - 1)(m_rng); }
    bool coin() { return below(2) == 0; }
    std::string pick(const std::vector<std::string>& v) {
        return v[below(static_cast<unsigned>(v.size()))];
    }
    std::string pick(const std::vector<std::string>& v, const std::string& nl) {
        std::string s = pick(v);
        std::string out;
        for (char c : s)
            out += c == '@' ? nl : std::string(1, c);
        return out;
    }
    std::string lines(const std::vector<std::string>& pool, const std::string& nl) {
        std::string out;
        for (unsigned i = below(5); i > 0; --i)
            out += pick(pool) + nl;
        return out;
    }
    std::string body(const std::string& nl) {
        std::string out;
        for (unsigned i = below(3); i > 0; --i)
            out += nl;  // leading blank lines
        unsigned n = below(5);
        for (unsigned i = 0; i < n; ++i)
            out += pick(k_body) + (i + 1 < n ? nl : "");
        return out;
    }

    std::mt19937 m_rng;
};

std::string visible(std::string_view s) {
    std::string out;
    for (char c : s)
        out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : std::string(1, c);
    return out;
}

Plan planned(std::string_view bytes, const std::vector<Notice>& notices,
             const Placement& placement) {
    Expected<Plan> p = plan(bytes, markdown_layout(bytes), notices, placement);
    EXPECT_TRUE(p) << (p ? "" : p.error().describe());
    return p ? *p : Plan{};
}

std::string unstamp_all(std::string_view bytes, const Placement& placement) {
    Expected<Plan> p = plan_unstamp(bytes, markdown_layout(bytes), placement);
    EXPECT_TRUE(p) << (p ? "" : p.error().describe());
    for (const StampChange& c : p ? p->changes : std::vector<StampChange>{})
        EXPECT_EQ(c.change, Change::remove);
    return p ? apply_edits(bytes, p->edits) : std::string();
}

std::map<NoticeKind, FoundStamp> stamps_by_kind(std::string_view bytes,
                                                const Placement& placement) {
    std::map<NoticeKind, FoundStamp> out;
    Expected<std::vector<FoundStamp>> found = find(bytes, markdown_layout(bytes), placement);
    EXPECT_TRUE(found) << (found ? "" : found.error().describe());
    for (const FoundStamp& f : found ? *found : std::vector<FoundStamp>{})
        out[f.kind] = f;
    return out;
}

NoticeKind other(NoticeKind k) {
    return k == NoticeKind::archival ? NoticeKind::age : NoticeKind::archival;
}

const Notice* notice_of(const std::vector<Notice>& notices, NoticeKind kind) {
    for (const Notice& n : notices)
        if (n.kind == kind)
            return &n;
    return nullptr;
}

// The front matter parsed by a real parser: key -> string value, or nullopt
// when it does not parse.
using Values = std::map<std::string, std::string>;

std::optional<Values> parse_front_matter(std::string_view bytes) {
    DocumentLayout l = markdown_layout(bytes);
    Values out;
    try {
        if (l.front_matter == FrontMatterKind::yaml) {
            YAML::Node node = YAML::Load(
                std::string(bytes.substr(l.content_begin, l.content_end - l.content_begin)));
            if (!node.IsMap() && !node.IsNull())
                return std::nullopt;
            for (const auto& kv : node)
                if (kv.second.IsScalar())
                    out[kv.first.as<std::string>()] = kv.second.as<std::string>();
        } else if (l.front_matter == FrontMatterKind::toml) {
            toml::table table =
                toml::parse(bytes.substr(l.content_begin, l.content_end - l.content_begin));
            for (const auto& [key, value] : table)
                if (const auto* s = value.as_string())
                    out[std::string(key.str())] = s->get();
        } else if (l.front_matter == FrontMatterKind::json) {
            nlohmann::json json = nlohmann::json::parse(
                bytes.substr(l.content_begin, l.content_end - l.content_begin));
            for (const auto& [key, value] : json.items())
                if (value.is_string())
                    out[key] = value.get<std::string>();
        }
    } catch (const std::exception&) {
        return std::nullopt;
    }
    return out;
}

// Front-matter stamps must read back, through real parsers, as the notice.
void check_front_matter_values(const std::string& original, const std::string& stamped_bytes,
                               const std::vector<Notice>& notices, const Placement& placement) {
    if (placement.markdown != MarkdownPlacement::front_matter || !parse_front_matter(original) ||
        markdown_layout(original).front_matter == FrontMatterKind::none)
        return;
    std::optional<Values> values = parse_front_matter(stamped_bytes);
    ASSERT_TRUE(values) << "stamped front matter does not parse";
    for (const Notice& n : notices) {
        const std::string& key =
            n.kind == NoticeKind::archival ? placement.archival_key : placement.age_key;
        EXPECT_EQ((*values)[key], plain_text(n));
    }
}

void check_stamped(const std::string& original, const std::string& stamped_bytes,
                   const std::vector<Notice>& notices, const Placement& placement) {
    // Reversible.
    EXPECT_EQ(unstamp_all(stamped_bytes, placement), original);
    // Idempotent.
    Plan again = planned(stamped_bytes, notices, placement);
    EXPECT_TRUE(again.edits.empty());
    for (const StampChange& c : again.changes)
        EXPECT_EQ(c.change, Change::keep);
    // Findable, with the text that was decided.
    std::map<NoticeKind, FoundStamp> found = stamps_by_kind(stamped_bytes, placement);
    EXPECT_EQ(found.size(), notices.size());
    for (const Notice& n : notices)
        EXPECT_EQ(found[n.kind].text, plain_text(n));
    check_front_matter_values(original, stamped_bytes, notices, placement);
}

void check_change(const Plan& plan, const std::string& before_bytes, const std::string& after_bytes,
                  const std::vector<Notice>& before, const std::vector<Notice>& after,
                  const Placement& placement, bool placement_moved) {
    std::size_t expected_changes = 0;
    std::map<NoticeKind, FoundStamp> old_stamps = stamps_by_kind(before_bytes, placement);
    std::map<NoticeKind, FoundStamp> new_stamps = stamps_by_kind(after_bytes, placement);
    for (NoticeKind kind : {NoticeKind::archival, NoticeKind::age}) {
        const Notice* was = notice_of(before, kind);
        const Notice* now = notice_of(after, kind);
        if (!was && !now)
            continue;
        ASSERT_LT(expected_changes, plan.changes.size());
        const StampChange& c = plan.changes[expected_changes++];
        EXPECT_EQ(c.kind, kind);
        if (!now) {
            EXPECT_EQ(c.change, Change::remove);
        } else if (!was) {
            EXPECT_EQ(c.change, Change::add);
        } else if (plain_text(*was) != plain_text(*now) || placement_moved) {
            EXPECT_EQ(c.change, Change::update);
        } else if ((notice_of(before, other(kind)) == nullptr) ==
                   (notice_of(after, other(kind)) == nullptr)) {
            EXPECT_EQ(c.change, Change::keep);
        }
        if (c.change == Change::keep) {
            EXPECT_EQ(old_stamps[kind].region, new_stamps[kind].region);
        }
    }
    EXPECT_EQ(plan.changes.size(), expected_changes);
}

TEST(StampProperty, PromisesHoldForGeneratedFiles) {
    Generator gen(20141219);
    for (int i = 0; i < 3000; ++i) {
        std::string original = gen.file();
        Placement placement = gen.placement();
        std::vector<Notice> before = gen.notices();
        std::vector<Notice> after = gen.notices();
        bool moved = gen.one_in(5);
        Placement later = placement;
        if (moved)
            later.markdown = placement.markdown == MarkdownPlacement::body_top
                                 ? MarkdownPlacement::front_matter
                                 : MarkdownPlacement::body_top;
        moved = moved && markdown_layout(original).front_matter != FrontMatterKind::none;
        SCOPED_TRACE("case " + std::to_string(i) + ": " + visible(original));

        Plan first = planned(original, before, placement);
        for (const Edit& e : first.edits)
            EXPECT_EQ(e.length, 0u);  // stamping only inserts
        std::string s1 = apply_edits(original, first.edits);
        check_stamped(original, s1, before, placement);

        Plan second = planned(s1, after, later);
        std::string s2 = apply_edits(s1, second.edits);
        check_stamped(original, s2, after, later);
        check_change(second, s1, s2, before, after, later, moved);
        // Adding, updating and removing leave the bytes exactly as stamping the
        // original with the new notices would.
        EXPECT_EQ(s2, apply_edits(original, planned(original, after, later).edits));
        if (::testing::Test::HasFailure())
            break;
    }
}

}  // namespace
}  // namespace archtag::stamp
