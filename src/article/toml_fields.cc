// TOML front matter through toml++.
#include <toml++/toml.h>
#include <sstream>

#include "article/field_readers.h"

namespace archtag::article {

namespace {

// Byte offset of a 1-based code-point column within `line`.
std::size_t byte_of_column(std::string_view line, std::size_t column) {
    std::size_t i = 0;
    for (std::size_t c = 1; c < column && i < line.size(); ++c) {
        ++i;
        while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80)
            ++i;
    }
    return i;
}

// The source text of a one-line value, as the article wrote it. toml++ keeps
// each value's region (end exclusive); columns count code points.
std::optional<std::string> source_text(std::string_view content, const toml::source_region& r) {
    if (r.begin.line == 0 || r.begin.line != r.end.line || r.end.column <= r.begin.column)
        return std::nullopt;
    std::string line = line_of(content, static_cast<int>(r.begin.line));
    std::size_t from = byte_of_column(line, r.begin.column);
    std::size_t to = byte_of_column(line, r.end.column);
    if (from >= to)
        return std::nullopt;
    return line.substr(from, to - from);
}

class TomlFlattener {
  public:
    TomlFlattener(const FrontMatterText& fm, FieldMap& out) : m_fm(fm), m_out(out) {}

    Status add_table(const std::string& prefix, const toml::table& table, int depth) {
        for (const auto& [key, node] : table) {
            Status s = add(join_key(prefix, key.str()), node, depth);
            if (!s)
                return s;
        }
        return ok();
    }

    Status add(const std::string& key, const toml::node& node, int depth) {
        if (depth > k_max_depth) {
            return fail(front_matter_error(m_fm, static_cast<int>(node.source().begin.line),
                                           static_cast<int>(node.source().begin.column),
                                           "TOML front matter nests too deeply"));
        }
        m_out[key];  // present even when an empty table or array
        if (const toml::table* t = node.as_table())
            return add_table(key, *t, depth + 1);
        if (const toml::array* a = node.as_array()) {
            for (const toml::node& item : *a) {
                Status s = add(key, item, depth + 1);
                if (!s)
                    return s;
            }
            return ok();
        }
        m_out[key].push_back({scalar_text(node), line_of_node(node)});
        return ok();
    }

  private:
    std::string scalar_text(const toml::node& node) const {
        if (const auto* s = node.as_string())
            return s->get();
        if (auto text = source_text(m_fm.content, node.source()))
            return *text;
        std::ostringstream out;  // toml++ writes the value back as TOML
        node.visit([&out](const auto& v) { out << v; });
        return out.str();
    }

    int line_of_node(const toml::node& node) const {
        auto line = node.source().begin.line;
        return line == 0 ? 0 : m_fm.first_line + static_cast<int>(line) - 1;
    }

    const FrontMatterText& m_fm;
    FieldMap& m_out;
};

}  // namespace

Expected<FieldMap> read_toml_fields(const FrontMatterText& fm) {
    try {
        toml::table root = toml::parse(fm.content, fm.path);
        FieldMap fields;
        Status s = TomlFlattener(fm, fields).add_table("", root, 0);
        if (!s)
            return fail(s.error());
        return fields;
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        return fail(
            front_matter_error(fm, static_cast<int>(begin.line), static_cast<int>(begin.column),
                               "invalid TOML front matter: " + std::string(e.description())));
    }
}

}  // namespace archtag::article
