// The one place that walks gumbo's tree. The walk is iterative: pages can
// nest deeper than a recursive walk could follow.
#include "article/html/page_facts.h"

#include <fmt/format.h>
#include <gumbo.h>
#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <memory_resource>
#include <optional>

#include "util/strings.h"

namespace archtag::article {

namespace {

// gumbo checks the stack of open elements for each start tag, so its time
// grows with the sum of the nesting depths; this bounds it to a few seconds.
constexpr std::uint64_t k_max_nesting_cost = 200'000'000;
// Longer than this is a container, not a dateline.
constexpr std::size_t k_max_dateline = 300;

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '_';
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that never nest: void ones, and ones whose end tag the parser
// implies when the next one starts.
bool never_nests(std::string_view name) {
    return one_of(name, {"area",   "base",  "br",       "col",     "embed", "hr",       "img",
                         "input",  "link",  "meta",     "source",  "track", "wbr",      "param",
                         "keygen", "p",     "li",       "dt",      "dd",    "option",   "optgroup",
                         "tr",     "td",    "th",       "a",       "rt",    "rp",       "tbody",
                         "thead",  "tfoot", "colgroup", "caption", "frame", "basefont", "bgsound"});
}

bool is_raw_text(std::string_view name) {
    return one_of(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                         "noframes", "plaintext"});
}

// An estimate of gumbo's work from the tags alone (sum of depths).
std::uint64_t nesting_cost(std::string_view s) {
    std::uint64_t depth = 0, cost = 0;
    std::size_t i = 0;
    while ((i = s.find('<', i)) != std::string_view::npos) {
        ++i;
        if (s.substr(i).starts_with("!--")) {
            std::size_t end = s.find("-->", i);
            i = end == std::string_view::npos ? s.size() : end + 3;
            continue;
        }
        bool closing = i < s.size() && s[i] == '/';
        if (closing)
            ++i;
        std::size_t start = i;
        while (i < s.size() && is_name_char(s[i]))
            ++i;
        if (i == start)
            continue;
        std::string name = to_lower(s.substr(start, i - start));
        std::size_t gt = s.find('>', i);
        bool self_closing = gt != std::string_view::npos && gt > 0 && s[gt - 1] == '/';
        if (closing) {
            if (!never_nests(name) && depth > 0)
                --depth;
            continue;
        }
        if (is_raw_text(name)) {
            std::size_t end =
                ifind(s.substr(0, std::min<std::size_t>(s.size(), i + (1 << 20))), "</" + name, i);
            i = end == std::string_view::npos ? s.size() : end;
            continue;
        }
        if (!never_nests(name) && !self_closing)
            ++depth;
        cost += depth;
    }
    return cost;
}

std::string_view attribute(const GumboElement& e, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    return a ? std::string_view(a->value) : std::string_view();
}

std::string tag_name(const GumboElement& e) {
    if (e.tag != GUMBO_TAG_UNKNOWN)
        return gumbo_normalized_tagname(e.tag);
    GumboStringPiece piece = e.original_tag;
    if (piece.length == 0)
        return {};
    gumbo_tag_from_original_text(&piece);
    return to_lower(std::string_view(piece.data, piece.length));
}

// Blanks (and no-break spaces) collapsed to one space, trimmed.
void append_collapsed(std::string& out, std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
            if (nbsp)
                ++i;
        } else {
            out += c;
        }
    }
}

// The visible text under `node`, collapsed; stops early past `limit` bytes.
std::string text_of(const GumboNode* node, std::size_t limit) {
    std::string out;
    std::vector<const GumboNode*> stack{node};
    while (!stack.empty() && out.size() <= limit) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
            n->type == GUMBO_NODE_CDATA) {
            append_collapsed(out, n->v.text.text);
            continue;
        }
        if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE)
            continue;
        GumboTag tag = n->v.element.tag;
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE)
            continue;
        if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV ||
            tag == GUMBO_TAG_LI)
            append_collapsed(out, " ");
        const GumboVector& kids = n->v.element.children;
        for (unsigned i = kids.length; i-- > 0;)
            stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
    return std::string(trim(out));
}

std::string raw_text_of(const GumboElement& e) {
    std::string out;
    for (unsigned i = 0; i < e.children.length; ++i) {
        auto* kid = static_cast<const GumboNode*>(e.children.data[i]);
        if (kid->type == GUMBO_NODE_TEXT || kid->type == GUMBO_NODE_WHITESPACE ||
            kid->type == GUMBO_NODE_CDATA)
            out += kid->v.text.text;
    }
    return out;
}

bool has_token(std::string_view list, std::string_view token) {
    for (const std::string& t : split_words(list))
        if (iequals(t, token))
            return true;
    return false;
}

bool says_date(std::string_view marks) {
    for (std::string_view w : {"date", "time", "byline", "published", "posted", "datum", "fecha"})
        if (marks.find(w) != std::string_view::npos)
            return true;
    return false;
}

struct Frame {
    const GumboNode* node;
    int depth;
    bool in_article;
    bool in_main;
};

