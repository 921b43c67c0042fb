#include "article/xml/xml_encoding.h"

#include <fmt/format.h>

#include <array>

#include "util/strings.h"

namespace archtag::article::xml {

namespace {

// windows-1252 0x80..0x9F; the five unassigned bytes map to the C1 control
// of the same value, as browsers do.
constexpr std::array<char16_t, 32> k_cp1252_high = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

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

std::optional<std::string> canonical_encoding(std::string_view name) {
    std::string n = to_lower(trim(name));
    if (n == "utf-8" || n == "utf8")
        return "utf-8";
    if (n == "iso-8859-1" || n == "iso8859-1" || n == "iso_8859-1" || n == "latin1" ||
        n == "latin-1" || n == "l1")
        return "iso-8859-1";
    if (n == "windows-1252" || n == "cp1252" || n == "x-cp1252")
        return "windows-1252";
    return std::nullopt;
}

// The value of the `encoding` pseudo-attribute of an XML declaration, or "".
std::string_view encoding_in_declaration(std::string_view decl) {
    std::size_t at = decl.find("encoding");
    if (at == decl.npos)
        return {};
    std::size_t pos = at + 8;
    while (pos < decl.size() && (decl[pos] == ' ' || decl[pos] == '\t' || decl[pos] == '=' ||
                                 decl[pos] == '\r' || decl[pos] == '\n'))
        ++pos;
    if (pos >= decl.size() || (decl[pos] != '"' && decl[pos] != '\''))
        return {};
    std::size_t end = decl.find(decl[pos], pos + 1);
    if (end == decl.npos)
        return {};
    return decl.substr(pos + 1, end - pos - 1);
}

}  // namespace

Expected<std::string> declared_encoding(std::string_view bytes) {
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
        return fail(make_error("",
                               "UTF-16 is not supported (expected UTF-8, ISO-8859-1 or "
                               "windows-1252)"));
    bool bom = bytes.starts_with("\xEF\xBB\xBF");
    if (bom)
        bytes.remove_prefix(3);
    if (!bytes.starts_with("<?xml") || bytes.size() < 6 ||
        (bytes[5] != ' ' && bytes[5] != '\t' && bytes[5] != '\r' && bytes[5] != '\n'))
        return std::string("utf-8");
    std::string_view decl = bytes.substr(0, bytes.find("?>"));
    std::string_view name = encoding_in_declaration(decl);
    if (name.empty())
        return std::string("utf-8");
    std::optional<std::string> encoding = canonical_encoding(name);
    if (!encoding) {
        return fail(make_error("", fmt::format("encoding '{}' is not supported (expected UTF-8, "
                                               "ISO-8859-1 or windows-1252)",
                                               name)));
    }
    if (bom && *encoding != "utf-8") {
        return fail(make_error("", fmt::format("the file starts with a UTF-8 byte order mark but "
                                               "declares encoding '{}'",
                                               name)));
    }
    return *encoding;
}

std::string to_utf8(std::string_view bytes, std::string_view encoding) {
    if (encoding == "utf-8")
        return std::string(bytes);
    bool cp1252 = encoding == "windows-1252";
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char ch : bytes) {
        auto b = static_cast<unsigned char>(ch);
        if (cp1252 && b >= 0x80 && b < 0xA0)
            append_utf8(out, k_cp1252_high[b - 0x80]);
        else
            append_utf8(out, b);
    }
    return out;
}

std::optional<std::size_t> first_invalid_utf8_byte(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        auto b = static_cast<unsigned char>(bytes[i]);
        std::size_t len = b < 0x80           ? 1
                          : (b >> 5) == 0x6  ? 2
                          : (b >> 4) == 0xE  ? 3
                          : (b >> 3) == 0x1E ? 4
                                             : 0;
        if (len == 0 || i + len > bytes.size())
            return i;
        char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
        for (std::size_t k = 1; k < len; ++k) {
            auto cont = static_cast<unsigned char>(bytes[i + k]);
            if ((cont & 0xC0) != 0x80)
                return i;
            c = (c << 6) | (cont & 0x3F);
        }
        bool overlong =
            (len == 2 && c < 0x80) || (len == 3 && c < 0x800) || (len == 4 && c < 0x10000);
        if (overlong || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return i;
        i += len;
    }
    return std::nullopt;
}

}  // namespace archtag::article::xml
