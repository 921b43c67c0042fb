// Reading git's index file: bounds-checked at every step, since a hook runs
// on whatever file git (or a crashed tool) left behind.
#include "repo/index_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

#include "repo/index_format.h"

namespace archtag::repo {

namespace {

using namespace index_format;

constexpr std::size_t k_smallest_entry = 64;
// A cache-tree folder takes at least "\0" "0 0\n".
constexpr std::size_t k_smallest_folder = 5;

}  // namespace

const CacheTree* CacheTree::subtree(std::string_view want) const {
    auto it = std::lower_bound(subtrees.begin(), subtrees.end(), want,
                               [](const CacheTree& t, std::string_view n) { return t.name < n; });
    return it != subtrees.end() && it->name == want ? &*it : nullptr;
}

// One pass over the bytes of an index file.
class IndexParser {
  public:
    IndexParser(const char* data, std::size_t size, const std::string& where)
        : m_data(reinterpret_cast<const unsigned char*>(data)), m_size(size), m_where(where) {}

    Status parse(IndexFile& out) {
        if (Status s = header(out); !s)
            return s;
        if (Status s = entries(out); !s)
            return s;
        return extensions(out);
    }

  private:
    Error bad(std::string_view what) const {
        return make_error(m_where, fmt::format("not a valid git index: {}", what));
    }

    Status header(IndexFile& out) {
        if (m_size < k_header + k_checksum)
            return fail(bad(fmt::format("{} bytes, too short for a header and a checksum ({})",
                                        m_size, k_header + k_checksum)));
        if (std::memcmp(m_data, "DIRC", 4) != 0)
            return fail(bad("it does not start with \"DIRC\""));
        out.m_version = be32(m_data + 4);
        if (out.m_version < 2 || out.m_version > 4)
            return fail(make_error(m_where, fmt::format("git index version {} is not supported: "
                                                        "archtag reads versions 2, 3 and 4",
                                                        out.m_version)));
        m_count = be32(m_data + 8);
        m_end = m_size - k_checksum;
        std::size_t room = (m_end - k_header) / k_smallest_entry;
        if (m_count > room)
            return fail(
                bad(fmt::format("the header counts {} entries, the file has room for at "
                                "most {}",
                                m_count, room)));
        m_pos = k_header;
        return ok();
    }

    Error entry_error(std::size_t i, std::string_view what) const {
        return bad(fmt::format("entry {} of {} {}", i + 1, m_count, what));
    }

    Status entries(IndexFile& out) {
        bool v4 = out.m_version == 4;
        std::vector<std::pair<std::size_t, std::size_t>> v4_paths;  // offset, size
        std::string current;                                        // the previous path (v4)
        if (v4) {
            out.m_v4_paths = std::make_unique<std::string>();
            v4_paths.reserve(m_count);
        }
        out.m_entries.reserve(m_count);
        for (std::size_t i = 0; i < m_count; ++i) {
            if (m_end - m_pos < k_fixed_entry)
                return fail(entry_error(i, "runs past the end of the file"));
            const unsigned char* e = m_data + m_pos;
            IndexEntry entry;
            entry.mode = be32(e + 24);
            std::memcpy(entry.id.data(), e + k_id_at, entry.id.size());
            std::uint16_t flags = be16(e + k_flags_at);
            entry.stage = (flags >> 12) & 3;
            std::size_t fixed = k_fixed_entry;
            if (flags & k_extended) {
                if (m_end - m_pos < fixed + 2)
                    return fail(entry_error(i, "runs past the end of the file"));
                std::uint16_t more = be16(e + fixed);
                entry.skip_worktree = more & k_skip_worktree;
                entry.intent_to_add = more & k_intent_to_add;
                fixed += 2;
            }
            if (v4) {
                if (Status s = v4_path(i, fixed, current); !s)
                    return s;
                v4_paths.emplace_back(out.m_v4_paths->size(), current.size());
                out.m_v4_paths->append(current);
            } else if (Status s = padded_path(i, fixed, flags & k_name_mask, entry); !s) {
                return s;
            }
            out.m_entries.push_back(entry);
        }
        if (v4)
            for (std::size_t i = 0; i < m_count; ++i)
                out.m_entries[i].path =
                    std::string_view(*out.m_v4_paths).substr(v4_paths[i].first, v4_paths[i].second);
        return in_order(out.m_entries);
    }

