#include "article/html/html_reader.h"

#include <fmt/format.h>
#include <algorithm>
#include <array>

#include "article/html/date_text.h"
#include "article/html/json_ld.h"
#include "article/html/page_encoding.h"
#include "article/html/page_facts.h"
#include "article/path_date.h"
#include "article/text_checks.h"
#include "util/strings.h"

namespace archtag::article {

namespace {

// A <meta> key that states a date, in order of trust within its role.
struct DateMeta {
    std::string_view key;  // as the source name spells it
    DateRole role;
    bool itemprop = false;  // matched against itemprop=, not name=/property=
};

constexpr std::array k_date_metas = {
    DateMeta{"article:published_time", DateRole::published},
    DateMeta{"pubdate", DateRole::published},
    DateMeta{"publishdate", DateRole::published},
    DateMeta{"date", DateRole::published},
    DateMeta{"DC.date.issued", DateRole::published},
    DateMeta{"dcterms.issued", DateRole::published},
    DateMeta{"dcterms.created", DateRole::published},
    DateMeta{"DC.date", DateRole::published},
    DateMeta{"sailthru.date", DateRole::published},
    DateMeta{"parsely-pub-date", DateRole::published},
    DateMeta{"og:published_time", DateRole::published},
    DateMeta{"datePublished", DateRole::published, true},
    DateMeta{"article:modified_time", DateRole::modified},
    DateMeta{"og:updated_time", DateRole::modified},
    DateMeta{"dcterms.modified", DateRole::modified},
    DateMeta{"DC.date.modified", DateRole::modified},
    DateMeta{"last-modified", DateRole::modified},
    DateMeta{"dateModified", DateRole::modified, true},
};

const MetaTag* find_meta(const PageFacts& facts, std::string_view key, bool itemprop) {
    for (const MetaTag& m : facts.metas)
        if ((m.attribute == "itemprop") == itemprop && iequals(m.key, key) && !m.content.empty())
            return &m;
    return nullptr;
}

class Reader {
  public:
    Reader(std::string_view path, const PageFacts& facts, Document& doc)
        : m_path(path), m_facts(facts), m_doc(doc) {}

    void read() {
        read_json_ld_blocks();
        read_fields();
        read_dates();
    }

  private:
    void flag(FlagLevel level, std::string code, std::string message) {
        m_doc.flags.push_back({level, std::move(code), std::move(message)});
    }

    void read_json_ld_blocks() {
        for (const Script& script : m_facts.json_ld) {
            auto articles = read_json_ld(script.text);
            if (!articles) {
                flag(FlagLevel::warning, "bad-json-ld",
                     fmt::format("line {}: the JSON-LD block is not JSON, even read leniently "
                                 "({}); it was skipped",
                                 script.line, articles.error().message));
                continue;
            }
            for (JsonLdArticle& a : *articles)
                m_json_ld.push_back({std::move(a), script.line});
        }
    }

    // Values of one canonical key, most trusted first, each value once.
    void add(const std::string& key, std::string_view value, int line) {
        value = trim(value);
        if (value.empty())
            return;
        std::vector<FieldValue>& values = m_doc.fields[key];
        for (const FieldValue& v : values)
            if (v.value == value)
                return;
        values.push_back({std::string(value), line});
    }

    void add_meta(const std::string& key, std::string_view meta_key) {
        for (const MetaTag& m : m_facts.metas)
            if (m.attribute != "itemprop" && iequals(m.key, meta_key))
                add(key, m.content, m.line);
    }

    void read_fields() {
        add_meta("title", "og:title");
        for (const auto& [a, line] : m_json_ld)
            add("title", a.headline, line);
        add("title", m_facts.title, m_facts.title_line);

        for (const auto& [a, line] : m_json_ld)
            add("publication", a.publisher, line);
        add_meta("publication", "og:site_name");

        add("language", m_facts.lang, m_facts.lang_line);
        add_meta("language", "content-language");
        for (const auto& [a, line] : m_json_ld)
            add("language", a.language, line);

        add_meta("section", "article:section");
        for (const auto& [a, line] : m_json_ld)
            add("section", a.section, line);

        add_meta("tags", "article:tag");
        for (const auto& [a, line] : m_json_ld)
            for (const std::string& k : a.keywords)
                add("tags", k, line);

        for (const auto& [a, line] : m_json_ld)
            add("type", a.type, line);
        add_meta("type", "og:type");

        add("canonical", m_facts.canonical, m_facts.canonical_line);
        add_meta("canonical", "og:url");

        auto lang = m_doc.fields.find("language");
        if (lang != m_doc.fields.end())
            m_lang = lang->second.front().value;
    }

