#include "stamp/markup_escape.h"

#include <fmt/format.h>

#include "stamp/encoding.h"
#include "stamp/markup_scan.h"
#include "util/strings.h"

namespace archtag::stamp {

namespace {

bool is_xml_char(unsigned char u) {
    return u >= 0x20 || u == '\t' || u == '\n' || u == '\r';
}

std::optional<char32_t> parse_number(std::string_view digits, int base) {
    if (digits.empty() || digits.size() > 8)
        return std::nullopt;
    char32_t value = 0;
    for (char c : digits) {
        int d = (c >= '0' && c <= '9')                 ? c - '0'
                : base == 16 && (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : base == 16 && (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                       : -1;
        if (d < 0)
            return std::nullopt;
        value = value * static_cast<char32_t>(base) + static_cast<char32_t>(d);
    }
    if (value > 0x10FFFF)
        return std::nullopt;
    return value;
}

std::optional<char32_t> reference_value(std::string_view name) {
    if (name == "amp")
        return U'&';
    if (name == "lt")
        return U'<';
    if (name == "gt")
        return U'>';
    if (name == "quot")
        return U'"';
    if (name == "apos")
        return U'\'';
    if (name.starts_with("#x") || name.starts_with("#X"))
        return parse_number(name.substr(2), 16);
    if (name.starts_with("#"))
        return parse_number(name.substr(1), 10);
    return std::nullopt;
}

bool has_class(std::string_view tag, std::string_view wanted) {
    std::optional<std::string> classes = attribute_value(tag, "class");
    if (!classes || wanted.empty())
        return false;
    for (const std::string& word : split_words(*classes))
        if (word == wanted)
            return true;
    return false;
}

}  // namespace

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string escape_xml(std::string_view text, XmlPlace place) {
    std::string out;
    out.reserve(text.size() + 8);
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\t':
                out += place == XmlPlace::attribute ? "&#9;" : "\t";
                break;
            default:
                if (is_xml_char(static_cast<unsigned char>(c)))
                    out += c;
        }
    }
    return out;
}

std::string decode_references(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::size_t semi = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
        std::optional<char32_t> cp;
        if (semi != std::string_view::npos && semi - i <= 12)
            cp = reference_value(text.substr(i + 1, semi - i - 1));
        if (!cp) {
            out += text[i];
            continue;
        }
        detail::append_utf8(out, *cp);
        i = semi;
    }
    return out;
}

Status check_link_url(std::string_view url) {
    std::string cleaned;
    for (char c : url)
        if (c != '\t' && c != '\n' && c != '\r')
            cleaned += c;
    std::size_t start = 0;
    while (start < cleaned.size() && static_cast<unsigned char>(cleaned[start]) <= 0x20)
        ++start;
    std::string_view rest = std::string_view(cleaned).substr(start);
    std::size_t colon = rest.find(':');
    if (colon == std::string_view::npos || rest.find_first_of("/?#") < colon)
        return ok();
    std::string scheme = to_lower(rest.substr(0, colon));
    if (scheme == "http" || scheme == "https" || scheme == "mailto")
        return ok();
    return fail(make_error({}, fmt::format("link URL '{}' is not allowed in an HTML stamp "
                                           "(only http, https and mailto links, or relative ones)",
                                           url)));
}

std::optional<std::string> attribute_value(std::string_view tag, std::string_view name) {
    std::size_t pos = tag.find_first_of(" \t\r\n/>");
    while (pos != std::string_view::npos && pos < tag.size()) {
        pos = tag.find_first_not_of(" \t\r\n/", pos);
        if (pos == std::string_view::npos || tag[pos] == '>')
            return std::nullopt;
        std::size_t name_end = tag.find_first_of(" \t\r\n=/>", pos);
        if (name_end == std::string_view::npos)
            return std::nullopt;
        std::string_view attr = tag.substr(pos, name_end - pos);
        pos = tag.find_first_not_of(" \t\r\n", name_end);
        std::string value;
        if (pos != std::string_view::npos && tag[pos] == '=') {
            pos = tag.find_first_not_of(" \t\r\n", pos + 1);
            if (pos == std::string_view::npos)
                return std::nullopt;
            std::size_t end;
            if (tag[pos] == '"' || tag[pos] == '\'') {
                end = tag.find(tag[pos], pos + 1);
                if (end == std::string_view::npos)
                    return std::nullopt;
                value = tag.substr(pos + 1, end - pos - 1);
                ++end;
            } else {
                end = std::min(tag.find_first_of(" \t\r\n>", pos), tag.size());
                value = tag.substr(pos, end - pos);
            }
            pos = end;
        }
        if (iequals(attr, name))
            return value;
    }
    return std::nullopt;
}

std::string markup_text(std::string_view markup, std::string_view hidden_class) {
    std::string out;
    std::string link_text;
    std::optional<std::string> href;
    for (std::size_t pos = 0; pos < markup.size();) {
        if (markup[pos] != '<') {
            std::size_t next = std::min(markup.find('<', pos), markup.size());
            (href ? link_text : out) += decode_references(markup.substr(pos, next - pos));
            pos = next;
            continue;
        }
        detail::TagToken tag = detail::read_tag(markup, pos);
        std::string_view raw = markup.substr(pos, tag.end - pos);
        if (tag.kind == detail::TagKind::start && has_class(raw, hidden_class)) {
            pos = detail::element_end(markup, tag);
            continue;
        }
        if (tag.kind == detail::TagKind::start && iequals(tag.name, "a")) {
            href = decode_references(attribute_value(raw, "href").value_or(""));
            link_text.clear();
        } else if (tag.kind == detail::TagKind::end && iequals(tag.name, "a") && href) {
            out += link_text.empty() || link_text == *href
                       ? *href
                       : fmt::format("{} ({})", link_text, *href);
            href.reset();
        }
        pos = tag.end;
    }
    return out;
}

}  // namespace archtag::stamp
