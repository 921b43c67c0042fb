#pragma once
// Whole-file reads and atomic writes. Writes go to a temporary file in the
// same directory, are flushed, and replace the target with rename(2), so a
// crash leaves either the old or the new file, never a torn one.
#include <cstdint>
#include <string>

#include "util/expected.h"

namespace archtag {

// Refuses files larger than `max_bytes` with a clear error.
Expected<std::string> read_file(const std::string& path, std::uint64_t max_bytes = UINT64_MAX);

// Keeps the target's permission bits when it exists.
Status write_file_atomic(const std::string& path, std::string_view bytes);

// A file written in pieces (a report, a cache) that appears at its path only
// when committed, with the same guarantees as write_file_atomic; until then
// it is a temporary file next to the target, removed if never committed.
class AtomicFile {
  public:
    static Expected<AtomicFile> create(const std::string& path);
    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&& other) noexcept;
    ~AtomicFile();

    Status append(std::string_view bytes);
    // Flushes to disk and replaces the target.
    Status commit();
    const std::string& path() const { return m_path; }

  private:
    AtomicFile(std::string path, std::string temporary, int fd)
        : m_path(std::move(path)), m_temporary(std::move(temporary)), m_fd(fd) {}
    Status flush_buffer();

    std::string m_path, m_temporary;
    int m_fd = -1;
    std::string m_buffer;  // appends are gathered into large writes
    bool m_failed = false;
};

}  // namespace archtag