    // A candidate from a date as written; placeholders and unreadable text
    // are flagged (when `flag_bad`) and left out.
    void add_date(std::string_view text, std::string source, int line, Confidence confidence,
                  DateRole role, bool flag_bad) {
        if (trim(text).empty())
            return;
        if (is_placeholder_text(text)) {
            placeholder(text, source, line);
            return;
        }
        auto read = parse_date_text(text, m_lang);
        if (!read) {
            if (flag_bad)
                flag(FlagLevel::warning, "bad-date",
                     fmt::format("{} at line {}: {}", source, line, read.error().message));
            return;
        }
        if (is_placeholder_date(read->timestamp)) {
            placeholder(text, source, line);
            return;
        }
        add_candidate(std::move(*read), std::move(source), line, confidence, role);
    }

    void add_candidate(DateText read, std::string source, int line, Confidence confidence,
                       DateRole role) {
        if (read.ambiguous)
            confidence = Confidence::low;
        for (const DateCandidate& c : m_doc.dates)
            if (c.source == source && c.timestamp.text == read.timestamp.text && c.role == role)
                return;
        m_doc.dates.push_back(
            {std::move(read.timestamp), std::move(source), line, read.note, confidence, role});
    }

    void placeholder(std::string_view text, const std::string& source, int line) {
        flag(FlagLevel::info, "placeholder-date",
             fmt::format("{} at line {}: '{}' is a placeholder, not a date; ignored", source, line,
                         trim(text)));
    }

    void read_dates() {
        for (DateRole role : {DateRole::published, DateRole::modified}) {
            json_ld_dates(role);
            meta_dates(role);
            time_dates(role);
            if (role == DateRole::published) {
                url_date();
                path_date();
            }
            dateline(role);
        }
    }

    void json_ld_dates(DateRole role) {
        bool published = role == DateRole::published;
        for (const auto& [a, line] : m_json_ld)
            add_date(published ? a.date_published : a.date_modified,
                     published ? "json-ld:datePublished" : "json-ld:dateModified", line,
                     Confidence::high, role, true);
    }

    void meta_dates(DateRole role) {
        for (const DateMeta& d : k_date_metas) {
            if (d.role != role)
                continue;
            if (const MetaTag* m = find_meta(m_facts, d.key, d.itemprop))
                add_date(m->content, fmt::format("{}:{}", d.itemprop ? "itemprop" : "meta", d.key),
                         m->line, Confidence::high, role, true);
        }
    }

    static bool says_modified(std::string_view marks) {
        bool modified = marks.find("updated") != marks.npos || marks.find("modified") != marks.npos;
        return modified && marks.find("published") == marks.npos;
    }

    // The elements inside the article, or <main>, or anywhere when the page
    // has neither.
    std::vector<const DatedElement*> in_scope(const std::vector<DatedElement>& all) const {
        std::vector<const DatedElement*> out;
        for (const DatedElement& e : all)
            if (m_facts.has_article ? e.in_article : (!m_facts.has_main || e.in_main))
                out.push_back(&e);
        return out;
    }

    void time_dates(DateRole role) {
        for (const DatedElement* e : in_scope(m_facts.times)) {
            if (says_modified(e->marks) != (role == DateRole::modified))
                continue;
            std::size_t before = m_doc.dates.size();
            add_date(e->datetime, "time[datetime]", e->line, Confidence::high, role, false);
            if (m_doc.dates.size() > before)
                return;
        }
    }

    void located_date(std::string_view where, std::string source, int line) {
        auto found = date_from_path(where);
        if (!found)
            return;
        auto ts = parse_timestamp(found->iso);
        if (!ts)
            return;
        ts->text = found->text;
        if (is_placeholder_date(*ts)) {
            placeholder(found->text, source, line);
            return;
        }
        add_candidate(plain_date_text(std::move(*ts)), std::move(source), line, Confidence::medium,
                      DateRole::published);
    }

