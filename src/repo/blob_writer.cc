// Loose objects for a few blobs, packs for many.
#include "repo/blob_writer.h"

#include <fmt/format.h>
#include <git2.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>

#include <optional>
#include <string>
#include <vector>

#include "repo/handles.h"

namespace archtag::repo {

using detail::git_failure;
using detail::Handle;
using detail::to_id;

namespace {

struct FreePackBuilder {
    void operator()(git_packbuilder* p) const { git_packbuilder_free(p); }
};
struct FreeWritePack {
    void operator()(git_odb_writepack* w) const { w->free(w); }
};

// A blob waiting for finish() to write it as a loose object.
struct Held {
    git_oid id;
    std::string bytes;
};

// Where blobs wait to be written as a pack: a mempack backend in an object
// database of its own, never in the repository's. Added to the repository's
// database it would take every later write of that repository (trees,
// commits) into memory as well, and libgit2 1.5 cannot remove a backend
// again. git_mempack_dump() is not used: in 1.5 it packs only commits (and
// what they reach), never loose blobs; a packbuilder over this database
// packs the blobs themselves.
struct PendingPack {
    Handle<git_odb> odb;
    git_odb_backend* mempack = nullptr;  // owned by `odb`
    Handle<git_repository> view;         // `odb` as a repository, for the packbuilder
    std::vector<git_oid> ids;
    std::uint64_t bytes = 0;
};

struct PackSink {
    git_odb_writepack* writer;
    git_indexer_progress* progress;
};

int append_to(void* data, std::size_t size, void* payload) {
    auto* sink = static_cast<PackSink*>(payload);
    return sink->writer->append(sink->writer, data, size, sink->progress);
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

    Status open_pack() {
        PendingPack p;
        git_odb* odb_raw = nullptr;
        if (git_odb_new(&odb_raw) != 0)
            return fail(git_failure(where, "cannot create an in-memory object store"));
        p.odb.reset(odb_raw);
        if (git_mempack_new(&p.mempack) != 0)
            return fail(git_failure(where, "cannot create an in-memory object store"));
        if (git_odb_add_backend(p.odb.get(), p.mempack, 1) != 0) {
            p.mempack->free(p.mempack);
            return fail(git_failure(where, "cannot create an in-memory object store"));
        }
        git_repository* view = nullptr;
        if (git_repository_wrap_odb(&view, p.odb.get()) != 0)
            return fail(git_failure(where, "cannot create an in-memory object store"));
        p.view.reset(view);
        pack = std::move(p);
        return ok();
    }

    Status add_to_pack(const git_oid& id, std::string_view bytes) {
        if (git_odb_exists_ext(pack->odb.get(), &id, GIT_ODB_LOOKUP_NO_REFRESH) == 1)
            return ok();
        git_oid stored;
        if (git_odb_write(&stored, pack->odb.get(), bytes.data(), bytes.size(), GIT_OBJECT_BLOB) !=
            0)
            return fail(git_failure(where, "cannot hold a blob in memory"));
        pack->ids.push_back(id);
        pack->bytes += bytes.size();
        return ok();
    }

    // From loose to packed: the blobs held so far go into the first pack.
    Status start_packing() {
        if (Status s = open_pack(); !s)
            return s;
        for (const Held& h : held)
            if (Status s = add_to_pack(h.id, h.bytes); !s)
                return s;
        held.clear();
        held_bytes = 0;
        return ok();
    }

    // Writes the blobs held in memory as a pack in the repository's
    // objects/pack (through the indexer, which also writes the .idx), then
    // empties the memory store.
    Status flush() {
        if (!pack || pack->ids.empty())
            return ok();
        std::string what = fmt::format("cannot write a pack of {} blobs", pack->ids.size());
        git_packbuilder* pb_raw = nullptr;
        if (git_packbuilder_new(&pb_raw, pack->view.get()) != 0)
            return fail(git_failure(where, what));
        std::unique_ptr<git_packbuilder, FreePackBuilder> pb(pb_raw);
        git_packbuilder_set_threads(pb.get(), 1);  // the sweep's workers have the other cores
        for (const git_oid& id : pack->ids)
            if (git_packbuilder_insert(pb.get(), &id, nullptr) != 0)
                return fail(git_failure(where, what));
        git_odb_writepack* wp_raw = nullptr;
        if (git_odb_write_pack(&wp_raw, odb.get(), nullptr, nullptr) != 0)
            return fail(git_failure(where, what));
        std::unique_ptr<git_odb_writepack, FreeWritePack> wp(wp_raw);
        git_indexer_progress progress{};
        PackSink sink{wp.get(), &progress};
        if (git_packbuilder_foreach(pb.get(), append_to, &sink) != 0 ||
            wp->commit(wp.get(), &progress) != 0)
            return fail(git_failure(where, what));
        git_mempack_reset(pack->mempack);
        pack->ids.clear();
        pack->bytes = 0;
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
    s.pack.reset();  // frees the memory store; it was never in the repository's database
    return ok();
}

std::size_t BlobWriter::packs_written() const {
    return m_state->packs;
}

}  // namespace archtag::repo
