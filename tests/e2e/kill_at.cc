// Test-only, loaded with LD_PRELOAD by tests/e2e/git_kill_test.cc: counts
// the calls that change files (write, rename, link, unlink, fsync) and, at
// call number $ARCHTAG_TEST_KILL_AT, kills the process with SIGKILL before
// the call happens, as a power cut or `kill -9` would. With
// $ARCHTAG_TEST_KILL_COUNT set to a file name, the number of such calls is
// written there at exit, so a test can kill a run at every one of its steps.
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>

namespace {

std::atomic<long> g_calls{0};

template <typename F>
F real(const char* name) {
    return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

void step() {
    long n = ++g_calls;
    static const long kill_at = [] {
        const char* v = std::getenv("ARCHTAG_TEST_KILL_AT");
        return v ? std::atol(v) : 0L;
    }();
    if (kill_at > 0 && n == kill_at)
        ::kill(::getpid(), SIGKILL);
}

struct CountAtExit {
    ~CountAtExit() {
        const char* file = std::getenv("ARCHTAG_TEST_KILL_COUNT");
        if (!file)
            return;
        if (std::FILE* f = std::fopen(file, "w")) {
            std::fprintf(f, "%ld\n", g_calls.load());
            std::fclose(f);
        }
    }
} g_count_at_exit;

}  // namespace

extern "C" {

ssize_t write(int fd, const void* buf, size_t n) {
    step();
    return real<ssize_t (*)(int, const void*, size_t)>("write")(fd, buf, n);
}

int rename(const char* from, const char* to) noexcept {
    step();
    return real<int (*)(const char*, const char*)>("rename")(from, to);
}

int link(const char* from, const char* to) noexcept {
    step();
    return real<int (*)(const char*, const char*)>("link")(from, to);
}

int unlink(const char* path) noexcept {
    step();
    return real<int (*)(const char*)>("unlink")(path);
}

int fsync(int fd) {
    step();
    return real<int (*)(int)>("fsync")(fd);
}

}  // extern "C"
