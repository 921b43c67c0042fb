// Test-only, loaded with LD_PRELOAD by the e2e tests: rename(2) onto a path
// ending in $ARCHTAG_TEST_FAIL_RENAME fails with EPERM, as onto an immutable
// file. It makes a write fail half way through a run even as root, where
// chmod stops nothing; archtag itself has no test switch.
#include <dlfcn.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace {

bool ends_with(const char* s, const char* suffix) {
    std::size_t n = std::strlen(s), m = std::strlen(suffix);
    return m > 0 && n >= m && std::strcmp(s + n - m, suffix) == 0;
}

}  // namespace

extern "C" int rename(const char* from, const char* to) noexcept {
    const char* suffix = std::getenv("ARCHTAG_TEST_FAIL_RENAME");
    if (suffix && to && ends_with(to, suffix)) {
        errno = EPERM;
        return -1;
    }
    using Rename = int (*)(const char*, const char*);
    static const Rename real = reinterpret_cast<Rename>(dlsym(RTLD_NEXT, "rename"));
    return real(from, to);
}
