#include "app/output.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/app.h"
#include "util/file.h"

#include <unistd.h>

#include <boost/filesystem.hpp>

namespace archtag::app {

Status check_report_destination(const std::string& file) {
    namespace fs = boost::filesystem;
    boost::system::error_code ec;
    fs::path p = fs::absolute(file);
    if (fs::is_directory(p, ec))
        return fail(make_error(file, "-o names a folder (expected a file for the report)"));
    fs::path folder = p.parent_path();
    if (!fs::is_directory(folder, ec))
        return fail(make_error(
            file,
            fmt::format("cannot write the report: folder {} does not exist", folder.string())));
    if (::access(folder.c_str(), W_OK) != 0)
        return fail(make_error(
            file,
            fmt::format("cannot write the report: folder {} is not writable", folder.string())));
    return ok();
}

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
