#pragma once
// Writing a dumped JSON document piece by piece: the text before a long
// array, its elements one at a time, then the rest, byte for byte as
// nlohmann::json's dump() lays out the whole. Internal to src/report.
#include <ostream>
#include <string>
#include <string_view>

namespace archtag::report {

// A document dumped with an empty array where the streamed one goes, cut
// around that placeholder: `head` ends just before it, `tail` starts just
// after it. `key` is the text that first occurs right before the
// placeholder: with an indented dump, a line break and the key's indentation
// (a line break never occurs raw inside a JSON string).
struct JsonHalves {
    std::string head;
    std::string tail;
};
JsonHalves split_at_array(std::string_view dumped, std::string_view key);

// Writes one array element at a time. `indent` is the spaces before the
// array's own line in an indented dump (elements are dumped alone with the
// same two-space step and indented here), or k_compact for dump(-1).
class JsonArrayWriter {
  public:
    static constexpr int k_compact = -1;

    JsonArrayWriter(std::ostream& out, int indent) : m_out(out), m_indent(indent) {}
    void add(std::string_view dumped_element);
    void close();

  private:
    std::ostream& m_out;
    int m_indent;
    bool m_any = false;
};

}  // namespace archtag::report
