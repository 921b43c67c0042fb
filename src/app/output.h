#pragma once
// Where a report goes: stdout, or the file named by -o (written atomically
// once the report is complete).
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "util/expected.h"

namespace archtag::app {

// Checks before any work that a report can be written to `file`: its folder
// exists and is writable, and it is not a folder itself.
Status check_report_destination(const std::string& file);

// The report's destination. With -o the report is streamed into a
// temporary file next to the target, which replaces the target at finish():
// a report of a million articles is never held in memory, and a failed run
// never leaves half a report where the old one was.
//
// Defer::yes (a progress line is being drawn on the same terminal) holds a
// stdout report back in a temporary file until finish(), so its lines never
// cut through the progress line.
enum class Defer { no, yes };
class ReportSink {
  public:
    ReportSink(std::ostream& out, std::optional<std::string> file, Defer defer = Defer::no);
    ~ReportSink();
    std::ostream& stream();
    // Puts the report file in place, if any.
    Status finish();

  private:
    struct File;
    std::ostream& m_out;
    std::unique_ptr<File> m_file;
};

}  // namespace archtag::app
