#include "util/spool.h"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace archtag {

namespace {

std::string errno_text() {
    return errno == 0 ? "unknown error" : std::strerror(errno);
}

}  // namespace

Spool::Spool(std::size_t memory_limit, OpenFile open) : m_limit(memory_limit), m_open(open) {}

Spool::~Spool() {
    if (m_file)
        std::fclose(m_file);
}

void Spool::append(std::string_view bytes) {
    m_size += bytes.size();
    if (!m_file && !m_gave_up_on_file && m_memory.size() + bytes.size() > m_limit)
        spill();
    if (m_file)
        write_to_file(bytes);
    else
        m_memory.append(bytes);
}

void Spool::spill() {
    errno = 0;
    m_file = m_open();
    if (!m_file) {
        m_gave_up_on_file = true;
        remember_error(fmt::format(
            "could not create a temporary file to spool to ({}); kept the lines in memory instead",
            errno_text()));
        return;
    }
    std::string pending;
    pending.swap(m_memory);  // frees the memory, which is the point
    write_to_file(pending);
}

void Spool::write_to_file(std::string_view bytes) {
    errno = 0;
    if (std::fwrite(bytes.data(), 1, bytes.size(), m_file) != bytes.size())
        give_up_on_file("write");
}

// Lines already in the file cannot be trusted any more; later ones are kept
// in memory, so one failure loses as little as it can.
void Spool::give_up_on_file(std::string_view verb) {
    std::string why = errno_text();
    std::fclose(m_file);
    m_file = nullptr;
    m_gave_up_on_file = true;
    remember_error(fmt::format(
        "could not {} the spool's temporary file ({}); lines spooled to it were lost", verb, why));
}

void Spool::remember_error(std::string message) {
    if (!m_error)
        m_error = make_error("", std::move(message));
}

Status Spool::copy_to(std::ostream& out) {
    if (m_file)
        copy_file_to(out);
    out << m_memory;
    if (m_error)
        return fail(*m_error);
    return ok();
}

void Spool::copy_file_to(std::ostream& out) {
    errno = 0;
    if (std::fflush(m_file) != 0)
        return give_up_on_file("write");
    std::rewind(m_file);
    std::array<char, 1 << 16> buffer;
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), m_file)) > 0)
        out.write(buffer.data(), static_cast<std::streamsize>(n));
    if (std::ferror(m_file))
        return give_up_on_file("read");
    // Reading and writing a stdio stream must be separated by a seek.
    if (std::fseek(m_file, 0, SEEK_END) != 0)
        give_up_on_file("seek in");
}

}  // namespace archtag
