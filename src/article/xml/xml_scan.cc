#include "article/xml/xml_scan.h"

#include <fmt/format.h>

namespace archtag::article::xml {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool ends_name(char c) {
    return is_space(c) || c == '/' || c == '>' || c == '=' || c == '<';
}

class Scanner {
  public:
    explicit Scanner(std::string_view bytes) : m_s(bytes) {}

    ScanResult run() {
        if (m_s.starts_with("\xEF\xBB\xBF"))
            m_pos = 3;
        while (!failed() && m_pos < m_s.size())
            step();
        if (!failed())
            check_end();
        return std::move(m_result);
    }

  private:
    bool failed() const { return m_result.problem.kind != ScanProblemKind::none; }

    void problem(ScanProblemKind kind, std::size_t offset, std::string message) {
        m_result.problem = ScanProblem{kind, offset, std::move(message)};
    }
    void malformed(std::size_t offset, std::string message) {
        problem(ScanProblemKind::malformed, offset, std::move(message));
    }

    bool at(std::string_view s) const { return m_s.substr(m_pos).starts_with(s); }

    // Moves past `terminator`; false (and a problem) when it never comes.
    bool skip_past(std::string_view terminator, std::size_t from, std::string_view what) {
        std::size_t end = m_s.find(terminator, m_pos);
        if (end == m_s.npos) {
            malformed(from, fmt::format("{} is not closed (expected {})", what, terminator));
            return false;
        }
        m_pos = end + terminator.size();
        return true;
    }

    void step() {
        std::size_t lt = m_s.find('<', m_pos);
        check_text(m_pos, lt == m_s.npos ? m_s.size() : lt);
        if (failed() || lt == m_s.npos) {
            m_pos = m_s.size();
            return;
        }
        m_pos = lt;
        if (at("<!--")) {
            m_pos += 4;
            skip_past("-->", lt, "a comment");
        } else if (at("<![CDATA[")) {
            if (m_stack.empty())
                return malformed(lt, "a CDATA section outside the root element");
            skip_past("]]>", lt, "a CDATA section");
        } else if (at("<?")) {
            m_pos += 2;
            skip_past("?>", lt, "a processing instruction");
        } else if (at("<!DOCTYPE")) {
            doctype(lt);
        } else if (at("<!")) {
            malformed(lt, "unknown markup '<!' (expected a comment, CDATA section or DOCTYPE)");
        } else if (at("</")) {
            end_tag(lt);
        } else {
            start_tag(lt);
        }
    }

    // Only white space may stand outside the root element.
    void check_text(std::size_t begin, std::size_t end) {
        if (!m_stack.empty())
            return;
        for (std::size_t i = begin; i < end; ++i) {
            if (is_space(m_s[i]))
                continue;
            return malformed(
                i, m_root_closed ? "text after the root element" : "text before the root element");
        }
    }

    std::string_view read_name() {
        std::size_t begin = m_pos;
        while (m_pos < m_s.size() && !ends_name(m_s[m_pos]))
            ++m_pos;
        return m_s.substr(begin, m_pos - begin);
    }

    void skip_spaces() {
        while (m_pos < m_s.size() && is_space(m_s[m_pos]))
            ++m_pos;
    }

    // Skips a quoted literal starting at m_pos; false when it is not closed.
    bool skip_quoted(std::string_view what) {
        char quote = m_s[m_pos];
        std::size_t end = m_s.find(quote, m_pos + 1);
        if (end == m_s.npos) {
            malformed(m_pos, fmt::format("{} is not closed (expected {})", what, quote));
            return false;
        }
        m_pos = end + 1;
        return true;
    }

    void doctype(std::size_t lt) {
        if (m_root_seen)
            return malformed(lt, "a DOCTYPE after the root element");
        m_pos += 9;
        while (m_pos < m_s.size() && m_s[m_pos] != '>') {
            char c = m_s[m_pos];
            if (c == '"' || c == '\'') {
                if (!skip_quoted("a quoted DOCTYPE literal"))
                    return;
            } else if (c == '[') {
                ++m_pos;
                if (!internal_subset(lt))
                    return;
            } else {
                ++m_pos;
            }
        }
        if (m_pos >= m_s.size())
            return malformed(lt, "the DOCTYPE is not closed (expected >)");
        ++m_pos;
        m_result.doctype_begin = lt;
        m_result.doctype_end = m_pos;
    }

