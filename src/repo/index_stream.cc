// git's index, streamed through a window of the file. Bounds are checked at
// every step: the file may be whatever git, or a crashed tool, left behind.
#include "repo/index_stream.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "repo/index_format.h"
#include "repo/sha1.h"

namespace archtag::repo {

namespace {

using namespace index_format;
using detail::Sha1;

constexpr std::size_t k_window = std::size_t{1} << 20;

void put_be32(unsigned char* p, std::uint32_t v) {
    p[0] = static_cast<unsigned char>(v >> 24);
    p[1] = static_cast<unsigned char>(v >> 16);
    p[2] = static_cast<unsigned char>(v >> 8);
    p[3] = static_cast<unsigned char>(v);
}

class Fd {
  public:
    explicit Fd(int fd) : m_fd(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    int get() const { return m_fd; }

  private:
    int m_fd;
};

// The file front to back through a window; every byte before the checksum
// is hashed once, as it is consumed.
class Reader {
  public:
    Reader(int fd, std::uint64_t size, const std::string& where, Sha1 digest)
        : m_fd(fd), m_size(size), m_where(where), m_digest(std::move(digest)) {}

    Error bad(std::string_view what) const {
        return make_error(m_where, fmt::format("not a valid git index: {}", what));
    }
    // Bytes before the checksum not consumed yet.
    std::uint64_t left() const { return m_size - k_checksum - m_offset; }
    const unsigned char* at() const { return m_window.data() + m_pos; }

    // Makes `n` bytes from the position readable; `what` says what ran short.
    Status need(std::size_t n, std::string_view what) {
        if (n > left())
            return fail(bad(fmt::format("{} runs past the end of the file", what)));
        return fill(n);
    }

    void consume(std::size_t n) {
        m_digest.add(at(), n);
        m_pos += n;
        m_offset += n;
    }

    // Where the first NUL at or after `from` bytes past the position is,
    // relative to the position.
    Expected<std::size_t> nul_from(std::size_t from, std::string_view what) {
        for (std::size_t want = std::max<std::size_t>(from + 1, 256);; want *= 2) {
            std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(want, left()));
            if (Status s = fill(n); !s)
                return fail(s.error());
            if (const void* nul = std::memchr(at() + from, 0, n - std::min(n, from)))
                return static_cast<std::size_t>(static_cast<const unsigned char*>(nul) - at());
            if (n == left())
                return fail(bad(fmt::format("{} runs past the end of the file", what)));
        }
    }

    // Reads the trailing checksum and compares it with the bytes consumed.
    Status verify_checksum() {
        if (left() != 0)
            return fail(bad(fmt::format("{} stray bytes after the last extension", left())));
        auto digest = m_digest.finish();
        if (!digest)
            return fail(digest.error());
        if (Status s = fill(k_checksum); !s)
            return s;
        // git 2.40's index.skipHash writes zeros, and readers then skip the check.
        static const unsigned char k_skipped[k_checksum] = {};
        if (std::memcmp(at(), k_skipped, k_checksum) == 0)
            return ok();
        if (std::memcmp(digest->data(), at(), k_checksum) != 0)
            return fail(bad("its checksum does not match its contents (a damaged file?)"));
        return ok();
    }

  private:
    // Makes `n` bytes from the position readable, reading past them up to a
    // window's worth (the checksum included).
    Status fill(std::size_t n) {
        if (m_end - m_pos >= n)
            return ok();
        std::memmove(m_window.data(), m_window.data() + m_pos, m_end - m_pos);
        m_end -= m_pos;
        m_pos = 0;
        if (m_window.size() < std::max(n, k_window))
            m_window.resize(std::max(n, k_window));
        while (m_end < n) {
            ssize_t got = ::read(m_fd, m_window.data() + m_end, m_window.size() - m_end);
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0)
                return fail(system_error(m_where, "cannot read"));
            if (got == 0)
                return fail(bad("the file ended early (was it being rewritten?)"));
            m_end += static_cast<std::size_t>(got);
        }
        return ok();
    }

    int m_fd;
    std::uint64_t m_size;
    const std::string& m_where;
    Sha1 m_digest;
    std::vector<unsigned char> m_window;
    std::size_t m_pos = 0;       // in the window
    std::size_t m_end = 0;       // bytes in the window
    std::uint64_t m_offset = 0;  // of the position, in the file
};

struct Header {
    std::uint32_t version = 2;
    std::uint32_t count = 0;
};

// One entry, as it is in the window: valid until the reader moves on.
struct RawEntry {
    std::size_t size = 0;   // bytes in the file
    std::string_view path;  // version 4: the rebuilt path
    std::uint16_t flags = 0;
    std::uint16_t more = 0;  // extended flags
};

class EntryReader {
  public:
    EntryReader(Reader& in, const Header& header) : m_in(in), m_header(header) {}

