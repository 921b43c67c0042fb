#include <chrono>
#include <exception>
#include <iostream>
#include <new>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli/cli.h"

namespace {

// Measured on a commit sweep of 1,000,000 articles (BENCHMARKS.md): glibc
// raises its mmap threshold whenever a large block is freed, after which
// the parsers' per-page arenas and the blobs come from the heap, which keeps
// its high-water mark; and each worker thread gets an arena of its own.
// With the threshold fixed at glibc's default and two arenas, the sweep
// peaked at ~250 MiB instead of ~300 MiB, at the same speed.
void keep_the_heap_small() {
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_ARENA_MAX, 2);
#endif
}

}  // namespace

int main(int argc, char** argv) {
    keep_the_heap_small();
    std::vector<std::string> args(argv + 1, argv + argc);
    // The only clock read in archtag: everything below gets `now` as input.
    auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    // Errors are values in archtag; what is thrown is the C++ library's
    // (std::bad_alloc, say). Every file archtag writes is written whole or
    // not at all, so stopping here loses nothing.
    try {
        return archtag::cli::run(args, now, std::cout, std::cerr);
    } catch (const std::bad_alloc&) {
        std::cerr << "archtag: stopped: out of memory (try fewer --jobs)\n";
    } catch (const std::exception& e) {
        std::cerr << "archtag: stopped by an internal error: " << e.what() << "\n";
    }
    return 3;
}