    // Reads to the ']' that ends the internal subset; entity declarations
    // are refused so that nothing downstream can be made to expand them.
    bool internal_subset(std::size_t doctype_begin) {
        while (m_pos < m_s.size()) {
            if (at("<!ENTITY")) {
                problem(ScanProblemKind::unsafe, m_pos,
                        "DOCTYPE declares entities; archtag does not expand entities");
                return false;
            }
            char c = m_s[m_pos];
            if (at("<!--")) {
                std::size_t from = m_pos;
                m_pos += 4;
                if (!skip_past("-->", from, "a comment"))
                    return false;
            } else if (c == '"' || c == '\'') {
                if (!skip_quoted("a quoted DOCTYPE literal"))
                    return false;
            } else if (c == ']') {
                ++m_pos;
                return true;
            } else {
                ++m_pos;
            }
        }
        malformed(doctype_begin, "the DOCTYPE's internal subset is not closed (expected ])");
        return false;
    }

    void start_tag(std::size_t lt) {
        ++m_pos;
        std::string_view name = read_name();
        if (name.empty())
            return malformed(lt, "'<' that starts no element (write &lt; for a literal '<')");
        if (m_root_closed)
            return malformed(lt, fmt::format("a second root element <{}>", name));
        if (static_cast<int>(m_stack.size()) >= k_max_depth) {
            return problem(ScanProblemKind::unsafe, lt,
                           fmt::format("elements nest more than {} levels deep (at <{}>); "
                                       "archtag does not read XML nested that deeply",
                                       k_max_depth, name));
        }
        ScannedElement e;
        e.name = std::string(name);
        e.open_begin = lt;
        e.depth = static_cast<int>(m_stack.size());
        bool self_closing = false;
        if (!attributes(e, self_closing))
            return;
        e.open_end = m_pos;
        m_root_seen = true;
        if (self_closing) {
            e.close_begin = e.close_end = e.open_end;
            m_result.elements.push_back(std::move(e));
            m_root_closed = m_stack.empty();
            return;
        }
        m_stack.push_back(m_result.elements.size());
        m_result.elements.push_back(std::move(e));
    }

    // Reads attributes up to and including '>' or '/>'.
    bool attributes(ScannedElement& e, bool& self_closing) {
        while (true) {
            std::size_t before = m_pos;
            skip_spaces();
            if (m_pos >= m_s.size())
                break;
            if (at(">")) {
                ++m_pos;
                return true;
            }
            if (at("/>")) {
                m_pos += 2;
                self_closing = true;
                return true;
            }
            if (m_pos == before || !attribute(e))
                break;  // attributes must be separated by white space
        }
        if (!failed()) {
            malformed(e.open_begin,
                      fmt::format("cannot read the start tag <{}> (expected name=\"value\" "
                                  "attributes, then > or />)",
                                  e.name));
        }
        return false;
    }

    bool attribute(ScannedElement& e) {
        std::string_view name = read_name();
        skip_spaces();
        if (name.empty() || !at("="))
            return false;
        ++m_pos;
        skip_spaces();
        if (!at("\"") && !at("'"))
            return false;
        std::size_t value_begin = m_pos + 1;
        if (!skip_quoted(fmt::format("the value of {} in <{}>", name, e.name)))
            return false;
        if (name == "id" || (name == "xml:id" && e.id.empty()))
            e.id = std::string(m_s.substr(value_begin, m_pos - 1 - value_begin));
        return true;
    }

    void end_tag(std::size_t lt) {
        m_pos += 2;
        std::string_view name = read_name();
        skip_spaces();
        if (!at(">"))
            return malformed(lt, fmt::format("cannot read the end tag </{}> (expected >)", name));
        ++m_pos;
        if (m_stack.empty())
            return malformed(lt, fmt::format("end tag </{}> without a start tag", name));
        ScannedElement& open = m_result.elements[m_stack.back()];
        if (name != open.name) {
            return malformed(
                lt, fmt::format("mismatched end tag </{}> (expected </{}>)", name, open.name));
        }
        open.close_begin = lt;
        open.close_end = m_pos;
        m_stack.pop_back();
        m_root_closed = m_stack.empty();
    }

    void check_end() {
        if (!m_stack.empty()) {
            const ScannedElement& open = m_result.elements[m_stack.back()];
            return malformed(open.open_begin,
                             fmt::format("<{}> is not closed (expected </{}> before the end of "
                                         "the file)",
                                         open.name, open.name));
        }
        if (!m_root_seen)
            malformed(m_s.size(), "no root element (expected an element such as <nitf>)");
    }

    std::string_view m_s;
    std::size_t m_pos = 0;
    std::vector<std::size_t> m_stack;  // indexes into m_result.elements
    bool m_root_seen = false;
    bool m_root_closed = false;
    ScanResult m_result;
};

}  // namespace

ScanResult scan_markup(std::string_view bytes) {
    return Scanner(bytes).run();
}

}  // namespace archtag::article::xml
