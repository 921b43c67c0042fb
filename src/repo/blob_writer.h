#pragma once
// Writing the new blobs of a sweep: a few as loose objects, many as packs,
// so that stamping 300,000 articles leaves a handful of pack files instead
// of 300,000 loose ones, with bounded memory.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "repo/repo.h"

namespace archtag::repo {

struct BlobWriterLimits {
    // Up to this many blobs, and this many bytes of them, are written as
    // loose objects by finish(), as git's receive.unpackLimit (100) does for
    // a push; one more and every blob goes into packs.
    std::size_t loose_blobs = 100;
    std::uint64_t loose_bytes = std::uint64_t{8} << 20;
    // Blob bytes (before compression) gathered in memory, deflated, before
    // they are written out as one pack.
    std::uint64_t pack_bytes = std::uint64_t{32} << 20;
};

// Used from one thread, with a Repository of its own (Repository::open).
// Blobs given to write() are readable through the repository (read_blob,
// update_tree, create_commit: libgit2 checks that a tree's blobs exist)
// only once finish() has returned ok; packs flushed before then are on
// disk, but finish() is what completes the set. A writer destroyed without
// finish() discards the blobs it still holds (packs already flushed stay,
// unreferenced, until git gc prunes them). After finish() the writer can be
// used again.
class BlobWriter {
  public:
    explicit BlobWriter(Repository& repo);
    BlobWriter(Repository& repo, BlobWriterLimits limits);
    BlobWriter(BlobWriter&&) noexcept;
    BlobWriter& operator=(BlobWriter&&) noexcept;
    ~BlobWriter();

    // The blob's id (as `git hash-object` computes it). A blob the
    // repository already has is not written again. After any failure every
    // later call fails the same way.
    Expected<ObjectId> write(std::string_view bytes);
    Status finish();

    // Packs written so far (by flushes and finish()), for reports and tests.
    std::size_t packs_written() const;

  private:
    struct State;
    std::unique_ptr<State> m_state;
};

}  // namespace archtag::repo
