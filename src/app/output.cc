#include "app/output.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/app.h"
#include "util/file.h"
#include "util/spool.h"

#include <functional>

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

namespace {

// An ostream's buffer that hands its bytes to `append` (an AtomicFile, a
// Spool); the first failure is kept for finish().
class AppendBuffer : public std::streambuf {
  public:
    using Append = std::function<Status(std::string_view)>;
    explicit AppendBuffer(Append append) : m_append(std::move(append)) {
        setp(m_space, m_space + k_size);
    }
    Status result() const { return m_error ? Status(fail(*m_error)) : ok(); }

  protected:
    int overflow(int c) override {
        if (!drain())
            return traits_type::eof();
        if (c != traits_type::eof()) {
            *pptr() = static_cast<char>(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return drain() ? 0 : -1; }

  private:
    bool drain() {
        if (m_error)
            return false;
        Status s = m_append(std::string_view(pbase(), static_cast<std::size_t>(pptr() - pbase())));
        setp(m_space, m_space + k_size);
        if (!s)
            m_error = s.error();
        return !m_error;
    }
    static constexpr std::size_t k_size = 1u << 16;
    Append m_append;
    char m_space[k_size];
    std::optional<Error> m_error;
};

}  // namespace

struct ReportSink::File {
    std::optional<AtomicFile> file;  // -o FILE
    std::optional<Spool> deferred;   // stdout, held back
    std::optional<Error> error;      // the temporary file could not be made
    std::unique_ptr<AppendBuffer> buffer;
    std::ostream stream{nullptr};
};

ReportSink::ReportSink(std::ostream& out, std::optional<std::string> file, Defer defer)
    : m_out(out) {
    if (!file && defer == Defer::no)
        return;
    m_file = std::make_unique<File>();
    File& f = *m_file;
    if (!file) {
        f.deferred.emplace();
        f.buffer = std::make_unique<AppendBuffer>([&f](std::string_view bytes) {
            f.deferred->append(bytes);
            return ok();
        });
    } else if (auto created = AtomicFile::create(*file)) {
        f.file.emplace(std::move(*created));
        f.buffer = std::make_unique<AppendBuffer>(
            [&f](std::string_view bytes) { return f.file->append(bytes); });
    } else {
        f.error = created.error();
        f.stream.setstate(std::ios::badbit);  // writes go nowhere; finish() says why
        return;
    }
    f.stream.rdbuf(f.buffer.get());
}

ReportSink::~ReportSink() = default;

std::ostream& ReportSink::stream() {
    return m_file ? m_file->stream : m_out;
}

Status ReportSink::finish() {
    if (!m_file)
        return ok();
    if (m_file->error)
        return fail(*m_file->error);
    m_file->stream.flush();
    if (Status s = m_file->buffer->result(); !s)
        return s;
    if (m_file->deferred)
        return m_file->deferred->copy_to(m_out);
    return m_file->file->commit();
}

int usage_error(std::ostream& err, const Error& e) {
    fmt::print(err, "archtag: {}\n", e.describe());
    return k_exit_usage;
}

}  // namespace archtag::app
