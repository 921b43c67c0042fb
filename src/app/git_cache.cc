// The cache file: a header line, the digest, then one netstring per entry
// holding the entry's own netstrings (path, blob, validity, result), so a
// reader can take one entry at a time and a damaged one stops the reading
// there without mixing fields of two entries.
#include "app/git_cache.h"

#include <fmt/format.h>

#include <boost/filesystem.hpp>
#include <charconv>

#include "app/result_codec.h"
#include "policy/digest.h"

namespace archtag::app {

namespace {

constexpr std::string_view k_header = "archtag-cache 2\n";
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

#define ARCHTAG_READ(target, expr)  \
    do {                            \
        auto v = (expr);            \
        if (!v)                     \
            return fail(v.error()); \
        target = std::move(*v);     \
    } while (false)

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

#undef ARCHTAG_READ

}  // namespace

bool holds(const CachedOutcome& e, const std::string& blob, Instant as_of) {
    return e.blob == blob && as_of >= e.valid_from && as_of < e.valid_until;
}

std::string cache_file_in(const std::string& git_dir) {
    return git_dir + "/archtag/cache-v2";
}

std::string sweep_digest(const Setup& setup, std::string_view command) {
    std::string all;
    put_field(all, ARCHTAG_VERSION);
    put_field(all, command);
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
CacheReader::~CacheReader() = default;

CacheReader CacheReader::open(const std::string& git_dir, const std::string& digest) {
    CacheReader r;
    r.m_file = cache_file_in(git_dir);
    boost::system::error_code ec;
    if (!boost::filesystem::exists(r.m_file, ec))
        return r;
    auto in = std::make_unique<std::ifstream>(r.m_file, std::ios::binary);
    std::string header(k_header.size(), '\0');
    if (!in->read(header.data(), static_cast<std::streamsize>(header.size())) ||
        header != k_header) {
        r.m_note = fmt::format(
            "{}: ignored (every article is read again): not an archtag cache "
            "of version 2",
            r.m_file);
        return r;
    }
    auto stored = read_netstring(*in);
    if (!stored || !*stored) {
        r.m_note = fmt::format("{}: ignored (every article is read again): {}", r.m_file,
                               stored ? "no digest" : stored.error().message);
        return r;
    }
    if (**stored != digest)
        return r;  // policies, rules or archtag changed: start afresh
    r.m_in = std::move(in);
    r.advance();
    return r;
}

bool CacheReader::advance() {
    m_current.reset();
    if (!m_in)
        return false;
    auto record = read_netstring(*m_in);
    Status decoded = ok();
    CachedOutcome e;
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
    return CacheWriter(std::move(*file), git_dir);
}

Status CacheWriter::add(const std::string& path, const CachedOutcome& e) {
    if (!m_last.empty() && path <= m_last)
        return fail(make_error(m_file.path(), fmt::format("entry {} out of order", path)));
    m_last = path;
    std::string framed;
    if (!e.record.empty()) {
        put_field(framed, e.record);
        return m_file.append(framed);
    }
    m_record.clear();
    put_field(m_record, path);
    put_field(m_record, e.blob);
    put_number(m_record, seconds(e.valid_from));
    put_number(m_record, seconds(e.valid_until));
    encode_result(m_record, e.result);
    put_field(framed, m_record);
    return m_file.append(framed);
}

Status CacheWriter::commit() {
    Status s = m_file.commit();
    if (s) {
        boost::system::error_code ignored;
        boost::filesystem::remove(m_git_dir + "/archtag/cache-v1", ignored);
    }
    return s;
}

}  // namespace archtag::app
