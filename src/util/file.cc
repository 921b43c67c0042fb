#include "util/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cerrno>
#include <cstring>
#include <utility>

namespace archtag {

namespace {

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// The process umask, read once: umask(2) can only be read by setting it.
mode_t process_umask() {
    static const mode_t k_mask = [] {
        mode_t m = ::umask(022);
        ::umask(m);
        return m;
    }();
    return k_mask;
}

}  // namespace

Expected<std::string> read_file(const std::string& path, std::uint64_t max_bytes) {
    // O_NONBLOCK: a FIFO where a file was expected is refused below rather
    // than waited on for a writer; regular files read as without it.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return fail(system_error(path, "cannot open"));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        Error e = system_error(path, "cannot stat");
        ::close(fd);
        return fail(e);
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return fail(make_error(path, "not a regular file"));
    }
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
        ::close(fd);
        return fail(
            make_error(path, fmt::format("file is {} bytes, larger than the limit of {} bytes",
                                         st.st_size, max_bytes)));
    }
    std::string data;
    data.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < data.size()) {
        ssize_t n = ::read(fd, data.data() + got, data.size() - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            Error e = system_error(path, "cannot read");
            ::close(fd);
            return fail(e);
        }
        if (n == 0)
            break;  // the file shrank while we read it
        got += static_cast<std::size_t>(n);
    }
    data.resize(got);
    ::close(fd);
    return data;
}

Status write_file_atomic(const std::string& path, std::string_view bytes) {
    auto file = AtomicFile::create(path);
    if (!file)
        return fail(file.error());
    if (Status s = file->append(bytes); !s)
        return s;
    return file->commit();
}

namespace {
constexpr std::size_t k_write_chunk = 1u << 20;
}

Expected<AtomicFile> AtomicFile::create(const std::string& path) {
    std::string tmp = path + ".archtag-tmp-XXXXXX";
    int fd = ::mkstemp(tmp.data());
    if (fd < 0)
        return fail(system_error(path, "cannot create temporary file"));
    struct stat st {};
    // mkstemp makes 0600; a new file gets the usual 0666 less the umask, and
    // an existing one keeps its own bits.
    mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : (0666 & ~process_umask());
    ::fchmod(fd, mode);
    return AtomicFile(path, std::move(tmp), fd);
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_path(std::move(other.m_path)),
      m_temporary(std::move(other.m_temporary)),
      m_fd(std::exchange(other.m_fd, -1)),
      m_buffer(std::move(other.m_buffer)),
      m_failed(other.m_failed) {}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
    if (this != &other) {
        AtomicFile old(std::move(*this));  // its destructor drops what this held
        m_path = std::move(other.m_path);
        m_temporary = std::move(other.m_temporary);
        m_fd = std::exchange(other.m_fd, -1);
        m_buffer = std::move(other.m_buffer);
        m_failed = other.m_failed;
    }
    return *this;
}

AtomicFile::~AtomicFile() {
    if (m_fd >= 0) {
        ::close(m_fd);
        ::unlink(m_temporary.c_str());
    }
}

Status AtomicFile::flush_buffer() {
    if (m_failed)
        return fail(make_error(m_path, "an earlier write failed"));
    bool written = write_all(m_fd, m_buffer);
    m_buffer.clear();
    if (!written) {
        m_failed = true;
        return fail(system_error(m_path, "cannot write"));
    }
    return ok();
}

Status AtomicFile::append(std::string_view bytes) {
    if (m_fd < 0)
        return fail(make_error(m_path, "written after it was committed"));
    m_buffer.append(bytes);
    if (m_buffer.size() < k_write_chunk)
        return ok();
    return flush_buffer();
}

Status AtomicFile::commit() {
    if (m_fd < 0)
        return fail(make_error(m_path, "committed twice"));
    Status flushed = flush_buffer();
    bool written = flushed && ::fsync(m_fd) == 0;
    Error e = !flushed ? flushed.error() : written ? Error{} : system_error(m_path, "cannot write");
    if (::close(m_fd) != 0 && written) {
        written = false;
        e = system_error(m_path, "cannot close");
    }
    m_fd = -1;
    if (written && ::rename(m_temporary.c_str(), m_path.c_str()) != 0) {
        written = false;
        e = system_error(m_path, "cannot replace");
    }
    if (!written) {
        ::unlink(m_temporary.c_str());
        return fail(e);
    }
    return ok();
}

}  // namespace archtag
