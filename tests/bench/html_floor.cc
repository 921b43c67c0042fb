// What the HTML parser alone costs on an archive's pages: the least a sweep
// that reads them with gumbo can take. scripts/bench_git.py sets it beside
// `git grep` to show how much of a full sweep's target the parse leaves.
//
//   archtag_html_floor [--jobs N] < paths   (NUL- or newline-separated)
//
// Each page is read into memory first (not timed), then parsed with gumbo
// as archtag parses it (no error list, an arena per page, nothing else: no
// encoding check, no walk of the tree, no dates, no stamps) on N threads.
// Prints: pages, bytes, wall seconds, CPU seconds.
#include <gumbo.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory_resource>
#include <string>
#include <thread>
#include <vector>

namespace {

std::vector<std::string> read_paths() {
    std::string all((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    char separator = all.find('\0') != std::string::npos ? '\0' : '\n';
    std::vector<std::string> out;
    for (std::size_t at = 0; at < all.size();) {
        std::size_t end = std::min(all.find(separator, at), all.size());
        if (end > at)
            out.push_back(all.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

bool read_page(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

// As page_facts.cc: gumbo's many small allocations from one arena per page.
void parse(const std::string& page) {
    std::pmr::monotonic_buffer_resource arena(std::max<std::size_t>(64u << 10, page.size() * 8));
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    options.allocator = [](void* self, std::size_t size) -> void* {
        return static_cast<std::pmr::monotonic_buffer_resource*>(self)->allocate(
            std::max<std::size_t>(size, 1), alignof(std::max_align_t));
    };
    options.deallocator = [](void*, void*) {};
    options.userdata = &arena;
    gumbo_parse_with_options(&options, page.data(), page.size());
}

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--jobs") == 0 && i + 1 < argc) {
            jobs = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        } else {
            std::fprintf(stderr, "usage: archtag_html_floor [--jobs N] < paths\n");
            return 2;
        }
    }
    std::vector<std::string> pages;
    std::size_t bytes = 0;
    for (const std::string& path : read_paths()) {
        pages.emplace_back();
        if (!read_page(path, pages.back())) {
            std::fprintf(stderr, "archtag_html_floor: %s: cannot read\n", path.c_str());
            return 1;
        }
        bytes += pages.back().size();
    }
    std::atomic<std::size_t> next{0};
    double cpu_before = cpu_seconds();
    auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t)
        threads.emplace_back([&] {
            for (std::size_t i; (i = next.fetch_add(1)) < pages.size();)
                parse(pages[i]);
        });
    for (std::thread& t : threads)
        t.join();
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("pages %zu bytes %zu wall %.3f cpu %.3f\n", pages.size(), bytes, wall,
                cpu_seconds() - cpu_before);
    return 0;
}
