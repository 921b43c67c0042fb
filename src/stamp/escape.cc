#include "stamp/escape.h"

#include <array>

#include <fmt/format.h>

#include "util/strings.h"

namespace archtag::stamp {

namespace {

bool is_ascii_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// The index of the character that would start a block construct (heading,
// list item, thematic break) at the start of the line, or npos.
std::size_t line_start_escape(std::string_view s) {
    if (s.empty())
        return std::string_view::npos;
    if (s[0] == '#' || s[0] == '+' || s[0] == '-' || s[0] == '=')
        return 0;
    std::size_t i = 0;
    while (i < s.size() && is_digit(s[i]))
        ++i;
    if (i > 0 && i < s.size() && (s[i] == '.' || s[i] == ')'))
        return i;
    return std::string_view::npos;
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool parse_hex(std::string_view digits, unsigned long& value) {
    value = 0;
    for (char c : digits) {
        int d = is_digit(c)              ? c - '0'
                : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                         : -1;
        if (d < 0)
            return false;
        value = value * 16 + static_cast<unsigned long>(d);
    }
    return true;
}

std::string join_nonempty(std::string_view a, std::string_view b) {
    if (a.empty())
        return std::string(b);
    if (b.empty())
        return std::string(a);
    return fmt::format("{} {}", a, b);
}

// What would end or break a link destination.
bool needs_percent(char c) {
    auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7F || std::string_view("()<>\\").find(c) != std::string_view::npos;
}

// Undoes escape_link_url for the characters it escapes.
std::string unescape_link_url(std::string_view url) {
    std::string out;
    for (std::size_t i = 0; i < url.size(); ++i) {
        unsigned long byte = 0;
        if (url[i] == '%' && i + 2 < url.size() && parse_hex(url.substr(i + 1, 2), byte) &&
            needs_percent(static_cast<char>(byte))) {
            out += static_cast<char>(byte);
            i += 2;
        } else {
            out += url[i];
        }
    }
    return out;
}

}  // namespace

std::string single_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
            continue;
        out += (text[i] == '\r' || text[i] == '\n') ? ' ' : text[i];
    }
    return std::string(trim(out));
}

// The characters Markdown may read as markup anywhere in a line, as a table:
// every stamp of every article is rendered through here.
constexpr std::array<bool, 256> markdown_specials() {
    std::array<bool, 256> table{};
    for (char c : std::string_view("\\`*_{}[]<>|~&"))
        table[static_cast<unsigned char>(c)] = true;
    return table;
}

std::string escape_markdown(std::string_view text) {
    static constexpr std::array<bool, 256> k_always = markdown_specials();
    std::string line = single_line(text);
    std::size_t lead = line_start_escape(line);
    std::string out;
    out.reserve(line.size() + 16);
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (i == lead || k_always[static_cast<unsigned char>(line[i])])
            out += '\\';
        out += line[i];
    }
    return out;
}

std::string escape_link_url(std::string_view url) {
    std::string out;
    for (char c : single_line(url)) {
        if (needs_percent(c))
            out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        else
            out += c;
    }
    return out;
}

std::string escape_quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        auto u = static_cast<unsigned char>(c);
        std::string_view rest = text.substr(i);
        if (c == '"') {
            out += "\\\"";
        } else if (c == '\\') {
            out += "\\\\";
        } else if (c == '\b') {
            out += "\\b";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\f') {
            out += "\\f";
        } else if (c == '\r') {
            out += "\\r";
        } else if (u < 0x20 || u == 0x7F) {
            out += fmt::format("\\u{:04X}", u);
        } else if (rest.starts_with("\xC2\x85")) {
            out += "\\u0085";
            i += 1;
        } else if (rest.starts_with("\xE2\x80\xA8") || rest.starts_with("\xE2\x80\xA9")) {
            out += rest[2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

std::string unescape_quoted(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 == s.size()) {
            out += s[i];
            continue;
        }
        char e = s[i + 1];
        std::size_t width = e == 'u' ? 4 : e == 'U' ? 8 : 0;
        unsigned long cp = 0;
        if (width > 0 && i + 2 + width <= s.size() && parse_hex(s.substr(i + 2, width), cp)) {
            append_utf8(out, cp);
            i += 1 + width;
            continue;
        }
        static constexpr std::string_view k_from = "\"\\/btnfr";
        static constexpr std::string_view k_to = "\"\\/\b\t\n\f\r";
        std::size_t k = k_from.find(e);
        if (k == std::string_view::npos) {
            out += s[i];
            continue;
        }
        out += k_to[k];
        ++i;
    }
    return out;
}

std::string plain_text(const Notice& notice) {
    std::string text = single_line(notice.text);
    std::string url = single_line(notice.link_url);
    if (url.empty())
        return text;
    std::string link_text = single_line(notice.link_text);
    if (link_text.empty() || link_text == url)
        return join_nonempty(text, url);
    return join_nonempty(text, fmt::format("{} ({})", link_text, url));
}

std::string plain_from_markdown(std::string_view line) {
    // Undo escape_markdown, and turn "[text](url)" back into "text (url)".
    std::string out;
    out.reserve(line.size());
    std::string link_text;
    std::string* target = &out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == '\\' && i + 1 < line.size() && is_ascii_punct(line[i + 1])) {
            *target += line[++i];
        } else if (c == '[' && target == &out) {
            link_text.clear();
            target = &link_text;
        } else if (c == ']' && target == &link_text && i + 1 < line.size() && line[i + 1] == '(') {
            std::size_t close = line.find(')', i + 2);
            if (close == std::string_view::npos)
                close = line.size();
            std::string url = unescape_link_url(line.substr(i + 2, close - i - 2));
            out += link_text == url || link_text.empty() ? url
                                                         : fmt::format("{} ({})", link_text, url);
            target = &out;
            i = close;
        } else {
            *target += c;
        }
    }
    if (target == &link_text)
        out += "[" + link_text;
    return out;
}

}  // namespace archtag::stamp