class Walker {
  public:
    Walker(std::string_view utf8, std::string_view file, const OffsetMap& to_original)
        : m_utf8(utf8), m_to_original(to_original) {
        for (std::size_t i = file.find('\n'); i != std::string_view::npos;
             i = file.find('\n', i + 1))
            m_newlines.push_back(i);
    }

    PageFacts walk(const GumboNode* root) {
        std::vector<Frame> stack{{root, 0, false, false}};
        while (!stack.empty()) {
            Frame f = stack.back();
            stack.pop_back();
            if (f.node->type != GUMBO_NODE_ELEMENT && f.node->type != GUMBO_NODE_TEMPLATE)
                continue;
            const GumboElement& e = f.node->v.element;
            bool first_article = e.tag == GUMBO_TAG_ARTICLE && !m_facts.has_article;
            visit(f, e);
            bool in_article = f.in_article || first_article;
            bool in_main = f.in_main || e.tag == GUMBO_TAG_MAIN;
            for (unsigned i = e.children.length; i-- > 0;)
                stack.push_back({static_cast<const GumboNode*>(e.children.data[i]), f.depth + 1,
                                 in_article, in_main});
        }
        return std::move(m_facts);
    }

  private:
    bool inside(const char* p) const {
        return p && p >= m_utf8.data() && p <= m_utf8.data() + m_utf8.size();
    }
    std::size_t original(std::size_t utf8_offset) const {
        return m_to_original(std::min(utf8_offset, m_utf8.size()));
    }
    std::size_t original(const char* p) const {
        return original(static_cast<std::size_t>(p - m_utf8.data()));
    }
    int line_at(std::size_t offset) const {
        auto it = std::lower_bound(m_newlines.begin(), m_newlines.end(), offset);
        return static_cast<int>(it - m_newlines.begin()) + 1;
    }

    // The end tag gumbo attached is this element's own only if its name matches.
    static bool own_end_tag(const GumboElement& e, const std::string& name) {
        std::string_view t(e.original_end_tag.data, e.original_end_tag.length);
        if (t.size() < name.size() + 3 || !t.starts_with("</"))
            return false;
        return iequals(t.substr(2, name.size()), name) && !is_name_char(t[2 + name.size()]);
    }

    ElementSpan span_of(const GumboElement& e, const std::string& name, int depth) const {
        ElementSpan s;
        s.tag = name;
        s.id = attribute(e, "id");
        s.classes = attribute(e, "class");
        s.depth = depth;
        if (e.original_tag.length > 0 && inside(e.original_tag.data)) {
            s.open_begin = original(e.original_tag.data);
            s.open_end = original(e.original_tag.data + e.original_tag.length);
        } else {
            s.open_begin = s.open_end = original(e.start_pos.offset);
        }
        if (e.original_end_tag.length > 0 && inside(e.original_end_tag.data) &&
            own_end_tag(e, name)) {
            s.close_begin = original(e.original_end_tag.data);
            s.close_end = original(e.original_end_tag.data + e.original_end_tag.length);
        } else {
            s.close_begin = s.close_end = original(e.end_pos.offset);
        }
        return s;
    }

    int line_of(const GumboElement& e) const {
        if (e.original_tag.length > 0 && inside(e.original_tag.data))
            return line_at(original(e.original_tag.data));
        return line_at(original(e.start_pos.offset));
    }

    void visit(const Frame& f, const GumboElement& e) {
        std::string name = tag_name(e);
        constexpr unsigned k_copied = GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT |
                                      GUMBO_INSERTION_ADOPTION_AGENCY_CLONED;
        bool copied = (f.node->parse_flags & k_copied) != 0;
        bool anchor = one_of(name, {"html", "head", "body", "article", "main"});
        if (!copied && (anchor || !attribute(e, "id").empty() || !attribute(e, "class").empty()))
            m_facts.elements.push_back(span_of(e, name, f.depth));
        if (e.tag == GUMBO_TAG_ARTICLE)
            m_facts.has_article = true;
        if (e.tag == GUMBO_TAG_MAIN)
            m_facts.has_main = true;
        if (e.tag_namespace != GUMBO_NAMESPACE_HTML)
            return;
        int line = line_of(e);
        switch (e.tag) {
            case GUMBO_TAG_HTML:
                if (m_facts.lang.empty() && !trim(attribute(e, "lang")).empty()) {
                    m_facts.lang = trim(attribute(e, "lang"));
                    m_facts.lang_line = line;
                }
                break;
            case GUMBO_TAG_TITLE:
                if (m_facts.title_line == 0) {
                    m_facts.title = text_of(f.node, 2000);
                    m_facts.title_line = line;
                }
                break;
            case GUMBO_TAG_META:
                read_meta(e, line);
                break;
            case GUMBO_TAG_LINK:
                if (m_facts.canonical.empty() && has_token(attribute(e, "rel"), "canonical")) {
                    m_facts.canonical = trim(attribute(e, "href"));
                    m_facts.canonical_line = line;
                }
                break;
            case GUMBO_TAG_SCRIPT:
                if (is_json_ld(attribute(e, "type")))
                    m_facts.json_ld.push_back({raw_text_of(e), line});
                break;
            default:
                break;
        }
        if (e.tag != GUMBO_TAG_META && !attribute(e, "itemprop").empty())
            read_itemprop(f, e, line);
        read_dated(f, e, line);
    }

