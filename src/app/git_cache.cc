// The cache file: a header line, the digest, then one netstring per entry
// holding the entry's own netstrings (path, blob, validity, result), so a
// reader can take one entry at a time and a damaged one stops the reading
// there without mixing fields of two entries. A memo may follow the entries:
// a netstring starting with '!' (an entry starts with its path's length),
// then the memo's offset in 20 digits and a newline, so that a reader finds
// it from the end without reading the entries.
#include "app/git_cache.h"

#include <fmt/format.h>

#include <boost/filesystem.hpp>
#include <charconv>

#include "app/result_codec.h"
#include "policy/digest.h"

namespace archtag::app {

namespace {

constexpr std::string_view k_header = "archtag-cache 3\n";
constexpr char k_memo_mark = '!';
constexpr std::size_t k_memo_tail = 21;  // "%020u\n"
constexpr std::size_t k_max_entry_bytes = 64u << 20;

std::int64_t seconds(Instant t) {
    return t.time_since_epoch().count();
}

// One netstring from a stream; nullopt at a clean end; an error otherwise.
Expected<std::optional<std::string>> read_netstring(std::istream& in) {
    std::string digits;
    int c = 0;
    while ((c = in.get()) != std::char_traits<char>::eof() && c != ':') {
        if (c < '0' || c > '9' || digits.size() > 12)
            return fail(make_error("", "expected an entry length"));
        digits += static_cast<char>(c);
    }
    if (c == std::char_traits<char>::eof() && digits.empty())
        return std::optional<std::string>();
    std::size_t length = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), length);
    if (c != ':' || digits.empty() || ec != std::errc() || length > k_max_entry_bytes)
        return fail(make_error("", "expected an entry length"));
    std::string bytes(length, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(length));
    if (static_cast<std::size_t>(in.gcount()) != length || in.get() != ',')
        return fail(make_error("", "an entry runs past the end of the file"));
    return std::optional<std::string>(std::move(bytes));
}

Status decode_entry(std::string_view bytes, std::string& path, CachedOutcome& e) {
    FieldReader in(bytes);
    std::int64_t from = 0, until = 0;
    ARCHTAG_READ(path, in.field());
    ARCHTAG_READ(e.blob, in.field());
    ARCHTAG_READ(from, in.number());
    ARCHTAG_READ(until, in.number());
    e.valid_from = Instant{std::chrono::seconds{from}};
    e.valid_until = Instant{std::chrono::seconds{until}};
    if (Status s = decode_result(in, e.result); !s)
        return s;
    if (!in.done())
        return fail(make_error("", "an entry has more fields than expected"));
    return ok();
}

Status decode_memo(std::string_view bytes, SweepMemo& m) {
    FieldReader in(bytes);
    std::int64_t entries = 0, policies = 0;
    ARCHTAG_READ(m.tree, in.field());
    ARCHTAG_READ(m.scope, in.field());
    ARCHTAG_READ(entries, in.number());
    ARCHTAG_READ(policies, in.number());
    m.entries = static_cast<std::size_t>(std::max<std::int64_t>(0, entries));
    for (std::int64_t i = 0; i < policies; ++i) {
        std::string id;
        std::int64_t from = 0, until = 0;
        ARCHTAG_READ(id, in.field());
        ARCHTAG_READ(from, in.number());
        ARCHTAG_READ(until, in.number());
        m.by_policy[id] = {Instant{std::chrono::seconds{from}},
                           Instant{std::chrono::seconds{until}}};
    }
    if (!in.done())
        return fail(make_error("", "the memo has more fields than expected"));
    return ok();
}

std::string encode_memo(const SweepMemo& m) {
    std::string fields(1, k_memo_mark);
    put_field(fields, m.tree);
    put_field(fields, m.scope);
    put_number(fields, static_cast<std::int64_t>(m.entries));
    put_number(fields, static_cast<std::int64_t>(m.by_policy.size()));
    for (const auto& [id, span] : m.by_policy) {
        put_field(fields, id);
        put_number(fields, seconds(span.from));
        put_number(fields, seconds(span.until));
    }
    std::string framed;
    put_field(framed, fields);
    return framed;
}