    // Versions 2 and 3: the path, NUL, and padding to a multiple of 8 bytes.
    Status padded_path(std::size_t i, std::size_t fixed, std::size_t length, IndexEntry& entry) {
        const unsigned char* name = m_data + m_pos + fixed;
        std::size_t room = m_end - m_pos - fixed;
        const void* nul = std::memchr(name, 0, room);
        if (!nul)
            return fail(entry_error(i, "runs past the end of the file"));
        std::size_t found = static_cast<std::size_t>(static_cast<const unsigned char*>(nul) - name);
        if (length != k_name_mask && found != length)
            return fail(entry_error(
                i, fmt::format("has a path of {} bytes where its flags say {}", found, length)));
        std::size_t size = (fixed + found + 8) & ~std::size_t{7};
        if (m_end - m_pos < size)
            return fail(entry_error(i, "runs past the end of the file"));
        entry.path = std::string_view(reinterpret_cast<const char*>(name), found);
        m_pos += size;
        return ok();
    }

    // Version 4: how many bytes to drop from the previous path (a varint),
    // then the rest of this one, NUL-terminated.
    Status v4_path(std::size_t i, std::size_t fixed, std::string& path) {
        m_pos += fixed;
        auto strip = varint();
        if (!strip)
            return fail(entry_error(i, "has a malformed path prefix length"));
        if (*strip > path.size())
            return fail(entry_error(
                i, fmt::format("drops {} bytes of a previous path of {}", *strip, path.size())));
        const void* nul = std::memchr(m_data + m_pos, 0, m_end - m_pos);
        if (!nul)
            return fail(entry_error(i, "runs past the end of the file"));
        std::size_t length =
            static_cast<std::size_t>(static_cast<const unsigned char*>(nul) - (m_data + m_pos));
        path.resize(path.size() - *strip);
        path.append(reinterpret_cast<const char*>(m_data + m_pos), length);
        m_pos += length + 1;
        return ok();
    }

    // git's offset varint (varint.c): 7 bits a byte, high bit = more, +1 per
    // continuation.
    std::optional<std::uint64_t> varint() {
        std::uint64_t value = 0;
        for (int bytes = 0; m_pos < m_end && bytes < 9; ++bytes) {
            unsigned char c = m_data[m_pos++];
            value = (value << 7) | (c & 127);
            if (!(c & 128))
                return value;
            ++value;
        }
        return std::nullopt;
    }

    // git refuses an index whose entries are not sorted (check_ce_order);
    // staged_files relies on each folder's entries being contiguous.
    Status in_order(const std::vector<IndexEntry>& entries) const {
        for (std::size_t i = 1; i < entries.size(); ++i) {
            const IndexEntry& a = entries[i - 1];
            const IndexEntry& b = entries[i];
            int c = a.path.compare(b.path);
            if (c > 0 || (c == 0 && (a.stage == 0 || a.stage > b.stage)))
                return fail(entry_error(i, fmt::format("('{}') is out of order", b.path)));
        }
        return ok();
    }

    Status extensions(IndexFile& out) {
        while (m_end - m_pos >= 8) {
            std::string_view signature(reinterpret_cast<const char*>(m_data + m_pos), 4);
            std::uint32_t size = be32(m_data + m_pos + 4);
            m_pos += 8;
            if (size > m_end - m_pos)
                return fail(
                    bad(fmt::format("extension '{}' runs past the end of the file", signature)));
            if (signature == "TREE") {
                if (Status s = cache_tree(out, m_pos + size); !s)
                    return s;
            } else if (signature[0] < 'A' || signature[0] > 'Z') {
                return fail(make_error(
                    m_where, fmt::format("the index needs extension '{}', which archtag does not "
                                         "read (a split or sparse index?)",
                                         signature)));
            }
            m_pos += size;
        }
        if (m_pos != m_end)
            return fail(bad(fmt::format("{} stray bytes after the last extension", m_end - m_pos)));
        return ok();
    }

    Error tree_error(std::size_t at, std::string_view expected) const {
        return bad(fmt::format("malformed TREE extension at byte {}: expected {}", at, expected));
    }