    void url_date() {
        auto url = m_doc.fields.find("canonical");
        if (url == m_doc.fields.end())
            return;
        for (const FieldValue& v : url->second) {
            std::size_t before = m_doc.dates.size();
            located_date(url_path(v.value), "url", v.line);
            if (m_doc.dates.size() > before)
                return;
        }
    }

    // "https://example.com/2014/12/19/slug/?a=b" -> "/2014/12/19/slug/".
    static std::string_view url_path(std::string_view url) {
        std::size_t scheme = url.find("://");
        if (scheme != url.npos) {
            std::size_t slash = url.find('/', scheme + 3);
            url = slash == url.npos ? std::string_view() : url.substr(slash);
        }
        return url.substr(0, url.find_first_of("?#"));
    }

    void path_date() {
        auto found = date_from_path(m_path);
        if (found)
            located_date(m_path, found->source, 0);
    }

    static bool modified_words_before(std::string_view text, std::size_t at) {
        std::string before =
            to_lower(text.substr(at > 24 ? at - 24 : 0, std::min<std::size_t>(at, 24)));
        for (std::string_view w : {"updated", "modified", "aktualisiert", "mis à jour",
                                   "actualizado", "edited", "geändert"})
            if (before.find(w) != std::string::npos)
                return true;
        return false;
    }

    bool dateline_in(const std::vector<const DatedElement*>& elements, DateRole role) {
        for (const DatedElement* e : elements) {
            auto found = find_date_in_text(e->text, m_lang);
            if (!found)
                continue;
            bool modified = says_modified(e->marks) || modified_words_before(e->text, found->begin);
            if (modified != (role == DateRole::modified))
                continue;
            if (is_placeholder_date(found->timestamp)) {
                placeholder(found->timestamp.text, "dateline", e->line);
                continue;
            }
            add_candidate(std::move(*found), "dateline", e->line, Confidence::low, role);
            return true;
        }
        return false;
    }

    // Older archives often state the date only in a visible byline.
    void dateline(DateRole role) {
        if (dateline_in(in_scope(m_facts.datelines), role))
            return;
        std::vector<const DatedElement*> all;
        for (const DatedElement& e : m_facts.datelines)
            all.push_back(&e);
        dateline_in(all, role);
    }

    struct Placed {
        JsonLdArticle article;
        int line;
    };

    std::string_view m_path;
    const PageFacts& m_facts;
    Document& m_doc;
    std::vector<Placed> m_json_ld;
    std::string m_lang;
};

Error too_large(std::string_view path, std::size_t size) {
    return make_error(std::string(path),
                      fmt::format("the page is {} bytes; archtag reads HTML pages of at most "
                                  "16 MiB ({} bytes)",
                                  with_thousands(size), with_thousands(k_max_html_bytes)));
}

Flag invalid_utf8_flag(std::string_view bytes, std::size_t offset) {
    return {
        FlagLevel::warning, "invalid-utf8",
        fmt::format("line {}: byte 0x{:02X} is not UTF-8, which the page is read as",
                    line_column_at(bytes, offset).line, static_cast<unsigned char>(bytes[offset]))};
}

}  // namespace

Expected<Document> parse_html(std::string_view path, std::string_view bytes) {
    if (bytes.size() > k_max_html_bytes)
        return fail(too_large(path, bytes.size()));
    Document doc;
    doc.layout.format = Format::html;
    doc.layout.bom = bytes.starts_with("\xEF\xBB\xBF");
    doc.layout.newline = std::string(detect_newline(bytes));
    auto encoding = page_encoding(path, bytes);
    if (!encoding)
        return fail(encoding.error());
    doc.layout.encoding = *encoding;

    Expected<PageFacts> facts = fail(Error{});
    if (doc.layout.encoding == "utf-8") {
        std::size_t bom = doc.layout.bom ? 3 : 0;
        if (auto bad = first_invalid_utf8(bytes))
            doc.flags.push_back(invalid_utf8_flag(bytes, *bad));
        facts = read_page_facts(path, bytes.substr(bom), bytes,
                                [bom](std::size_t offset) { return offset + bom; });
    } else {
        Transcoded text(bytes);
        facts = read_page_facts(path, text.utf8(), bytes, [&text](std::size_t offset) {
            return text.original_offset(offset);
        });
    }
    if (!facts)
        return fail(facts.error());
    doc.layout.elements = std::move(facts->elements);
    Reader(path, *facts, doc).read();
    return doc;
}

}  // namespace archtag::article