// The file opened past its header, when it is a cache for `digest`;
// otherwise nullptr, and `note` says why when the file is not a cache.
std::unique_ptr<std::ifstream> open_for(const std::string& file, const std::string& digest,
                                        std::string& note) {
    boost::system::error_code ec;
    if (!boost::filesystem::exists(file, ec))
        return nullptr;
    auto in = std::make_unique<std::ifstream>(file, std::ios::binary);
    std::string header(k_header.size(), '\0');
    if (!in->read(header.data(), static_cast<std::streamsize>(header.size())) ||
        header != k_header) {
        note = fmt::format(
            "{}: ignored (every article is read again): not an archtag cache of version 3", file);
        return nullptr;
    }
    auto stored = read_netstring(*in);
    if (!stored || !*stored) {
        note = fmt::format("{}: ignored (every article is read again): {}", file,
                           stored ? "no digest" : stored.error().message);
        return nullptr;
    }
    if (**stored != digest)
        return nullptr;  // policies, rules or archtag changed: start afresh
    return in;
}

// The memo whose offset ends the file, if it is one.
std::optional<SweepMemo> read_memo_at_end(std::ifstream& in) {
    in.seekg(0, std::ios::end);
    auto size = static_cast<std::uint64_t>(in.tellg());
    if (!in || size < k_memo_tail)
        return std::nullopt;
    std::string tail(k_memo_tail, '\0');
    in.seekg(static_cast<std::streamoff>(size - k_memo_tail));
    if (!in.read(tail.data(), static_cast<std::streamsize>(tail.size())) || tail.back() != '\n')
        return std::nullopt;
    std::uint64_t at = 0;
    auto [end, ec] = std::from_chars(tail.data(), tail.data() + k_memo_tail - 1, at);
    if (ec != std::errc() || end != tail.data() + k_memo_tail - 1 || at >= size)
        return std::nullopt;
    in.seekg(static_cast<std::streamoff>(at));
    auto framed = read_netstring(in);
    SweepMemo memo;
    if (!framed || !*framed || (*framed)->empty() || (**framed)[0] != k_memo_mark ||
        static_cast<std::uint64_t>(in.tellg()) != size - k_memo_tail ||
        !decode_memo(std::string_view(**framed).substr(1), memo))
        return std::nullopt;
    return memo;
}

}  // namespace

void SweepMemo::add(const CachedOutcome& e) {
    ++entries;
    Span& span = by_policy[e.result.policy];
    span.from = std::max(span.from, e.valid_from);
    span.until = std::min(span.until, e.valid_until);
}

bool holds(const CachedOutcome& e, const std::string& blob, Instant as_of) {
    return e.blob == blob && as_of >= e.valid_from && as_of < e.valid_until;
}

std::string cache_file_in(const std::string& git_dir) {
    return git_dir + "/archtag/cache-v3";
}

std::string sweep_digest(const Setup& setup, std::string_view command,
                         std::string_view attributes) {
    std::string all;
    put_field(all, ARCHTAG_VERSION);
    put_field(all, command);
    put_field(all, attributes);
    for (const Policy& p : setup.policies) {
        put_field(all, p.id);
        put_field(all, p.digest);
    }
    for (const std::string& file : setup.rules.files) {
        auto bytes = read_file(file);
        put_field(all, file);
        put_field(all, bytes ? policy::digest(*bytes) : "unreadable");
    }
    return policy::digest(all);
}

CacheReader::CacheReader(CacheReader&&) noexcept = default;
CacheReader& CacheReader::operator=(CacheReader&&) noexcept = default;
CacheReader::~CacheReader() = default;

CacheReader CacheReader::open(const std::string& git_dir, const std::string& digest) {
    CacheReader r;
    r.m_file = cache_file_in(git_dir);
    r.m_in = open_for(r.m_file, digest, r.m_note);
    r.advance();
    return r;
}

