#include "app/hook_write.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "repo/repo.h"
#include "util/file.h"

namespace archtag::app {

namespace {

constexpr std::uint32_t k_permission_bits = 07777;

}  // namespace

Status SavedFiles::save(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return ok();
        return fail(system_error(path, "cannot save it before stamping"));
    }
    if (!S_ISREG(st.st_mode))
        return ok();
    auto bytes = read_file(path);
    if (!bytes)
        return fail(make_error(
            path, fmt::format("cannot save it before stamping: {}", bytes.error().message)));
    m_files.push_back({path, std::move(*bytes), st.st_mode & k_permission_bits});
    return ok();
}

std::vector<Error> SavedFiles::restore() const {
    std::vector<Error> failed;
    for (const Saved& f : m_files) {
        struct stat st {};
        bool present = ::lstat(f.path.c_str(), &st) == 0;
        if (present && !S_ISREG(st.st_mode)) {
            failed.push_back(make_error(f.path, "is no longer a regular file; not put back"));
            continue;
        }
        bool same_mode = present && (st.st_mode & k_permission_bits) == f.mode;
        if (same_mode) {
            auto now = read_file(f.path);
            if (now && *now == f.bytes)
                continue;
        }
        if (Status s = write_file_atomic(f.path, f.bytes); !s) {
            failed.push_back(make_error(
                f.path, fmt::format("cannot put back its bytes: {}", s.error().message)));
            continue;
        }
        if (::chmod(f.path.c_str(), static_cast<mode_t>(f.mode)) != 0)
            failed.push_back(system_error(f.path, "cannot put back its permissions"));
    }
    return failed;
}

std::string hook_index_path(const repo::Repository& repo) {
    // A relative GIT_INDEX_FILE is opened from the working directory by git
    // and libgit2 alike, so it is used as it is.
    const char* file = std::getenv("GIT_INDEX_FILE");
    if (file && *file)
        return file;
    return repo.git_dir() + "/index";
}

Restage restage_all_or_nothing(repo::Repository& repo,
                               const std::vector<repo::StagedUpdate>& updates) {
    SavedFiles saved;
    if (Status s = saved.save(hook_index_path(repo)); !s)
        return {fail(s.error()), {}};
    if (auto work = repo.work_dir()) {
        for (const repo::StagedUpdate& u : updates)
            if (Status s = saved.save(*work + "/" + u.path); !s)
                return {fail(s.error()), {}};
    }
    auto done = repo::restage(repo, updates);
    if (done)
        return {std::move(done), {}};
    return {std::move(done), saved.restore()};
}

}  // namespace archtag::app