    Expected<RawEntry> next() {
        std::string what = fmt::format("entry {} of {}", ++m_read, m_header.count);
        if (Status s = m_in.need(k_fixed_entry, what); !s)
            return fail(s.error());
        RawEntry e;
        e.flags = be16(m_in.at() + k_flags_at);
        std::size_t fixed = k_fixed_entry;
        if (e.flags & k_extended) {
            if (m_header.version < 3)
                return fail(
                    m_in.bad(fmt::format("{} has extended flags in a version 2 index", what)));
            if (Status s = m_in.need(fixed + 2, what); !s)
                return fail(s.error());
            e.more = be16(m_in.at() + fixed);
            fixed += 2;
        }
        Status s = m_header.version == 4 ? v4_path(fixed, what, e) : padded_path(fixed, what, e);
        if (!s)
            return fail(s.error());
        if (!m_previous.empty() && e.path < m_previous)
            return fail(m_in.bad(fmt::format("{} ('{}') is out of order", what, e.path)));
        m_previous.assign(e.path);
        return e;
    }

  private:
    // Versions 2 and 3: the path, NUL, padding to a multiple of 8 bytes.
    Status padded_path(std::size_t fixed, const std::string& what, RawEntry& e) {
        auto nul = m_in.nul_from(fixed, what);
        if (!nul)
            return fail(nul.error());
        std::size_t length = *nul - fixed;
        std::size_t declared = e.flags & k_name_mask;
        if (declared != k_name_mask && length != declared)
            return fail(m_in.bad(fmt::format("{} has a path of {} bytes where its flags say {}",
                                             what, length, declared)));
        e.size = (fixed + length + 8) & ~std::size_t{7};
        if (Status s = m_in.need(e.size, what); !s)
            return s;
        e.path = std::string_view(reinterpret_cast<const char*>(m_in.at() + fixed), length);
        return ok();
    }

    // Version 4: a varint of bytes to drop from the previous path, then the
    // rest of this one, NUL-terminated.
    Status v4_path(std::size_t fixed, const std::string& what, RawEntry& e) {
        std::uint64_t strip = 0;
        std::size_t p = fixed;
        for (int bytes = 0;; ++bytes) {
            if (bytes == 9)
                return fail(m_in.bad(fmt::format("{} has a malformed path prefix length", what)));
            if (Status s = m_in.need(p + 1, what); !s)
                return s;
            unsigned char c = m_in.at()[p++];
            strip = (strip << 7) | (c & 127);
            if (!(c & 128))
                break;
            ++strip;
        }
        if (strip > m_path.size())
            return fail(m_in.bad(fmt::format("{} drops {} bytes of a previous path of {}", what,
                                             strip, m_path.size())));
        auto nul = m_in.nul_from(p, what);
        if (!nul)
            return fail(nul.error());
        m_path.resize(m_path.size() - strip);
        m_path.append(reinterpret_cast<const char*>(m_in.at() + p), *nul - p);
        e.size = *nul + 1;
        e.path = m_path;
        return ok();
    }