std::optional<std::pair<SweepMemo, CacheReader>> CacheReader::open_with_memo(
    const std::string& git_dir, const std::string& digest) {
    CacheReader r;
    r.m_file = cache_file_in(git_dir);
    r.m_in = open_for(r.m_file, digest, r.m_note);
    if (!r.m_in)
        return std::nullopt;
    const std::streampos entries = r.m_in->tellg();
    std::optional<SweepMemo> memo = read_memo_at_end(*r.m_in);
    if (!memo)
        return std::nullopt;
    r.m_in->clear();
    r.m_in->seekg(entries);
    r.advance();
    return std::make_pair(std::move(*memo), std::move(r));
}

bool CacheReader::advance() {
    m_current.reset();
    if (!m_in)
        return false;
    auto record = read_netstring(*m_in);
    Status decoded = ok();
    CachedOutcome e;
    if (record && *record && !(*record)->empty() && (**record)[0] == k_memo_mark) {
        m_in.reset();  // the memo follows the last entry
        return false;
    }
    if (record && *record) {
        decoded = decode_entry(**record, m_path, e);
        e.record = std::move(**record);
    }
    if (!record || (*record && !decoded)) {
        m_note = fmt::format("{}: only partly used (the rest is read again): {}", m_file,
                             record ? decoded.error().message : record.error().message);
        m_in.reset();
        return false;
    }
    if (!*record) {
        m_in.reset();
        return false;
    }
    m_current = std::move(e);
    return true;
}

std::optional<CachedOutcome> CacheReader::next(std::string& path) {
    if (!m_current)
        return std::nullopt;
    path = m_path;
    std::optional<CachedOutcome> out = std::move(m_current);
    advance();
    return out;
}

const CachedOutcome* CacheReader::seek(const std::string& path) {
    while (m_current && m_path < path)
        advance();
    if (m_current && m_path == path)
        return &*m_current;
    return nullptr;
}

Expected<CacheWriter> CacheWriter::create(const std::string& git_dir, const std::string& digest) {
    boost::system::error_code ec;
    boost::filesystem::create_directories(git_dir + "/archtag", ec);
    if (ec)
        return fail(make_error(git_dir + "/archtag", ec.message()));
    auto file = AtomicFile::create(cache_file_in(git_dir));
    if (!file)
        return fail(file.error());
    std::string head(k_header);
    put_field(head, digest);
    if (Status s = file->append(head); !s)
        return fail(s.error());
    return CacheWriter(std::move(*file), git_dir, head.size());
}

Status CacheWriter::append(const std::string& bytes) {
    m_written += bytes.size();
    return m_file.append(bytes);
}

Status CacheWriter::add(const std::string& path, const CachedOutcome& e) {
    if (!m_last.empty() && path <= m_last)
        return fail(make_error(m_file.path(), fmt::format("entry {} out of order", path)));
    m_last = path;
    std::string framed;
    if (!e.record.empty()) {
        put_field(framed, e.record);
        return append(framed);
    }
    m_record.clear();
    put_field(m_record, path);
    put_field(m_record, e.blob);
    put_number(m_record, seconds(e.valid_from));
    put_number(m_record, seconds(e.valid_until));
    encode_result(m_record, e.result);
    put_field(framed, m_record);
    return append(framed);
}

Status CacheWriter::commit(const SweepMemo* memo) {
    if (memo) {
        std::string bytes = encode_memo(*memo);
        bytes += fmt::format("{:020}\n", m_written);
        if (Status s = append(bytes); !s)
            return s;
    }
    Status s = m_file.commit();
    if (s) {
        boost::system::error_code ignored;
        boost::filesystem::remove(m_git_dir + "/archtag/cache-v1", ignored);
        boost::filesystem::remove(m_git_dir + "/archtag/cache-v2", ignored);
    }
    return s;
}

}  // namespace archtag::app