    // Folders in pre-order: name NUL, entry count SP, subtree count LF, and
    // the tree id when the entry count is not negative.
    Status cache_tree(IndexFile& out, std::size_t end) {
        struct Open {
            CacheTree* folder;
            std::int64_t subtrees_left;
        };
        std::size_t at = m_pos;
        CacheTree root;
        auto count = folder(root, at, end, out.m_entries.size());
        if (!count)
            return fail(count.error());
        std::vector<Open> open{{&root, *count}};
        while (!open.empty()) {
            if (open.back().subtrees_left == 0) {
                auto& subs = open.back().folder->subtrees;
                std::sort(subs.begin(), subs.end(),
                          [](const CacheTree& a, const CacheTree& b) { return a.name < b.name; });
                open.pop_back();
                continue;
            }
            --open.back().subtrees_left;
            CacheTree& child = open.back().folder->subtrees.emplace_back();
            auto n = folder(child, at, end, out.m_entries.size());
            if (!n)
                return fail(n.error());
            open.push_back({&child, *n});
        }
        if (at != end)
            return fail(tree_error(at, "the end of the extension"));
        out.m_cache_tree = std::move(root);
        return ok();
    }

    // Reads one folder at `at`; returns its number of subtrees.
    Expected<std::int64_t> folder(CacheTree& f, std::size_t& at, std::size_t end,
                                  std::size_t entries) const {
        const void* nul = std::memchr(m_data + at, 0, end - at);
        if (!nul)
            return fail(tree_error(at, "a NUL-terminated folder name"));
        std::size_t length =
            static_cast<std::size_t>(static_cast<const unsigned char*>(nul) - (m_data + at));
        f.name.assign(reinterpret_cast<const char*>(m_data + at), length);
        at += length + 1;
        std::size_t count_at = at;
        auto count = number(at, end, ' ');
        if (!count || *count > static_cast<std::int64_t>(entries))
            return fail(tree_error(count_at, "an entry count, a space"));
        f.entry_count = *count;
        std::size_t subtrees_at = at;
        auto subtrees = number(at, end, '\n');
        if (!subtrees || *subtrees < 0 ||
            static_cast<std::uint64_t>(*subtrees) > (end - at) / k_smallest_folder)
            return fail(tree_error(subtrees_at, "a subtree count and a newline"));
        if (f.valid()) {
            if (end - at < f.id.size())
                return fail(tree_error(at, "a tree id"));
            std::memcpy(f.id.data(), m_data + at, f.id.size());
            at += f.id.size();
        }
        return *subtrees;
    }

    // An optionally negative decimal number ended by `stop`; `at` moves past
    // `stop` on success.
    std::optional<std::int64_t> number(std::size_t& at, std::size_t end, char stop) const {
        std::size_t p = at;
        bool negative = p < end && m_data[p] == '-';
        if (negative)
            ++p;
        std::int64_t value = 0;
        std::size_t digits = 0;
        for (; p < end && m_data[p] >= '0' && m_data[p] <= '9' && digits < 10; ++p, ++digits)
            value = value * 10 + (m_data[p] - '0');
        if (digits == 0 || p >= end || m_data[p] != static_cast<unsigned char>(stop))
            return std::nullopt;
        at = p + 1;
        return negative ? -value : value;
    }

    const unsigned char* m_data;
    std::size_t m_size;
    const std::string& m_where;
    std::size_t m_count = 0;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
};

Expected<IndexFile> IndexFile::parse_held(std::shared_ptr<const char> data, std::size_t size,
                                          const std::string& where) {
    IndexFile out;
    out.m_bytes = std::move(data);
    IndexParser parser(out.m_bytes.get(), size, where);
    if (Status s = parser.parse(out); !s)
        return fail(s.error());
    return out;
}

Expected<IndexFile> IndexFile::parse(std::string bytes, const std::string& where) {
    auto held = std::make_shared<const std::string>(std::move(bytes));
    std::size_t size = held->size();
    return parse_held(std::shared_ptr<const char>(held, held->data()), size, where);
}

Expected<IndexFile> IndexFile::read(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT)
        return IndexFile();
    if (fd < 0)
        return fail(system_error(path, "cannot open"));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        Error e = system_error(path, "cannot stat");
        ::close(fd);
        return fail(e);
    }
    auto size = static_cast<std::size_t>(st.st_size);
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return fail(make_error(path, "not a regular file"));
    }
    if (size == 0) {  // nothing to map; parse() says what is wrong
        ::close(fd);
        return parse({}, path);
    }
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    Error failed = map == MAP_FAILED ? system_error(path, "cannot map") : Error{};
    ::close(fd);
    if (map == MAP_FAILED)
        return fail(failed);
    std::shared_ptr<const char> data(static_cast<const char*>(map), [size](const char* p) {
        ::munmap(const_cast<char*>(p), size);
    });
    return parse_held(std::move(data), size, path);
}

}  // namespace archtag::repo
