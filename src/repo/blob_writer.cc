// Loose objects for a few blobs, packs for many.
#include "repo/blob_writer.h"

#include <fmt/format.h>
#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <zlib.h>

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "repo/handles.h"
#include "repo/sha1.h"

namespace archtag::repo {

using detail::git_failure;
using detail::Handle;
using detail::to_id;

namespace {

struct FreeWritePack {
    void operator()(git_odb_writepack* w) const { w->free(w); }
};

// A blob waiting for finish() to write it as a loose object.
struct Held {
    git_oid id;
    std::string bytes;
};

// A pack being gathered: each blob deflated into a pack entry as it comes
// (no deltas: a stamped article differs from its old blob by a few lines,
// but searching for deltas cost more than the sweep itself, and `git gc`
// finds them later). Written out with git's header and SHA-1 trailer
// through the repository's indexer, which checks it and writes the .idx.
struct PendingPack {
    std::string entries;
    std::unordered_set<std::string> ids;  // raw ids, to take a blob once
    std::uint64_t bytes = 0;              // blob bytes, before compression
};

constexpr int k_pack_blob = 3;  // OBJ_BLOB in a pack entry header

// A pack entry: type and size (7 bits per byte after the first 4), then
// the zlib stream of the bytes.
bool append_entry(std::string& out, std::string_view bytes) {
    std::uint64_t size = bytes.size();
    unsigned char c = static_cast<unsigned char>((k_pack_blob << 4) | (size & 0x0f));
    size >>= 4;
    while (size) {
        out += static_cast<char>(c | 0x80);
        c = static_cast<unsigned char>(size & 0x7f);
        size >>= 7;
    }
    out += static_cast<char>(c);
    uLongf room = compressBound(static_cast<uLong>(bytes.size()));
    std::size_t at = out.size();
    out.resize(at + room);
    // Level 1, as git's core.looseCompression: the blobs are small and many.
    int rc = compress2(reinterpret_cast<Bytef*>(out.data() + at), &room,
                       reinterpret_cast<const Bytef*>(bytes.data()),
                       static_cast<uLong>(bytes.size()), Z_BEST_SPEED);
    out.resize(rc == Z_OK ? at + room : at);
    return rc == Z_OK;
}

std::string be32(std::uint32_t n) {
    return {static_cast<char>(n >> 24), static_cast<char>(n >> 16), static_cast<char>(n >> 8),
            static_cast<char>(n)};
}

}  // namespace

struct BlobWriter::State {
    std::string where;
    BlobWriterLimits limits;
    Handle<git_odb> odb;  // the repository's
    std::vector<Held> held;
    std::uint64_t held_bytes = 0;
    std::optional<PendingPack> pack;
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
        if (!append_entry(pack->entries, bytes))
            return fail(git_failure(where, "cannot compress a blob"));
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

    // Hands `bytes` to the indexer and to the trailer's digest.
    static bool feed(git_odb_writepack* wp, detail::Sha1& digest, std::string_view bytes,
                     git_indexer_progress* progress) {
        constexpr std::size_t k_chunk = 1u << 20;
        for (std::size_t at = 0; at < bytes.size(); at += k_chunk) {
            std::string_view part = bytes.substr(at, k_chunk);
            if (!digest.add(part.data(), part.size()) ||
                wp->append(wp, part.data(), part.size(), progress) != 0)
                return false;
        }
        return true;
    }

    // Room for a whole pack up front: growing by doubling would copy the
    // entries each time and, for a moment, hold them twice. Pages that are
    // never written are never resident.
    void new_pack() {
        pack.emplace();
        pack->entries.reserve(static_cast<std::size_t>(limits.pack_bytes) + (1u << 20));
    }

    // Writes the pack gathered so far into the repository's objects/pack.
    Status flush() {
        if (!pack || pack->ids.empty())
            return ok();
        std::string what = fmt::format("cannot write a pack of {} blobs", pack->ids.size());
        git_odb_writepack* wp_raw = nullptr;
        if (git_odb_write_pack(&wp_raw, odb.get(), nullptr, nullptr) != 0)
            return fail(git_failure(where, what));
        std::unique_ptr<git_odb_writepack, FreeWritePack> wp(wp_raw);
        auto digest = detail::Sha1::start(where);
        if (!digest)
            return fail(digest.error());
        git_indexer_progress progress{};
        std::string head = "PACK" + be32(2) + be32(static_cast<std::uint32_t>(pack->ids.size()));
        if (!feed(wp.get(), *digest, head, &progress) ||
            !feed(wp.get(), *digest, pack->entries, &progress))
            return fail(git_failure(where, what));
        auto trailer = digest->finish();
        if (!trailer)
            return fail(trailer.error());
        if (wp->append(wp.get(), trailer->data(), trailer->size(), &progress) != 0 ||
            wp->commit(wp.get(), &progress) != 0)
            return fail(git_failure(where, what));
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
    git_oid id;
    if (git_odb_hash(&id, bytes.data(), bytes.size(), GIT_OBJECT_BLOB) != 0)
        return fail(s.remember(git_failure(s.where, "cannot hash a blob")));
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
