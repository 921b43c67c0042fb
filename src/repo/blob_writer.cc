// Loose objects for a few blobs, packs for many.
#include "repo/blob_writer.h"

#include <fmt/format.h>
#include <git2.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "repo/handles.h"
#include "repo/sha1.h"
#include "util/error.h"

namespace archtag::repo {

using detail::git_failure;
using detail::Handle;
using detail::to_id;

namespace {

// A blob waiting for finish() to write it as a loose object.
struct Held {
    git_oid id;
    std::string bytes;
};

// A pack being gathered: each blob deflated into a pack entry as it comes
// (no deltas: a stamped article differs from its old blob by a few lines,
// but searching for deltas cost more than the sweep itself, and `git gc`
// finds them later). Written out with git's header and SHA-1 trailer, and
// a version 2 .idx made from what was gathered (see flush()).
struct PendingPack {
    struct Entry {
        git_oid id;
        std::uint64_t offset;  // in the pack file
        std::uint32_t crc;     // of the entry's bytes, for the .idx
    };
    std::string entries;
    std::unordered_set<std::string> ids;  // raw ids, to take a blob once
    std::vector<Entry> index;
    std::uint64_t bytes = 0;  // blob bytes, before compression
};

constexpr std::size_t k_pack_header = 12;  // "PACK", version, count

constexpr int k_pack_blob = 3;  // OBJ_BLOB in a pack entry header

// One zlib stream for all the entries of a writer, reset for each: a stream
// per blob (compress2) allocated and freed ~270 KB of deflate state each
// time, and glibc gave the top of the heap back and took it again per blob
// (brk, page faults, TLB flushes on every core): 10% of a commit sweep.
class Deflater {
  public:
    Deflater() = default;
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;
    ~Deflater() {
        if (m_ready)
            deflateEnd(&m_stream);
    }

    // Appends the zlib stream of `bytes` to `out`.
    bool append(std::string& out, std::string_view bytes) {
        if (bytes.size() > std::numeric_limits<uInt>::max() || !start())
            return false;  // articles are far smaller (k_max_article_bytes)
        uLong room = deflateBound(&m_stream, static_cast<uLong>(bytes.size()));
        std::size_t at = out.size();
        out.resize(at + room);
        m_stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
        m_stream.avail_in = static_cast<uInt>(bytes.size());
        m_stream.next_out = reinterpret_cast<Bytef*>(out.data() + at);
        m_stream.avail_out = static_cast<uInt>(room);
        int rc = deflate(&m_stream, Z_FINISH);
        out.resize(rc == Z_STREAM_END ? at + m_stream.total_out : at);
        return rc == Z_STREAM_END;
    }

  private:
    bool start() {
        if (m_ready)
            return deflateReset(&m_stream) == Z_OK;
        // Level 1, as git's core.looseCompression: the blobs are small and many.
        m_ready = deflateInit(&m_stream, Z_BEST_SPEED) == Z_OK;
        return m_ready;
    }
    z_stream m_stream{};
    bool m_ready = false;
};

// A pack entry: type and size (7 bits per byte after the first 4), then
// the zlib stream of the bytes.
bool append_entry(std::string& out, std::string_view bytes, Deflater& deflater) {
    std::uint64_t size = bytes.size();
    unsigned char c = static_cast<unsigned char>((k_pack_blob << 4) | (size & 0x0f));
    size >>= 4;
    while (size) {
        out += static_cast<char>(c | 0x80);
        c = static_cast<unsigned char>(size & 0x7f);
        size >>= 7;
    }
    out += static_cast<char>(c);
    return deflater.append(out, bytes);
}

std::string be32(std::uint32_t n) {
    return {static_cast<char>(n >> 24), static_cast<char>(n >> 16), static_cast<char>(n >> 8),
            static_cast<char>(n)};
}

// A pack index, version 2 (gitformat-pack(5)): fan-out table, sorted ids,
// CRC-32s, offsets (31 bits, or a pointer into a table of 64-bit ones),
// the pack's checksum; its own checksum is added by the caller.
std::string pack_index(std::vector<PendingPack::Entry> entries, const detail::Sha1::Digest& pack) {
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return std::memcmp(a.id.id, b.id.id, GIT_OID_RAWSZ) < 0;
    });
    std::string out = "\377tOc" + be32(2);
    std::size_t at = 0;
    for (unsigned first = 0; first < 256; ++first) {
        while (at < entries.size() && entries[at].id.id[0] <= first)
            ++at;
        out += be32(static_cast<std::uint32_t>(at));
    }
    for (const auto& e : entries)
        out.append(reinterpret_cast<const char*>(e.id.id), GIT_OID_RAWSZ);
    for (const auto& e : entries)
        out += be32(e.crc);
    std::string large;
    for (const auto& e : entries) {
        if (e.offset < 0x80000000u) {
            out += be32(static_cast<std::uint32_t>(e.offset));
        } else {
            out += be32(0x80000000u | static_cast<std::uint32_t>(large.size() / 8));
            large += be32(static_cast<std::uint32_t>(e.offset >> 32)) +
                     be32(static_cast<std::uint32_t>(e.offset));
        }
    }
    out += large;
    out.append(reinterpret_cast<const char*>(pack.data()), pack.size());
    return out;
}

