#include "repo/work_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <git2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "repo/handles.h"

namespace archtag::repo::detail {

namespace {

struct Buf {
    git_buf buf = GIT_BUF_INIT;
    ~Buf() { git_buf_dispose(&buf); }
};

Status write_all(int fd, const char* data, std::size_t size, const std::string& where) {
    while (size > 0) {
        ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail(system_error(where, "cannot write"));
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return ok();
}

// Creates `file` anew (0600 until the caller sets its mode); a file already
// there is what a killed run left, and is replaced.
int create_exclusive(const std::string& file) {
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST && ::unlink(file.c_str()) == 0)
        fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    return fd;
}

}  // namespace

std::string work_temp_name(const std::string& target) {
    return target + ".archtag-new";
}

Expected<std::string> write_work_temp(git_repository* filters, const git_oid& blob,
                                      const std::string& path, const std::string& target,
                                      const struct stat& st) {
    git_blob* raw = nullptr;
    if (git_blob_lookup(&raw, filters, &blob) != 0)
        return fail(git_failure(target, "cannot read the stamped blob"));
    Handle<git_blob> b(raw);
    Buf filtered;
    git_blob_filter_options opts;
    git_blob_filter_options_init(&opts, GIT_BLOB_FILTER_OPTIONS_VERSION);
    if (git_blob_filter(&filtered.buf, b.get(), path.c_str(), &opts) != 0)
        return fail(git_failure(target, "cannot filter the stamped blob for the work tree"));
    std::string temp = work_temp_name(target);
    int fd = create_exclusive(temp);
    if (fd < 0)
        return fail(make_error(target, fmt::format("cannot create a temporary file beside it: {}",
                                                   std::strerror(errno))));
    Status s = write_all(fd, filtered.buf.ptr, filtered.buf.size, temp);
    if (s && ::fchmod(fd, st.st_mode & 07777) != 0)
        s = fail(system_error(temp, "cannot set permissions"));
    if (::close(fd) != 0 && s)
        s = fail(system_error(temp, "cannot write"));
    if (!s) {
        std::remove(temp.c_str());
        return fail(s.error());
    }
    return temp;
}

}  // namespace archtag::repo::detail
