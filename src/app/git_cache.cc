// The cache file: a header line, then netstrings ("<length>:<bytes>,") so
// that paths, which are bytes and may hold new lines, need no escaping.
#include "app/git_cache.h"

#include <fmt/format.h>

#include <array>
#include <boost/filesystem.hpp>
#include <charconv>

#include "policy/digest.h"
#include "util/file.h"

namespace archtag::app {

namespace {

constexpr std::string_view k_header = "archtag-cache 1\n";
constexpr std::uint64_t k_max_cache_bytes = 1ull << 30;

void put(std::string& out, std::string_view field) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
    out += ',';
}

void put_number(std::string& out, std::int64_t n) {
    put(out, std::to_string(n));
}

std::int64_t seconds(Instant t) {
    return t.time_since_epoch().count();
}

class Reader {
  public:
    explicit Reader(std::string_view bytes) : m_rest(bytes) {}
    bool done() const { return m_rest.empty(); }

    Expected<std::string> field() {
        std::size_t colon = m_rest.find(':');
        std::size_t length = 0;
        if (colon == m_rest.npos || colon == 0 || colon > 12)
            return fail(bad("expected a field length"));
        auto [end, ec] = std::from_chars(m_rest.data(), m_rest.data() + colon, length);
        if (ec != std::errc() || end != m_rest.data() + colon)
            return fail(bad("expected a field length"));
        if (m_rest.size() < colon + 1 + length + 1 || m_rest[colon + 1 + length] != ',')
            return fail(bad("a field runs past the end of the file"));
        std::string out(m_rest.substr(colon + 1, length));
        m_rest.remove_prefix(colon + 2 + length);
        return out;
    }

    Expected<std::int64_t> number() {
        auto text = field();
        if (!text)
            return fail(text.error());
        std::int64_t n = 0;
        auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
        if (ec != std::errc() || end != text->data() + text->size())
            return fail(bad(fmt::format("'{}' is not a number", *text)));
        return n;
    }

    template <typename Enum>
    Expected<Enum> enumerator(int last) {
        auto n = number();
        if (!n)
            return fail(n.error());
        if (*n < 0 || *n > last)
            return fail(bad(fmt::format("{} is not a known value", *n)));
        return static_cast<Enum>(*n);
    }

  private:
    static Error bad(const std::string& what) { return make_error("", what); }
    std::string_view m_rest;
};

// The decision's words the printers use (not its trace, which only
// `explain` shows and which is never cached).
template <typename D>  // Decision or const Decision
auto decision_words(D& d) {
    return std::array{&d.era,           &d.owner,         &d.era_name, &d.owner_now,
                      &d.era_now_start, &d.published_day, &d.age,      &d.exempt_reason};
}

void encode_decision(std::string& out, const Decision& d) {
    for (const std::string* word : decision_words(d))
        put(out, *word);
    put_number(out, static_cast<std::int64_t>(d.notices.size()));
    for (const Notice& n : d.notices) {
        put_number(out, static_cast<int>(n.kind));
        for (const std::string* text : {&n.text, &n.lang, &n.link_url, &n.link_text})
            put(out, *text);
    }
}

void encode_result(std::string& out, const ArticleResult& r) {
    put_number(out, r.format ? static_cast<int>(*r.format) : -1);
    put(out, r.policy);
    put(out, r.publication);
    const ArticleMeta* m = r.meta ? &*r.meta : nullptr;
    put(out, m ? m->title : "");
    put(out, m && m->published ? m->published->iso() : "");
    put(out, m ? m->published_source : "");
    put_number(out, m ? static_cast<int>(m->published_confidence) : 0);
    encode_decision(out, r.decision);
    put_number(out, static_cast<std::int64_t>(r.plan.changes.size()));
    for (const StampChange& c : r.plan.changes) {
        put_number(out, static_cast<int>(c.kind));
        put_number(out, static_cast<int>(c.change));
        put(out, c.text);
    }
    put_number(out, static_cast<std::int64_t>(r.decision.flags.size()));
    for (const Flag& f : r.decision.flags) {
        put_number(out, static_cast<int>(f.level));
        put(out, f.code);
        put(out, f.message);
    }
}

// Assigns each field read in order; the first failure is returned.
#define ARCHTAG_READ(target, expr)  \
    do {                            \
        auto v = (expr);            \
        if (!v)                     \
            return fail(v.error()); \
        target = std::move(*v);     \
    } while (false)

Status decode_changes(Reader& in, Plan& plan) {
    std::int64_t count = 0;
    ARCHTAG_READ(count, in.number());
    for (std::int64_t i = 0; i < count; ++i) {
        StampChange c;
        ARCHTAG_READ(c.kind, in.enumerator<NoticeKind>(static_cast<int>(NoticeKind::age)));
        ARCHTAG_READ(c.change, in.enumerator<Change>(static_cast<int>(Change::keep)));
        ARCHTAG_READ(c.text, in.field());
        plan.changes.push_back(std::move(c));
    }
    return ok();
}

Status decode_flags(Reader& in, std::vector<Flag>& flags) {
    std::int64_t count = 0;
    ARCHTAG_READ(count, in.number());
    for (std::int64_t i = 0; i < count; ++i) {
        Flag f;
        ARCHTAG_READ(f.level, in.enumerator<FlagLevel>(static_cast<int>(FlagLevel::error)));
        ARCHTAG_READ(f.code, in.field());
        ARCHTAG_READ(f.message, in.field());
        flags.push_back(std::move(f));
    }
    return ok();
}

Status decode_notices(Reader& in, std::vector<Notice>& notices) {
    std::int64_t count = 0;
    ARCHTAG_READ(count, in.number());
    for (std::int64_t i = 0; i < count; ++i) {
        Notice n;
        ARCHTAG_READ(n.kind, in.enumerator<NoticeKind>(static_cast<int>(NoticeKind::age)));
        for (std::string* text : {&n.text, &n.lang, &n.link_url, &n.link_text})
            ARCHTAG_READ(*text, in.field());
        notices.push_back(std::move(n));
    }
    return ok();
}

Status decode_meta(Reader& in, ArticleResult& r) {
    ArticleMeta m;
    std::string published;
    ARCHTAG_READ(m.title, in.field());
    ARCHTAG_READ(published, in.field());
    ARCHTAG_READ(m.published_source, in.field());
    ARCHTAG_READ(m.published_confidence,
                 in.enumerator<Confidence>(static_cast<int>(Confidence::high)));
    if (!published.empty()) {
        auto ts = parse_timestamp(published);
        if (!ts)
            return fail(make_error("", fmt::format("'{}' is not a timestamp", published)));
        m.published = *ts;
    }
    m.path = r.path;
    if (r.format)
        m.format = *r.format;
    r.meta = std::move(m);
    return ok();
}

Status decode_result(Reader& in, ArticleResult& r) {
    std::int64_t format = 0;
    ARCHTAG_READ(format, in.number());
    if (format < -1 || format > static_cast<int>(Format::xml))
        return fail(make_error("", fmt::format("{} is not a known format", format)));
    if (format >= 0)
        r.format = static_cast<Format>(format);
    ARCHTAG_READ(r.policy, in.field());
    ARCHTAG_READ(r.publication, in.field());
    if (Status s = decode_meta(in, r); !s)
        return s;
    for (std::string* word : decision_words(r.decision))
        ARCHTAG_READ(*word, in.field());
    if (Status s = decode_notices(in, r.decision.notices); !s)
        return s;
    if (Status s = decode_changes(in, r.plan); !s)
        return s;
    return decode_flags(in, r.decision.flags);
}

}  // namespace

