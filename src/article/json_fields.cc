// JSON front matter (Hugo style) through nlohmann::json's SAX interface, so
// fields keep document order and no DOM is built.
#include <nlohmann/json.hpp>

#include "article/field_readers.h"

namespace archtag::article {

namespace {

using Json = nlohmann::json;

bool ends_literal(char c) {
    return c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// 1-based content lines of the scalar values (not keys) of valid JSON, in
// document order. nlohmann reports no positions for values, so the lines are
// found here and matched to SAX events by their order.
std::vector<int> scalar_value_lines(std::string_view json) {
    std::vector<int> lines;
    int line = 1;
    for (std::size_t i = 0; i < json.size(); ++i) {
        char c = json[i];
        if (c == '\n') {
            ++line;
        } else if (c == '"') {
            int start_line = line;
            for (++i; i < json.size() && json[i] != '"'; ++i) {
                if (json[i] == '\\')
                    ++i;
            }
            std::size_t next = json.find_first_not_of(" \t\r\n", i + 1);
            if (next == json.npos || json[next] != ':')
                lines.push_back(start_line);
        } else if (c == '-' || c == 't' || c == 'f' || c == 'n' || (c >= '0' && c <= '9')) {
            lines.push_back(line);
            while (i + 1 < json.size() && !ends_literal(json[i + 1]))
                ++i;
        }
    }
    return lines;
}

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Start of the token holding `offset`. nlohmann reports where it stopped
// reading, which for a whole unexpected token is its last character.
std::size_t token_start(std::string_view json, std::size_t offset) {
    std::size_t i = 0;
    while (i <= offset && i < json.size()) {
        if (is_blank(json[i])) {
            ++i;
            continue;
        }
        std::size_t start = i++;
        if (json[start] == '"') {
            while (i < json.size() && json[i] != '"')
                i += json[i] == '\\' ? 2 : 1;
            ++i;
        } else if (!ends_literal(json[start]) && json[start] != '[' && json[start] != '{' &&
                   json[start] != ':') {
            while (i < json.size() && !ends_literal(json[i]) && json[i] != ':')
                ++i;
        }
        if (offset < i)
            return start;
    }
    return offset;
}

class JsonFlattener : public nlohmann::json_sax<Json> {
  public:
    JsonFlattener(const FrontMatterText& fm, FieldMap& out)
        : m_fm(fm), m_out(out), m_lines(scalar_value_lines(fm.content)) {}

    bool null() override {
        m_out[value_key()];
        ++m_scalars;
        return true;
    }
    bool boolean(bool v) override { return scalar(v ? "true" : "false"); }
    bool number_integer(number_integer_t v) override { return scalar(std::to_string(v)); }
    bool number_unsigned(number_unsigned_t v) override { return scalar(std::to_string(v)); }
    bool number_float(number_float_t, const string_t& text) override { return scalar(text); }
    bool string(string_t& v) override { return scalar(v); }
    bool binary(binary_t&) override { return true; }  // not produced by JSON text

    bool start_object(std::size_t) override {
        std::string key = m_frames.empty() ? std::string() : value_key();
        if (!m_frames.empty())
            m_out[key];
        m_frames.push_back({Frame::object, std::move(key), {}});
        return m_frames.size() <= static_cast<std::size_t>(k_max_depth);
    }
    bool key(string_t& k) override {
        m_frames.back().pending = join_key(m_frames.back().path, k);
        return true;
    }
    bool end_object() override {
        m_frames.pop_back();
        return true;
    }
    bool start_array(std::size_t) override {
        std::string key = value_key();
        m_out[key];
        m_frames.push_back({Frame::array, std::move(key), {}});
        return m_frames.size() <= static_cast<std::size_t>(k_max_depth);
    }
    bool end_array() override {
        m_frames.pop_back();
        return true;
    }

    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& e) override {
        m_error = make_parse_error(position, e.what());
        return false;
    }

    const std::optional<Error>& error() const { return m_error; }

  private:
    struct Frame {
        enum Kind { object, array } kind;
        std::string path;     // key this object or array is the value of
        std::string pending;  // objects: the key whose value comes next
    };

    // Items of an array belong to the array's key.
    const std::string& value_key() const {
        const Frame& top = m_frames.back();
        return top.kind == Frame::object ? top.pending : top.path;
    }

    bool scalar(std::string text) {
        int line = m_scalars < m_lines.size() ? m_fm.first_line + m_lines[m_scalars] - 1 : 0;
        ++m_scalars;
        m_out[value_key()].push_back({std::move(text), line});
        return true;
    }

    // nlohmann's message minus its "[json.exception...] parse error at line
    // L, column C: " prefix, whose position is relative to the object alone.
    Error make_parse_error(std::size_t position, std::string_view what) const {
        std::size_t at = what.find("parse error");
        std::size_t colon = at == what.npos ? what.npos : what.find(": ", at);
        std::string_view message = colon == what.npos ? what : what.substr(colon + 2);
        // `position` counts the characters read; the last one read is the culprit.
        std::size_t offset = token_start(m_fm.content, position > 0 ? position - 1 : 0);
        LineColumn lc = line_column_at(m_fm.content, offset);
        return front_matter_error(m_fm, lc.line, lc.column,
                                  "invalid JSON front matter: " + std::string(message));
    }

    const FrontMatterText& m_fm;
    FieldMap& m_out;
    std::vector<int> m_lines;
    std::size_t m_scalars = 0;
    std::vector<Frame> m_frames;
    std::optional<Error> m_error;
};

}  // namespace

Expected<FieldMap> read_json_fields(const FrontMatterText& fm) {
    FieldMap fields;
    JsonFlattener flattener(fm, fields);
    bool ok = Json::sax_parse(fm.content.begin(), fm.content.end(), &flattener);
    if (ok)
        return fields;
    if (flattener.error())
        return fail(*flattener.error());
    return fail(front_matter_error(fm, 1, 1, "JSON front matter nests too deeply"));
}

}  // namespace archtag::article