    static bool is_json_ld(std::string_view type) {
        std::string t = to_lower(trim(type));
        return t == "application/ld+json" || t.starts_with("application/ld+json;");
    }

    void read_meta(const GumboElement& e, int line) {
        std::string_view content = attribute(e, "content");
        if (!gumbo_get_attribute(&e.attributes, "content"))
            content = attribute(e, "value");
        for (const char* attr : {"property", "name", "itemprop", "http-equiv"}) {
            std::string_view key = trim(attribute(e, attr));
            if (!key.empty()) {
                m_facts.metas.push_back({attr, std::string(key), std::string(trim(content)), line});
                return;
            }
        }
    }

    // <time itemprop="datePublished" datetime="...">, <span itemprop="datePublished"
    // content="...">, <span itemprop="dateModified">Dec 20, 2014</span>.
    void read_itemprop(const Frame& f, const GumboElement& e, int line) {
        std::string_view key = trim(attribute(e, "itemprop"));
        if (to_lower(key).find("date") == std::string::npos)
            return;
        std::string value(trim(attribute(e, "content")));
        if (value.empty())
            value = trim(attribute(e, "datetime"));
        if (value.empty())
            value = text_of(f.node, k_max_dateline);
        if (!value.empty() && value.size() <= k_max_dateline)
            m_facts.metas.push_back({"itemprop", std::string(key), value, line});
    }

    void read_dated(const Frame& f, const GumboElement& e, int line) {
        std::string marks = to_lower(fmt::format("{} {} {}", attribute(e, "class"),
                                                 attribute(e, "id"), attribute(e, "itemprop")));
        std::string_view datetime = trim(attribute(e, "datetime"));
        bool is_time = e.tag == GUMBO_TAG_TIME;
        if (is_time && !datetime.empty()) {
            m_facts.times.push_back({std::string(datetime), text_of(f.node, k_max_dateline), marks,
                                     f.in_article, f.in_main, line});
            return;
        }
        if (!is_time && !says_date(marks))
            return;
        std::string text = text_of(f.node, k_max_dateline);
        if (text.empty() || text.size() > k_max_dateline)
            return;
        m_facts.datelines.push_back({"", std::move(text), marks, f.in_article, f.in_main, line});
    }

    std::string_view m_utf8;
    const OffsetMap& m_to_original;
    std::vector<std::size_t> m_newlines;
    PageFacts m_facts;
};

// gumbo makes many small allocations and frees most of them again while it
// parses (growing buffers, per-token strings): for a page of ordinary size
// they come from one arena released in a piece, which took a third of the
// parse's time through malloc and free. Larger pages use malloc, so memory
// stays within a few times the page.
constexpr std::size_t k_arena_page_limit = 1u << 20;

class ParseArena {
  public:
    explicit ParseArena(std::size_t page_bytes) : m_memory(initial_size(page_bytes)) {}

    void use_for(GumboOptions& options) {
        options.allocator = [](void* self, std::size_t size) -> void* {
            return static_cast<ParseArena*>(self)->m_memory.allocate(std::max<std::size_t>(size, 1),
                                                                     alignof(std::max_align_t));
        };
        options.deallocator = [](void*, void*) {};  // released with the arena
        options.userdata = this;
    }

  private:
    static std::size_t initial_size(std::size_t page_bytes) {
        return std::max<std::size_t>(64u << 10, page_bytes * 8);
    }
    std::pmr::monotonic_buffer_resource m_memory;
};

struct OutputDeleter {
    const GumboOptions* options;
    bool in_arena;  // then the arena frees it all at once
    void operator()(GumboOutput* out) const {
        if (!in_arena)
            gumbo_destroy_output(options, out);
    }
};

}  // namespace

Expected<PageFacts> read_page_facts(std::string_view path, std::string_view utf8,
                                    std::string_view file, const OffsetMap& to_original) {
    if (nesting_cost(utf8) > k_max_nesting_cost)
        return fail(make_error(std::string(path),
                               "the page nests its elements too deeply to be read in reasonable "
                               "time; not an article archtag can read"));
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // errors are not used, and each one copies the open elements
    std::optional<ParseArena> arena;
    if (utf8.size() <= k_arena_page_limit)
        arena.emplace(utf8.size()).use_for(options);
    std::unique_ptr<GumboOutput, OutputDeleter> out(
        gumbo_parse_with_options(&options, utf8.data(), utf8.size()),
        OutputDeleter{&options, arena.has_value()});
    if (!out)
        return fail(make_error(std::string(path), "the HTML parser could not read the page"));
    return Walker(utf8, file, to_original).walk(out->root);
}

}  // namespace archtag::article
