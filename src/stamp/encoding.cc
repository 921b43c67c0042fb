#include "stamp/encoding.h"

#include <array>

#include "util/strings.h"

namespace archtag::stamp::detail {

namespace {

// Windows-1252 bytes 0x80-0x9F; 0 where the byte is unassigned.
constexpr std::array<char32_t, 32> k_cp1252_high{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// The byte for `cp` in `encoding`, or nullopt when it has none.
std::optional<unsigned char> byte_for(char32_t cp, Encoding encoding) {
    if (cp < 0x80)
        return static_cast<unsigned char>(cp);
    if (encoding == Encoding::latin1 && cp <= 0xFF)
        return static_cast<unsigned char>(cp);
    if (encoding == Encoding::windows1252) {
        if (cp >= 0xA0 && cp <= 0xFF)
            return static_cast<unsigned char>(cp);
        for (std::size_t i = 0; i < k_cp1252_high.size(); ++i)
            if (k_cp1252_high[i] == cp)
                return static_cast<unsigned char>(0x80 + i);
    }
    return std::nullopt;
}

}  // namespace

std::optional<Encoding> encoding_from_name(std::string_view name) {
    std::string n = to_lower(trim(name));
    if (n.empty() || n == "utf-8" || n == "utf8")
        return Encoding::utf8;
    if (n == "iso-8859-1" || n == "iso8859-1" || n == "latin1" || n == "latin-1" || n == "l1" ||
        n == "iso_8859-1")
        return Encoding::latin1;
    if (n == "windows-1252" || n == "cp1252" || n == "x-cp1252")
        return Encoding::windows1252;
    if (n.starts_with("utf-16") || n.starts_with("utf16") || n.starts_with("utf-32") ||
        n.starts_with("utf32") || n.starts_with("ucs") || n.starts_with("ebcdic") ||
        n.starts_with("ibm0") || n == "cp037")
        return std::nullopt;
    return Encoding::ascii_compat;
}

char32_t next_code_point(std::string_view s, std::size_t& pos) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    unsigned char lead = byte(pos);
    std::size_t length = lead < 0x80           ? 1
                         : (lead >> 5) == 0x6  ? 2
                         : (lead >> 4) == 0xE  ? 3
                         : (lead >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || pos + length > s.size()) {
        ++pos;
        return 0xFFFD;
    }
    char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(pos + i) & 0xC0) != 0x80) {
            ++pos;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte(pos + i) & 0x3F);
    }
    constexpr std::array<char32_t, 5> k_min{0, 0, 0x80, 0x800, 0x10000};
    pos += length;
    if (cp < k_min[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0xFFFD;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
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

std::string encode_for(std::string_view utf8, Encoding encoding) {
    if (encoding == Encoding::utf8)
        return std::string(utf8);
    std::string out;
    for (std::size_t pos = 0; pos < utf8.size();) {
        char32_t cp = next_code_point(utf8, pos);
        if (std::optional<unsigned char> b = byte_for(cp, encoding))
            out += static_cast<char>(*b);
        else
            out += "&#" + std::to_string(static_cast<unsigned long>(cp)) + ";";
    }
    return out;
}

std::string decode_from(std::string_view bytes, Encoding encoding) {
    if (encoding == Encoding::utf8 || encoding == Encoding::ascii_compat)
        return std::string(bytes);
    std::string out;
    for (char c : bytes) {
        auto b = static_cast<unsigned char>(c);
        char32_t cp = b;
        if (encoding == Encoding::windows1252 && b >= 0x80 && b < 0xA0 &&
            k_cp1252_high[b - 0x80] != 0)
            cp = k_cp1252_high[b - 0x80];
        append_utf8(out, cp);
    }
    return out;
}

}  // namespace archtag::stamp::detail
