// YAML front matter through libyaml's event parser. yaml-cpp's regex-based
// scanner cost half of all instructions spent on an already-stamped article;
// libyaml scans by hand and no node tree is built.
#include <yaml.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "article/field_readers.h"

namespace archtag::article {

namespace {

// One node event of the first document; an alias points at its anchored node.
struct Item {
    enum class Kind { scalar, null, sequence, mapping, end, alias };
    Kind kind = Kind::null;
    std::string text;        // a scalar's value
    std::size_t target = 0;  // an alias's anchored item
    std::size_t end = 0;     // the index after this node (its children and end item)
    int line = 0;            // 0-based in the content
    int column = 0;          // 0-based
};

class Parser {
  public:
    Parser() { m_ok = yaml_parser_initialize(&m_parser) != 0; }
    ~Parser() {
        if (m_ok)
            yaml_parser_delete(&m_parser);
    }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;

    bool ok() const { return m_ok; }
    yaml_parser_t* get() { return &m_parser; }

  private:
    yaml_parser_t m_parser{};
    bool m_ok = false;
};

class Event {
  public:
    Event() = default;
    ~Event() {
        if (m_filled)
            yaml_event_delete(&m_event);
    }
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;

    bool next(Parser& parser) {
        m_filled = yaml_parser_parse(parser.get(), &m_event) != 0;
        return m_filled;
    }
    const yaml_event_t& operator*() const { return m_event; }

