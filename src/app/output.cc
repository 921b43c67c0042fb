#include "app/output.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/app.h"
#include "util/file.h"

namespace archtag::app {

Status ReportSink::finish() {
    if (!m_file)
        return ok();
    return write_file_atomic(*m_file, m_buffer.str());
}

int usage_error(std::ostream& err, const Error& e) {
    fmt::print(err, "archtag: {}\n", e.describe());
    return k_exit_usage;
}

}  // namespace archtag::app
