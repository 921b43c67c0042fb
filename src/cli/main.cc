#include <chrono>
#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    // The only clock read in archtag: everything below gets `now` as input.
    auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return archtag::cli::run(args, now, std::cout, std::cerr);
}
