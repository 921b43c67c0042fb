#pragma once
// Spool: bytes to print later, in order, without keeping them all in memory.
// A report section that comes after the rows (for a million articles) is
// collected here: up to a limit it stays in memory, past it everything moves
// to an unnamed temporary file that disappears when the spool does.
#include <cstddef>
#include <cstdio>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "util/error.h"
#include "util/expected.h"

namespace archtag {

class Spool {
  public:
    static constexpr std::size_t k_memory_limit = std::size_t{1} << 20;  // 1 MiB
    // Opens the file to spill to, read-write; std::tmpfile outside tests.
    using OpenFile = std::FILE* (*)();

    explicit Spool(std::size_t memory_limit = k_memory_limit, OpenFile open = std::tmpfile);
    ~Spool();
    Spool(const Spool&) = delete;
    Spool& operator=(const Spool&) = delete;

    void append(std::string_view bytes);
    bool empty() const { return m_size == 0; }
    bool spilled() const { return m_file != nullptr; }

    // Writes everything appended so far, in order. A failure to create, write
    // or read the temporary file is returned here (the first one only), after
    // whatever could be kept has been written; appending may go on afterwards.
    Status copy_to(std::ostream& out);

  private:
    void spill();
    void write_to_file(std::string_view bytes);
    void give_up_on_file(std::string_view verb);
    void remember_error(std::string message);
    void copy_file_to(std::ostream& out);

    std::size_t m_limit;
    OpenFile m_open;
    std::size_t m_size = 0;  // bytes appended in all
    std::string m_memory;
    std::FILE* m_file = nullptr;
    bool m_gave_up_on_file = false;  // after a failure: memory only from then on
    std::optional<Error> m_error;
};

}  // namespace archtag