// The blob's id, as git computes it.
Expected<git_oid> blob_id(std::string_view bytes, const std::string& where) {
    auto digest = detail::blob_sha1(bytes, where);
    if (!digest)
        return fail(digest.error());
    git_oid id;
    std::memcpy(id.id, digest->data(), GIT_OID_RAWSZ);
    return id;
}

// Puts the written file `temp` in place as `final_name`, as git's
// finalize_object_file does: a file already there is kept, never replaced
// (a pack is named by the checksum of its contents, so another writer's
// holds the same objects). Returns whether this call created it.
Expected<bool> finalize(const std::string& temp, const std::string& final_name) {
    int linked = ::link(temp.c_str(), final_name.c_str());
    if (linked == 0 || errno == EEXIST) {
        ::unlink(temp.c_str());
        return linked == 0;
    }
    if (std::rename(temp.c_str(), final_name.c_str()) == 0)  // no hard links here
        return true;
    Error e = system_error(final_name, "cannot create");
    ::unlink(temp.c_str());
    return fail(e);
}

// A file of objects/pack written whole, flushed to disk (as git flushes
// packs), with git's read-only mode, then put in place; its temporary is
// named tmp_pack_* or tmp_idx_*, which `git gc` removes if a killed run
// left it. Returns whether this call created the file.
Expected<bool> write_pack_file(const std::string& pack_dir, const std::string& final_name,
                               const char* temp_prefix,
                               const std::vector<std::string_view>& parts) {
    std::string temp = pack_dir + "/" + temp_prefix + "XXXXXX";
    int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return fail(system_error(final_name, "cannot create"));
    bool written = true;
    for (std::string_view part : parts) {
        while (written && !part.empty()) {
            ssize_t n = ::write(fd, part.data(), part.size());
            if (n < 0 && errno == EINTR)
                continue;
            written = n > 0;
            if (written)
                part.remove_prefix(static_cast<std::size_t>(n));
        }
    }
    Status s = written && ::fchmod(fd, 0444) == 0 && ::fsync(fd) == 0
                   ? ok()
                   : fail(system_error(temp, "cannot write"));
    if (::close(fd) != 0 && s)
        s = fail(system_error(temp, "cannot write"));
    if (!s) {
        ::unlink(temp.c_str());
        return fail(s.error());
    }
    return finalize(temp, final_name);
}

}  // namespace

struct BlobWriter::State {
    std::string where;
    std::string objects_dir;  // where new packs go (a linked work tree's are the common dir's)
    BlobWriterLimits limits;
    Handle<git_odb> odb;  // the repository's
    std::vector<Held> held;
    std::uint64_t held_bytes = 0;
    std::optional<PendingPack> pack;
    Deflater deflater;
    std::size_t packs = 0;
    std::optional<Error> failed;

    Error remember(Error e) {
        failed = e;
        return e;
    }

    bool is_held(const git_oid& id) const {
        for (const Held& h : held)
            if (git_oid_equal(&h.id, &id))
                return true;
        return false;
    }

    bool fits_loose(std::size_t size) const {
        return held.size() < limits.loose_blobs && held_bytes + size <= limits.loose_bytes;
    }

    Status add_to_pack(const git_oid& id, std::string_view bytes) {
        std::string raw(reinterpret_cast<const char*>(id.id), GIT_OID_RAWSZ);
        if (!pack->ids.insert(std::move(raw)).second)
            return ok();
        std::size_t start = pack->entries.size();
        if (!append_entry(pack->entries, bytes, deflater))
            return fail(git_failure(where, "cannot compress a blob"));
        auto entry = reinterpret_cast<const Bytef*>(pack->entries.data() + start);
        auto crc = static_cast<std::uint32_t>(crc32_z(0, entry, pack->entries.size() - start));
        pack->index.push_back({id, k_pack_header + start, crc});
        pack->bytes += bytes.size();
        return ok();
    }

    // From loose to packed: the blobs held so far go into the first pack.
    Status start_packing() {
        new_pack();
        for (const Held& h : held)
            if (Status s = add_to_pack(h.id, h.bytes); !s)
                return s;
        held.clear();
        held_bytes = 0;
        return ok();
    }

    // Room for a whole pack up front: growing by doubling would copy the
    // entries each time and, for a moment, hold them twice. Pages that are
    // never written are never resident.
    void new_pack() {
        pack.emplace();
        pack->entries.reserve(static_cast<std::size_t>(limits.pack_bytes) + (1u << 20));
    }

