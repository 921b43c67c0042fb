#include "util/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cerrno>
#include <cstring>

namespace archtag {

namespace {

Error system_error(const std::string& path, const char* what) {
    return make_error(path, fmt::format("{}: {}", what, std::strerror(errno)));
}

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
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
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
    std::string tmp = path + ".archtag-tmp-XXXXXX";
    int fd = ::mkstemp(tmp.data());
    if (fd < 0)
        return fail(system_error(path, "cannot create temporary file"));
    struct stat st {};
    // mkstemp makes 0600; a new file gets the usual 0666 less the umask, and
    // an existing one keeps its own bits.
    mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : (0666 & ~process_umask());
    ::fchmod(fd, mode);
    bool written = write_all(fd, bytes) && ::fsync(fd) == 0;
    Error e = written ? Error{} : system_error(path, "cannot write");
    if (::close(fd) != 0 && written) {
        written = false;
        e = system_error(path, "cannot close");
    }
    if (written && ::rename(tmp.c_str(), path.c_str()) != 0) {
        written = false;
        e = system_error(path, "cannot replace");
    }
    if (!written) {
        ::unlink(tmp.c_str());
        return fail(e);
    }
    return ok();
}

}  // namespace archtag
