#include "repo/work_file.h"

#include <dirent.h>
#include <fmt/format.h>
#include <git2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

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

}  // namespace

WorkTemps::WorkTemps(const std::string& git_dir) {
    std::string dir = git_dir + "/archtag";
    ::mkdir(dir.c_str(), 0777);  // exists already, or the stat below says no
    dir += "/tmp";
    ::mkdir(dir.c_str(), 0777);
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && ::access(dir.c_str(), W_OK) == 0) {
        m_dir = std::move(dir);
        m_device = st.st_dev;
    }
}

std::string WorkTemps::pattern(const std::string& target, const struct stat& st) const {
    if (m_dir.empty() || st.st_dev != m_device)
        return target + ".archtag-XXXXXX";
    return m_dir + "/work-XXXXXX";
}

void WorkTemps::clear_leftovers() const {
    if (m_dir.empty())
        return;
    DIR* dir = ::opendir(m_dir.c_str());
    if (!dir)
        return;
    while (const dirent* e = ::readdir(dir)) {
        std::string_view name = e->d_name;
        if (name.starts_with("work-"))
            ::unlinkat(::dirfd(dir), e->d_name, 0);
    }
    ::closedir(dir);
}

Expected<std::string> write_work_temp(git_repository* filters, const git_oid& blob,
                                      const std::string& path, const std::string& target,
                                      const struct stat& st, const WorkTemps& temps) {
    git_blob* raw = nullptr;
    if (git_blob_lookup(&raw, filters, &blob) != 0)
        return fail(git_failure(target, "cannot read the stamped blob"));
    Handle<git_blob> b(raw);
    Buf filtered;
    git_blob_filter_options opts;
    git_blob_filter_options_init(&opts, GIT_BLOB_FILTER_OPTIONS_VERSION);
    if (git_blob_filter(&filtered.buf, b.get(), path.c_str(), &opts) != 0)
        return fail(git_failure(target, "cannot filter the stamped blob for the work tree"));
    std::string temp = temps.pattern(target, st);
    int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return fail(make_error(
            target, fmt::format("cannot create a temporary file {}: {}",
                                temp.starts_with(target) ? "beside it" : "in " + temps.folder(),
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