    // Writes the pack gathered so far into the repository's objects/pack,
    // with its .idx written here rather than by libgit2's indexer, which
    // would inflate and hash every blob again (archtag made the entries and
    // knows their ids, offsets and checksums). The .idx goes last: git
    // and libgit2 see a pack only once its index is there.
    Status flush() {
        if (!pack || pack->ids.empty())
            return ok();
        std::string head = "PACK" + be32(2) + be32(static_cast<std::uint32_t>(pack->ids.size()));
        auto trailer = detail::sha1_of(where, {head, pack->entries});
        if (!trailer)
            return fail(trailer.error());
        std::string index = pack_index(pack->index, *trailer);
        auto index_trailer = detail::sha1_of(where, {index});
        if (!index_trailer)
            return fail(index_trailer.error());
        git_oid name;
        std::memcpy(name.id, trailer->data(), GIT_OID_RAWSZ);
        std::string pack_dir = objects_dir + "/pack";
        std::string base = pack_dir + "/pack-" + to_id(name).hex;
        auto bytes_of = [](const detail::Sha1::Digest& d) {
            return std::string_view(reinterpret_cast<const char*>(d.data()), d.size());
        };
        auto created = write_pack_file(pack_dir, base + ".pack", "tmp_pack_",
                                       {head, pack->entries, bytes_of(*trailer)});
        if (!created)
            return fail(created.error());
        auto indexed =
            write_pack_file(pack_dir, base + ".idx", "tmp_idx_", {index, bytes_of(*index_trailer)});
        if (!indexed) {
            if (*created)  // never another writer's
                std::remove((base + ".pack").c_str());
            return fail(indexed.error());
        }
        new_pack();
        ++packs;
        if (git_odb_refresh(odb.get()) != 0)
            return fail(git_failure(where, "cannot read the new pack"));
        return ok();
    }

    Status write_loose() {
        for (const Held& h : held) {
            git_oid written;
            if (git_odb_write(&written, odb.get(), h.bytes.data(), h.bytes.size(),
                              GIT_OBJECT_BLOB) != 0)
                return fail(
                    git_failure(where, fmt::format("cannot write blob {}", to_id(h.id).hex)));
        }
        held.clear();
        held_bytes = 0;
        return ok();
    }
};

BlobWriter::BlobWriter(Repository& repo) : BlobWriter(repo, BlobWriterLimits{}) {}

BlobWriter::BlobWriter(Repository& repo, BlobWriterLimits limits)
    : m_state(std::make_unique<State>()) {
    m_state->where = repo.git_dir();
    m_state->objects_dir = repo.objects_dir();
    m_state->limits = limits;
    git_odb* raw = nullptr;
    if (git_repository_odb(&raw, repo.raw()) != 0)
        m_state->remember(git_failure(repo.git_dir(), "cannot open the object database"));
    m_state->odb.reset(raw);
}

BlobWriter::BlobWriter(BlobWriter&&) noexcept = default;
BlobWriter& BlobWriter::operator=(BlobWriter&&) noexcept = default;
BlobWriter::~BlobWriter() = default;

Expected<ObjectId> BlobWriter::write(std::string_view bytes) {
    State& s = *m_state;
    if (s.failed)
        return fail(*s.failed);
    auto hashed = blob_id(bytes, s.where);
    if (!hashed)
        return fail(s.remember(hashed.error()));
    const git_oid& id = *hashed;
    // Without a refresh (a rescan of objects/pack per blob would dominate):
    // a blob that another process packed meanwhile is written once more,
    // which git tolerates.
    if (git_odb_exists_ext(s.odb.get(), &id, GIT_ODB_LOOKUP_NO_REFRESH) == 1 || s.is_held(id))
        return to_id(id);
    if (!s.pack && s.fits_loose(bytes.size())) {
        s.held.push_back({id, std::string(bytes)});
        s.held_bytes += bytes.size();
        return to_id(id);
    }
    if (!s.pack)
        if (Status st = s.start_packing(); !st)
            return fail(s.remember(st.error()));
    if (Status st = s.add_to_pack(id, bytes); !st)
        return fail(s.remember(st.error()));
    if (s.pack->bytes >= s.limits.pack_bytes)
        if (Status st = s.flush(); !st)
            return fail(s.remember(st.error()));
    return to_id(id);
}

Status BlobWriter::finish() {
    State& s = *m_state;
    if (s.failed)
        return fail(*s.failed);
    Status done = s.pack ? s.flush() : s.write_loose();
    if (!done)
        return fail(s.remember(done.error()));
    s.pack.reset();
    return ok();
}

std::size_t BlobWriter::packs_written() const {
    return m_state->packs;
}

}  // namespace archtag::repo