    Reader& m_in;
    const Header& m_header;
    std::size_t m_read = 0;
    std::string m_path;      // version 4
    std::string m_previous;  // for the order check
};

struct Extension {
    std::string signature;
    std::string data;
};

// The extensions after the entries, whole (a TREE of a million-entry
// archive is a few MB), and the checksum after them.
Expected<std::vector<Extension>> read_extensions(Reader& in) {
    std::vector<Extension> out;
    while (in.left() >= 8) {
        if (Status s = in.need(8, "an extension header"); !s)
            return fail(s.error());
        Extension x;
        x.signature.assign(reinterpret_cast<const char*>(in.at()), 4);
        std::uint32_t size = be32(in.at() + 4);
        in.consume(8);
        if (Status s = in.need(size, fmt::format("extension '{}'", x.signature)); !s)
            return fail(s.error());
        x.data.assign(reinterpret_cast<const char*>(in.at()), size);
        in.consume(size);
        out.push_back(std::move(x));
    }
    if (Status s = in.verify_checksum(); !s)
        return fail(s.error());
    return out;
}

bool required(const Extension& x) {
    return x.signature[0] < 'A' || x.signature[0] > 'Z';
}

std::string unsupported_reason(const Extension& x) {
    if (x.signature == "link")
        return "a split index (extension 'link'), which archtag cannot update (`git config "
               "core.splitIndex false` and then `git update-index --no-split-index` make it a "
               "plain one)";
    if (x.signature == "sdir")
        return "a sparse index (extension 'sdir'), which archtag cannot update (`git "
               "sparse-checkout reapply --no-sparse-index` makes it a plain one)";
    return fmt::format("one that needs extension '{}', which archtag cannot update", x.signature);
}

struct OpenIndex {
    std::unique_ptr<Fd> fd;
    std::unique_ptr<Reader> reader;
    Header header;
    struct stat st {};
};

// Opens the index and reads its header; a missing file leaves `fd` empty.
Expected<OpenIndex> open_index(const std::string& path) {
    OpenIndex out;
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT)
        return out;
    if (fd < 0)
        return fail(system_error(path, "cannot open"));
    out.fd = std::make_unique<Fd>(fd);
    if (::fstat(fd, &out.st) != 0)
        return fail(system_error(path, "cannot stat"));
    if (!S_ISREG(out.st.st_mode))
        return fail(make_error(path, "not a regular file"));
    auto size = static_cast<std::uint64_t>(out.st.st_size);
    auto digest = Sha1::start(path);
    if (!digest)
        return fail(digest.error());
    out.reader = std::make_unique<Reader>(fd, size, path, std::move(*digest));
    Reader& in = *out.reader;
    if (size < k_header + k_checksum)
        return fail(in.bad(fmt::format("{} bytes, too short for a header and a checksum ({})", size,
                                       k_header + k_checksum)));
    if (Status s = in.need(k_header, "the header"); !s)
        return fail(s.error());
    if (std::memcmp(in.at(), "DIRC", 4) != 0)
        return fail(in.bad("it does not start with \"DIRC\""));
    out.header.version = be32(in.at() + 4);
    out.header.count = be32(in.at() + 8);
    if (out.header.version < 2 || out.header.version > 4)
        return fail(make_error(path, fmt::format("git index version {} is not supported: "
                                                 "archtag reads versions 2, 3 and 4",
                                                 out.header.version)));
    return out;
}

EntryStat stat_of(const unsigned char* e) {
    EntryStat s;
    std::uint32_t* fields[] = {&s.ctime_s, &s.ctime_ns, &s.mtime_s, &s.mtime_ns, &s.dev,
                               &s.ino,     &s.mode,     &s.uid,     &s.gid,      &s.size};
    for (std::size_t i = 0; i < std::size(fields); ++i)
        *fields[i] = be32(e + 4 * i);
    return s;
}

// Writes the stat data of `s` (but not its mode) and `id` over an entry.
void patch_entry(unsigned char* e, const EntryStat& s, const RawId& id) {
    const std::uint32_t fields[] = {s.ctime_s, s.ctime_ns, s.mtime_s, s.mtime_ns, s.dev, s.ino};
    for (std::size_t i = 0; i < std::size(fields); ++i)
        put_be32(e + 4 * i, fields[i]);
    put_be32(e + 28, s.uid);
    put_be32(e + 32, s.gid);
    put_be32(e + 36, s.size);
    std::memcpy(e + k_id_at, id.data(), id.size());
}

// Buffered output that hashes what it writes and ends with the hash.
class Writer {
  public:
    Writer(int fd, const std::string& where, Sha1 digest)
        : m_fd(fd), m_where(where), m_digest(std::move(digest)) {
        m_buffer.reserve(k_window);
    }

    Status write(const void* data, std::size_t size) {
        m_digest.add(data, size);
        const char* p = static_cast<const char*>(data);
        m_buffer.append(p, size);
        return m_buffer.size() >= k_window ? flush() : ok();
    }

    Status finish() {
        auto digest = m_digest.finish();
        if (!digest)
            return fail(digest.error());
        m_buffer.append(reinterpret_cast<const char*>(digest->data()), digest->size());
        return flush();
    }

  private:
    Status flush() {
        std::size_t done = 0;
        while (done < m_buffer.size()) {
            ssize_t n = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return fail(system_error(m_where, "cannot write"));
            done += static_cast<std::size_t>(n);
        }
        m_buffer.clear();
        return ok();
    }

    int m_fd;
    const std::string& m_where;
    Sha1 m_digest;
    std::string m_buffer;
};

