#include "report/json_stream.h"

#include <cassert>

namespace archtag::report {

namespace {

constexpr std::string_view k_placeholder = "[]";
constexpr int k_step = 2;  // the indentation step of every indented dump

void write_indented(std::ostream& out, std::string_view text, int spaces) {
    const std::string pad(static_cast<std::size_t>(spaces), ' ');
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        out << (start ? "\n" : "") << pad << text.substr(start, end - start);
        start = end + 1;
    }
}

}  // namespace

JsonHalves split_at_array(std::string_view dumped, std::string_view key) {
    std::size_t at = dumped.find(key);
    assert(at != std::string_view::npos);
    at += key.size();
    assert(dumped.substr(at, k_placeholder.size()) == k_placeholder);
    return {std::string(dumped.substr(0, at)),
            std::string(dumped.substr(at + k_placeholder.size()))};
}

void JsonArrayWriter::add(std::string_view element) {
    if (m_indent == k_compact) {
        m_out << (m_any ? "," : "[") << element;
    } else {
        m_out << (m_any ? ",\n" : "[\n");
        write_indented(m_out, element, m_indent + k_step);
    }
    m_any = true;
}

void JsonArrayWriter::close() {
    if (!m_any)
        m_out << k_placeholder;
    else if (m_indent == k_compact)
        m_out << ']';
    else
        m_out << '\n' << std::string(static_cast<std::size_t>(m_indent), ' ') << ']';
}

}  // namespace archtag::report