std::string sweep_digest(const Setup& setup, std::string_view command) {
    std::string all;
    put(all, ARCHTAG_VERSION);
    put(all, command);
    for (const Policy& p : setup.policies) {
        put(all, p.id);
        put(all, p.digest);
    }
    for (const std::string& file : setup.rules.files) {
        auto bytes = read_file(file);
        put(all, file);
        put(all, bytes ? policy::digest(*bytes) : "unreadable");
    }
    return policy::digest(all);
}

std::string SweepCache::file_in(const std::string& git_dir) {
    return git_dir + "/archtag/cache-v1";
}

const CachedOutcome* SweepCache::entry(const std::string& path) const {
    auto it = m_entries.find(path);
    return it == m_entries.end() ? nullptr : &it->second;
}

const CachedOutcome* SweepCache::find(const std::string& path, const std::string& blob,
                                      Instant as_of) const {
    const CachedOutcome* e = entry(path);
    if (!e || e->blob != blob || as_of < e->valid_from || as_of >= e->valid_until)
        return nullptr;
    return e;
}

void SweepCache::remember(const std::string& path, CachedOutcome outcome) {
    outcome.result.path.clear();  // the report path depends on the archive folder
    m_entries.insert_or_assign(path, std::move(outcome));
}

std::string SweepCache::encode() const {
    std::string out(k_header);
    put(out, m_digest);
    for (const auto& [path, e] : m_entries) {
        put(out, path);
        put(out, e.blob);
        put_number(out, seconds(e.valid_from));
        put_number(out, seconds(e.valid_until));
        encode_result(out, e.result);
    }
    return out;
}

Expected<SweepCache> SweepCache::decode(std::string_view bytes) {
    if (bytes.substr(0, k_header.size()) != k_header)
        return fail(make_error("", "not an archtag cache of version 1"));
    Reader in(bytes.substr(k_header.size()));
    std::string digest;
    ARCHTAG_READ(digest, in.field());
    SweepCache cache(digest);
    while (!in.done()) {
        std::string path;
        CachedOutcome e;
        std::int64_t from = 0, until = 0;
        ARCHTAG_READ(path, in.field());
        ARCHTAG_READ(e.blob, in.field());
        ARCHTAG_READ(from, in.number());
        ARCHTAG_READ(until, in.number());
        e.valid_from = Instant{std::chrono::seconds{from}};
        e.valid_until = Instant{std::chrono::seconds{until}};
        if (Status s = decode_result(in, e.result); !s)
            return fail(s.error());
        cache.m_entries.emplace(std::move(path), std::move(e));
    }
    return cache;
}

#undef ARCHTAG_READ

SweepCache SweepCache::load(const std::string& git_dir, const std::string& digest,
                            std::string& note) {
    note.clear();
    std::string file = file_in(git_dir);
    boost::system::error_code ec;
    if (!boost::filesystem::exists(file, ec))
        return SweepCache(digest);
    auto bytes = read_file(file, k_max_cache_bytes);
    if (!bytes) {
        note = fmt::format("{}: ignored: {}", file, bytes.error().message);
        return SweepCache(digest);
    }
    auto cache = decode(*bytes);
    if (!cache) {
        note = fmt::format("{}: ignored (every article is read again): {}", file,
                           cache.error().message);
        return SweepCache(digest);
    }
    if (cache->digest() != digest)
        return SweepCache(digest);  // policies, rules or archtag changed: start afresh
    return std::move(*cache);
}

Status SweepCache::save(const std::string& git_dir) const {
    boost::system::error_code ec;
    boost::filesystem::create_directories(git_dir + "/archtag", ec);
    if (ec)
        return fail(make_error(git_dir + "/archtag", ec.message()));
    return write_file_atomic(file_in(git_dir), encode());
}

}  // namespace archtag::app
