#include "article/html/page_encoding.h"

#include <fmt/format.h>
#include <algorithm>
#include <array>

#include "article/text_checks.h"
#include "util/strings.h"

namespace archtag::article {

namespace {

constexpr std::size_t k_prescan = 4096;

// windows-1252 0x80..0x9F; the five unassigned bytes keep their C1 code point.
constexpr std::array<char16_t, 32> k_cp1252 = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// The value after "charset" in `tag` ("charset=x", "charset = 'x'").
std::string charset_in(std::string_view tag) {
    std::string lower = to_lower(tag);
    std::size_t at = lower.find("charset");
    if (at == std::string::npos)
        return {};
    std::size_t i = at + 7;
    auto skip_blanks = [&] {
        while (i < lower.size() &&
               (lower[i] == ' ' || lower[i] == '\t' || lower[i] == '\n' || lower[i] == '\r'))
            ++i;
    };
    skip_blanks();
    if (i >= lower.size() || lower[i] != '=')
        return {};
    ++i;
    skip_blanks();
    if (i < lower.size() && (lower[i] == '"' || lower[i] == '\''))
        ++i;
    std::size_t end = lower.find_first_of("\"'; \t\r\n>/", i);
    return lower.substr(i, end == std::string::npos ? std::string::npos : end - i);
}

std::string xml_declared(std::string_view head) {
    if (!head.starts_with("<?xml"))
        return {};
    std::size_t end = head.find("?>");
    std::string decl = to_lower(head.substr(0, end));
    std::size_t at = decl.find("encoding");
    if (at == std::string::npos)
        return {};
    std::size_t q = decl.find_first_of("\"'", at);
    if (q == std::string::npos)
        return {};
    std::size_t close = decl.find(decl[q], q + 1);
    return decl.substr(q + 1, close == std::string::npos ? std::string::npos : close - q - 1);
}

bool is_one_of(std::string_view label, std::initializer_list<std::string_view> labels) {
    return std::find(labels.begin(), labels.end(), label) != labels.end();
}

// Encodings a browser knows that archtag does not read: refusing them is
// better than stamping text in the wrong encoding. Unknown labels are
// ignored, as browsers ignore them.
bool is_other_encoding(std::string_view label) {
    for (std::string_view prefix :
         {"utf-16",      "utf-32",  "ucs-",      "shift_jis", "shift-jis",   "sjis",
          "ms_kanji",    "euc-",    "iso-2022-", "gb2312",    "gb18030",     "gbk",
          "big5",        "koi8",    "iso-8859-", "iso8859-",  "windows-125", "cp125",
          "windows-874", "tis-620", "ibm866",    "macintosh", "x-mac-"})
        if (label.starts_with(prefix) && (label.size() > prefix.size() || prefix.back() != '-'))
            return true;
    return false;
}

}  // namespace

std::string declared_charset(std::string_view bytes) {
    std::string_view head = bytes.substr(0, k_prescan);
    if (head.starts_with("\xEF\xBB\xBF"))
        head.remove_prefix(3);
    if (std::string xml = xml_declared(head); !xml.empty())
        return xml;
    std::string lower = to_lower(head);
    for (std::size_t at = lower.find("<meta"); at != std::string::npos;
         at = lower.find("<meta", at + 5)) {
        std::size_t end = lower.find('>', at);
        std::string found = charset_in(std::string_view(head).substr(
            at, end == std::string::npos ? std::string::npos : end - at));
        if (!found.empty())
            return found;
    }
    return {};
}

Expected<std::string> page_encoding(std::string_view path, std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF"))
        return std::string("utf-8");
    std::string label = declared_charset(bytes);
    auto undeclared = [bytes] {
        return std::string(first_invalid_utf8(bytes) ? "windows-1252" : "utf-8");
    };
    if (label.empty())
        return undeclared();
    if (is_one_of(label, {"utf-8", "utf8", "unicode-1-1-utf-8"}))
        return std::string("utf-8");
    if (is_one_of(label, {"iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591", "latin1", "latin-1",
                          "l1", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "iso_8859-1:1987"}))
        return std::string("iso-8859-1");
    if (is_one_of(label,
                  {"windows-1252", "cp1252", "x-cp1252", "us-ascii", "ascii", "ansi_x3.4-1968"}))
        return std::string("windows-1252");
    if (!is_other_encoding(label))
        return undeclared();
    return fail(make_error(
        std::string(path),
        fmt::format("the page declares the character encoding '{}'; archtag reads HTML in "
                    "utf-8, iso-8859-1 or windows-1252 only",
                    label)));
}

Transcoded::Transcoded(std::string_view latin) {
    m_utf8.reserve(latin.size() + latin.size() / 8);
    for (char ch : latin) {
        auto b = static_cast<unsigned char>(ch);
        if (b < 0x80) {
            m_utf8 += ch;
            continue;
        }
        char32_t c = b >= 0xA0 ? b : k_cp1252[b - 0x80];
        std::size_t before = m_utf8.size();
        append_utf8(m_utf8, c);
        std::size_t grown = (m_growth.empty() ? 0 : m_growth.back()) + m_utf8.size() - before - 1;
        m_ends.push_back(m_utf8.size());
        m_growth.push_back(grown);
    }
}

std::size_t Transcoded::original_offset(std::size_t utf8_offset) const {
    auto it = std::upper_bound(m_ends.begin(), m_ends.end(), utf8_offset);
    if (it == m_ends.begin())
        return utf8_offset;
    return utf8_offset - m_growth[static_cast<std::size_t>(it - m_ends.begin()) - 1];
}

}  // namespace archtag::article