  private:
    yaml_event_t m_event{};
    bool m_filled = false;
};

// libyaml's marks count characters, not bytes: the byte that starts the
// character at (line, column), both 0-based.
std::size_t byte_at(std::string_view text, std::size_t line, std::size_t column) {
    std::size_t at = 0;
    for (std::size_t l = 0; l < line; ++l) {
        std::size_t newline = text.find('\n', at);
        if (newline == std::string_view::npos)
            return text.size();
        at = newline + 1;
    }
    for (std::size_t c = 0; c < column && at < text.size(); ++c) {
        ++at;
        while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
            ++at;
    }
    return at;
}

std::string_view text_of(const yaml_char_t* s) {
    return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// yaml-cpp's rule, kept: only an untagged plain scalar can be null.
bool is_null(const yaml_event_t& e) {
    if (e.data.scalar.tag || e.data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return false;
    std::string_view v(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
    return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

class EventReader {
  public:
    explicit EventReader(const FrontMatterText& fm) : m_fm(fm) {}

    // The node events of the first document, or the parse error.
    Expected<std::vector<Item>> read(std::string_view text) {
        Parser parser;
        if (!parser.ok())
            return fail(front_matter_error(m_fm, 0, 0, "invalid YAML front matter: out of memory"));
        yaml_parser_set_input_string(
            parser.get(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
        yaml_parser_set_encoding(parser.get(), YAML_UTF8_ENCODING);
        for (;;) {
            Event event;
            if (!event.next(parser))
                return fail(parse_error(*parser.get(), text));
            const yaml_event_t& e = *event;
            if (e.type == YAML_DOCUMENT_END_EVENT || e.type == YAML_STREAM_END_EVENT)
                return std::move(m_items);
            Status s = add(e);
            if (!s)
                return fail(s.error());
        }
    }

  private:
    Status add(const yaml_event_t& e) {
        Item item;
        item.line = static_cast<int>(e.start_mark.line);
        item.column = static_cast<int>(e.start_mark.column);
        const yaml_char_t* anchor = nullptr;
        switch (e.type) {
            case YAML_SCALAR_EVENT:
                item.kind = is_null(e) ? Item::Kind::null : Item::Kind::scalar;
                if (item.kind == Item::Kind::scalar)
                    item.text.assign(reinterpret_cast<const char*>(e.data.scalar.value),
                                     e.data.scalar.length);
                anchor = e.data.scalar.anchor;
                break;
            case YAML_SEQUENCE_START_EVENT:
                item.kind = Item::Kind::sequence;
                anchor = e.data.sequence_start.anchor;
                break;
            case YAML_MAPPING_START_EVENT:
                item.kind = Item::Kind::mapping;
                anchor = e.data.mapping_start.anchor;
                break;
            case YAML_SEQUENCE_END_EVENT:
            case YAML_MAPPING_END_EVENT:
                item.kind = Item::Kind::end;
                break;
            case YAML_ALIAS_EVENT: {
                auto it = m_anchors.find(std::string(text_of(e.data.alias.anchor)));
                if (it == m_anchors.end())
                    return fail(front_matter_error(
                        m_fm, item.line + 1, item.column + 1,
                        "invalid YAML front matter: the referenced anchor is not defined"));
                item.kind = Item::Kind::alias;
                item.target = it->second;
                break;
            }
            default:
                return ok();  // stream and document starts
        }
        // Registered at the node's start, as yaml-cpp does: an alias inside
        // its own anchored node loops, and the depth limit stops it.
        if (anchor)
            m_anchors[std::string(text_of(anchor))] = m_items.size();
        const std::size_t at = m_items.size();
        const Item::Kind kind = item.kind;
        m_items.push_back(std::move(item));
        m_items[at].end = at + 1;
        if (kind == Item::Kind::sequence || kind == Item::Kind::mapping) {
            m_open.push_back(at);
        } else if (kind == Item::Kind::end && !m_open.empty()) {
            m_items[m_open.back()].end = at + 1;
            m_open.pop_back();
        }
        return ok();
    }

    Error parse_error(const yaml_parser_t& p, std::string_view text) const {
        std::string_view problem = text_of(reinterpret_cast<const yaml_char_t*>(p.problem));
        std::string_view context = text_of(reinterpret_cast<const yaml_char_t*>(p.context));
        if (p.error == YAML_READER_ERROR)
            return reader_error(problem, p.problem_offset, text);
        if (p.error == YAML_MEMORY_ERROR)
            return front_matter_error(m_fm, 0, 0, "invalid YAML front matter: out of memory");
        int line = static_cast<int>(p.problem_mark.line) + 1;
        int column = static_cast<int>(p.problem_mark.column) + 1;
        if (context == "while scanning a quoted scalar" &&
            (problem == "found unexpected end of stream" ||
             problem == "found unexpected document indicator"))
            return front_matter_error(m_fm, line, 1,
                                      "invalid YAML front matter: a quoted value is not closed "
                                      "before the end of the front matter");
        std::size_t at = byte_at(text, p.problem_mark.line, p.problem_mark.column);
        char found = at < text.size() ? text[at] : '\0';
        return front_matter_error(
            m_fm, line, column,
            "invalid YAML front matter: " +
                readable(problem, context, found,
                         m_fm.first_line + static_cast<int>(p.context_mark.line)));
    }

    Error reader_error(std::string_view problem, std::size_t offset, std::string_view text) const {
        int line = 1;
        std::size_t line_start = 0;
        for (std::size_t i = 0; i < offset && i < text.size(); ++i)
            if (text[i] == '\n') {
                ++line;
                line_start = i + 1;
            }
        return front_matter_error(m_fm, line, static_cast<int>(offset - line_start) + 1,
                                  "invalid YAML front matter: " + std::string(problem));
    }

    // libyaml's terse phrases, said in terms of what to fix where we can.
    static std::string readable(std::string_view problem, std::string_view context, char found,
                                int context_line) {
        const std::string on_line = std::to_string(context_line);
        if (problem == "mapping values are not allowed in this context")
            return "a ': ' cannot start a mapping here; quote the value if the colon belongs "
                   "to it";
        if (problem == "found character that cannot start any token") {
            if (found == '\t')
                return "a tab cannot indent YAML; indent with spaces";
            if (found > ' ' && found < 0x7f)
                return std::string("'") + found + "' cannot start a value; quote the value";
        }
        if (problem == "did not find expected key" && context == "while parsing a block mapping")
            return "expected a key indented like the mapping that starts on line " + on_line;
        if (context == "while scanning a simple key")
            return "expected ':' after the key that starts on line " + on_line;
        if (context == "while parsing a block collection")
            return "expected a '- ' item indented like the list that starts on line " + on_line;
        if (context == "while parsing a flow sequence")
            return "expected ',' or ']' in the list that '[' opens on line " + on_line;
        if (context == "while parsing a flow mapping")
            return "expected ',' or '}' in the mapping that '{' opens on line " + on_line;
        std::string out(problem);
        if (!context.empty())
            out += " " + std::string(context) + " that starts on line " + on_line;
        return out;
    }

    const FrontMatterText& m_fm;
    std::vector<Item> m_items;
    std::vector<std::size_t> m_open;  // the collections not yet ended
    std::unordered_map<std::string, std::size_t> m_anchors;
};

class Flattener {
  public:
    Flattener(const FrontMatterText& fm, const std::vector<Item>& items, FieldMap& out)
        : m_fm(fm), m_items(items), m_out(out) {}

    // Values of the node at `at` under `key`; maps nest their keys under it,
    // sequences add items. Returns the index after the node.
    Expected<std::size_t> add(const std::string& key, std::size_t at, int depth) {
        const Item& node = resolved(at);
        if (depth > k_max_depth)
            return fail(too_deep(node));
        if (++m_values > k_max_values)
            return fail(too_many(node));
        m_out[key];  // present even when null or empty
        switch (node.kind) {
            case Item::Kind::scalar:
                m_out[key].push_back({node.text, m_fm.first_line + node.line});
                break;
            case Item::Kind::sequence:
                for (std::size_t i = index_of(at) + 1; m_items[i].kind != Item::Kind::end;) {
                    Expected<std::size_t> next = add(key, i, depth + 1);
                    if (!next)
                        return next;
                    i = *next;
                }
                break;
            case Item::Kind::mapping: {
                Status s = add_map(key, index_of(at), depth + 1);
                if (!s)
                    return fail(s.error());
                break;
            }
            default:
                break;
        }
        return after(at);
    }

    Status add_map(const std::string& prefix, std::size_t map, int depth) {
        for (std::size_t i = map + 1; m_items[i].kind != Item::Kind::end;) {
            const Item& key = resolved(i);
            std::size_t value = after(i);
            // Complex keys ({a: b}: c) name nothing a mapping could ask for.
            // Counted all the same: aliases may repeat a mapping of them.
            if (key.kind != Item::Kind::scalar) {
                if (++m_values > k_max_values)
                    return fail(too_many(key));
                i = after(value);
                continue;
            }
            Expected<std::size_t> next = add(join_key(prefix, key.text), value, depth);
            if (!next)
                return fail(next.error());
            i = *next;
        }
        return ok();
    }

  private:
    std::size_t index_of(std::size_t at) const {
        return m_items[at].kind == Item::Kind::alias ? m_items[at].target : at;
    }
    const Item& resolved(std::size_t at) const { return m_items[index_of(at)]; }

    // The index after the node at `at` (an alias is one item).
    std::size_t after(std::size_t at) const { return m_items[at].end; }

    Error too_many(const Item& node) const {
        return front_matter_error(
            m_fm, node.line + 1, node.column + 1,
            "YAML front matter expands to more than 100,000 values (aliases of aliases?)");
    }

    Error too_deep(const Item& node) const {
        return front_matter_error(m_fm, node.line + 1, node.column + 1,
                                  "YAML front matter nests too deeply");
    }

    // Aliases of aliases expand exponentially (a few hundred bytes can name
    // billions of values): no front matter has this many.
    static constexpr std::size_t k_max_values = 100'000;

    const FrontMatterText& m_fm;
    const std::vector<Item>& m_items;
    FieldMap& m_out;
    std::size_t m_values = 0;
};

std::string_view type_name(Item::Kind kind) {
    return kind == Item::Kind::sequence ? "a list" : "a single value";
}

}  // namespace

Expected<FieldMap> read_yaml_fields(const FrontMatterText& fm) {
    // A value left open at the end of the input is reported on the line
    // after the content (the closing delimiter), so the content ends in a
    // line break.
    std::optional<std::string> terminated;
    std::string_view text = fm.content;
    if (!text.empty() && text.back() != '\n')
        text = terminated.emplace(std::string(fm.content) + '\n');
    Expected<std::vector<Item>> items = EventReader(fm).read(text);
    if (!items)
        return fail(items.error());
    FieldMap fields;
    if (items->empty() || (*items)[0].kind == Item::Kind::null)
        return fields;
    const Item& root = (*items)[0];
    if (root.kind != Item::Kind::mapping)
        return fail(
            front_matter_error(fm, root.line + 1, root.column + 1,
                               "YAML front matter must be a mapping of keys to values, found " +
                                   std::string(type_name(root.kind))));
    Status s = Flattener(fm, *items, fields).add_map("", 0, 0);
    if (!s)
        return fail(s.error());
    return fields;
}

}  // namespace archtag::article