// "", "a/", "a/b/" for "a/b/c.md": the cache-tree folders a change there
// invalidates, as views into the patches' paths. A folder is added once,
// where the sorted paths first enter it (300,000 patches share a few
// thousand folders).
std::vector<std::string_view> folders_above(const std::vector<EntryPatch>& patches) {
    std::vector<std::string_view> out{""};
    std::string_view previous;
    for (const EntryPatch& p : patches) {
        for (std::size_t slash = p.path.find('/'); slash != std::string_view::npos;
             slash = p.path.find('/', slash + 1))
            if (!previous.starts_with(p.path.substr(0, slash + 1)))
                out.push_back(p.path.substr(0, slash + 1));
        previous = p.path;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// An optionally negative decimal ended by `stop`; `at` moves past `stop`.
std::optional<std::int64_t> tree_number(std::string_view t, std::size_t& at, char stop) {
    std::size_t p = at;
    bool negative = p < t.size() && t[p] == '-';
    if (negative)
        ++p;
    std::int64_t value = 0;
    std::size_t digits = 0;
    for (; p < t.size() && t[p] >= '0' && t[p] <= '9' && digits < 10; ++p, ++digits)
        value = value * 10 + (t[p] - '0');
    if (digits == 0 || p >= t.size() || t[p] != stop)
        return std::nullopt;
    at = p + 1;
    return negative ? -value : value;
}

constexpr std::uint32_t k_gitlink = 0160000;
constexpr std::size_t k_size_at = 36;

Status write_entries(Reader& in, Writer& out, const Header& header,
                     const std::vector<EntryPatch>& patches, const struct stat& old,
                     const std::string& where) {
    EntryReader entries(in, header);
    std::size_t next = 0;
    std::string copy;
    for (std::uint32_t i = 0; i < header.count; ++i) {
        auto e = entries.next();
        if (!e)
            return fail(e.error());
        if (next < patches.size() && patches[next].path < e->path)
            return fail(
                make_error(where, fmt::format("{} is no longer in the index", patches[next].path)));
        bool merged = ((e->flags >> 12) & 3) == 0;
        const EntryPatch* patch = next < patches.size() && patches[next].path == e->path && merged
                                      ? &patches[next++]
                                      : nullptr;
        EntryStat stat = stat_of(in.at());
        bool smudge = !patch && merged && stat.mode != k_gitlink && stat.size != 0 &&
                      racily_clean(stat, old.st_mtim.tv_sec, old.st_mtim.tv_nsec);
        Status s = ok();
        if (patch || smudge) {
            copy.assign(reinterpret_cast<const char*>(in.at()), e->size);
            auto* bytes = reinterpret_cast<unsigned char*>(copy.data());
            if (patch)
                patch_entry(bytes, patch->stat, patch->id);
            else
                put_be32(bytes + k_size_at, 0);
            s = out.write(copy.data(), copy.size());
        } else {
            s = out.write(in.at(), e->size);
        }
        if (!s)
            return s;
        in.consume(e->size);
    }
    if (next < patches.size())
        return fail(
            make_error(where, fmt::format("{} is no longer in the index", patches[next].path)));
    return ok();
}

Status write_extensions(const std::vector<Extension>& extensions, Writer& out,
                        const std::vector<EntryPatch>& patches, const std::string& where) {
    for (const Extension& x : extensions) {
        if (required(x))
            return fail(make_error(where, "git's index is " + unsupported_reason(x)));
        if (x.signature == "EOIE" || x.signature == "IEOT" || x.signature == "UNTR" ||
            x.signature == "FSMN")
            continue;
        std::string data = x.data;
        if (x.signature == "TREE") {
            auto tree = invalidate_cache_tree(x.data, folders_above(patches), where);
            if (!tree)
                return fail(tree.error());
            data = std::move(*tree);
        }
        unsigned char head[8];
        std::memcpy(head, x.signature.data(), 4);
        put_be32(head + 4, static_cast<std::uint32_t>(data.size()));
        if (Status s = out.write(head, sizeof head); !s)
            return s;
        if (Status s = out.write(data.data(), data.size()); !s)
            return s;
    }
    return ok();
}

}  // namespace

bool racily_clean(const EntryStat& s, std::int64_t index_mtime_s, std::int64_t index_mtime_ns) {
    auto index_s = static_cast<std::uint32_t>(index_mtime_s);
    if (s.mtime_s != index_s)
        return s.mtime_s > index_s;
    // Written without nanoseconds, the entry is judged by seconds.
    return s.mtime_ns == 0 || static_cast<std::int64_t>(s.mtime_ns) >= index_mtime_ns;
}

Expected<IndexScan> scan_index(const std::string& index_path,
                               const std::vector<std::string_view>& sorted_paths) {
    auto open = open_index(index_path);
    if (!open)
        return fail(open.error());
    IndexScan scan;
    if (!open->fd)
        return scan;
    scan.entries.reserve(sorted_paths.size());  // no doubling: 300,000 of them at times
    scan.exists = true;
    scan.mtime_s = open->st.st_mtim.tv_sec;
    scan.mtime_ns = open->st.st_mtim.tv_nsec;
    Reader& in = *open->reader;
    in.consume(k_header);
    EntryReader entries(in, open->header);
    std::size_t next = 0;
    for (std::uint32_t i = 0; i < open->header.count; ++i) {
        auto e = entries.next();
        if (!e)
            return fail(e.error());
        while (next < sorted_paths.size() && sorted_paths[next] < e->path)
            ++next;
        if (next < sorted_paths.size() && sorted_paths[next] == e->path) {
            FoundEntry& f = scan.entries.emplace_back();
            f.path = sorted_paths[next];
            f.stat = stat_of(in.at());
            std::memcpy(f.id.data(), in.at() + k_id_at, f.id.size());
            f.stage = (e->flags >> 12) & 3;
            f.skip_worktree = e->more & k_skip_worktree;
            f.intent_to_add = e->more & k_intent_to_add;
        }
        in.consume(e->size);
    }
    auto extensions = read_extensions(in);
    if (!extensions)
        return fail(extensions.error());
    for (const Extension& x : *extensions)
        if (required(x))
            scan.unsupported = unsupported_reason(x);
    return scan;
}

Status write_patched_index(const std::string& index_path, int out_fd, const std::string& out_name,
                           const std::vector<EntryPatch>& patches) {
    auto open = open_index(index_path);
    if (!open)
        return fail(open.error());
    if (!open->fd)
        return fail(make_error(index_path, "the index is gone"));
    auto digest = Sha1::start(out_name);
    if (!digest)
        return fail(digest.error());
    Writer out(out_fd, out_name, std::move(*digest));
    Reader& in = *open->reader;
    if (Status s = out.write(in.at(), k_header); !s)
        return s;
    in.consume(k_header);
    if (Status s = write_entries(in, out, open->header, patches, open->st, index_path); !s)
        return s;
    auto extensions = read_extensions(in);
    if (!extensions)
        return fail(extensions.error());
    if (Status s = write_extensions(*extensions, out, patches, index_path); !s)
        return s;
    return out.finish();
}

Expected<std::string> invalidate_cache_tree(std::string_view tree,
                                            const std::vector<std::string_view>& changed_folders,
                                            const std::string& where) {
    auto bad = [&](std::size_t where_at, std::string_view expected) -> Status {
        return fail(make_error(where, fmt::format("not a valid git index: malformed TREE "
                                                  "extension at byte {}: expected {}",
                                                  where_at, expected)));
    };
    struct Open {
        std::string path;  // "" for the root, "a/" below it
        std::int64_t subtrees_left;
    };
    std::string out;
    out.reserve(tree.size());
    std::vector<Open> open;
    std::size_t at = 0;
    // Folders in pre-order: name NUL, entry count SP, subtree count LF, and
    // the tree id when the entry count is not negative.
    auto folder = [&]() -> Status {
        std::size_t nul = tree.find('\0', at);
        if (nul == std::string_view::npos)
            return bad(at, "a NUL-terminated folder name");
        std::size_t start = at;
        std::string_view name = tree.substr(at, nul - at);
        std::string path;
        if (!open.empty()) {
            --open.back().subtrees_left;
            path = open.back().path + std::string(name) + "/";
        }
        at = nul + 1;
        auto count = tree_number(tree, at, ' ');
        if (!count)
            return bad(nul + 1, "an entry count, a space");
        std::size_t subtrees_at = at;
        auto subtrees = tree_number(tree, at, '\n');
        if (!subtrees || *subtrees < 0)
            return bad(subtrees_at, "a subtree count and a newline");
        std::size_t id_size = *count >= 0 ? RawId{}.size() : 0;
        if (tree.size() - at < id_size)
            return bad(at, "a tree id");
        if (std::binary_search(changed_folders.begin(), changed_folders.end(), path)) {
            out.append(name);
            out += fmt::format("{}-1 {}\n", '\0', *subtrees);
        } else {
            out.append(tree.substr(start, at + id_size - start));
        }
        at += id_size;
        open.push_back({std::move(path), *subtrees});
        return ok();
    };
    if (!tree.empty())
        if (Status s = folder(); !s)
            return fail(s.error());
    while (!open.empty()) {
        if (open.back().subtrees_left == 0) {
            open.pop_back();
            continue;
        }
        if (at == tree.size())
            return fail(bad(at, "another folder").error());
        if (Status s = folder(); !s)
            return fail(s.error());
    }
    if (at != tree.size())
        return fail(bad(at, "the end of the extension").error());
    return out;
}

}  // namespace archtag::repo
