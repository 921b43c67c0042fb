#pragma once
// Where a report goes: stdout, or the file named by -o (written atomically
// once the report is complete).
#include <optional>
#include <ostream>
#include <sstream>
#include <string>

#include "util/expected.h"

namespace archtag::app {

// Checks before any work that a report can be written to `file`: its folder
// exists and is writable, and it is not a folder itself.
Status check_report_destination(const std::string& file);

class ReportSink {
  public:
    ReportSink(std::ostream& out, std::optional<std::string> file)
        : m_out(out), m_file(std::move(file)) {}
    std::ostream& stream() { return m_file ? static_cast<std::ostream&>(m_buffer) : m_out; }
    // Writes the buffered report to the file, if any.
    Status finish();

  private:
    std::ostream& m_out;
    std::optional<std::string> m_file;
    std::ostringstream m_buffer;
};

}  // namespace archtag::app
