#pragma once
// Test-only: a small HTML/XML layout finder, so tests can describe the
// documents they use. It knows tags, attributes in quotes, comments,
// <script>/<style>, void and self-closing elements, and that is all; the
// real readers are in src/article, which stamp must not depend on.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "model/article_meta.h"
#include "stamp/test_support.h"

namespace archtag::stamp::testing {

inline std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

// The value of attribute `name` in the start tag `tag`, or "".
inline std::string test_attribute(std::string_view tag, std::string_view name) {
    for (std::size_t at = tag.find(name); at != std::string_view::npos;
         at = tag.find(name, at + 1)) {
        char before = tag[at - 1];
        std::size_t eq = at + name.size();
        if ((before != ' ' && before != '\t' && before != '\n' && before != '\r') ||
            eq + 1 >= tag.size() || tag[eq] != '=')
            continue;
        char quote = tag[eq + 1];
        std::size_t end = tag.find(quote, eq + 2);
        return std::string(tag.substr(eq + 2, end - eq - 2));
    }
    return "";
}

inline std::string declared_encoding(std::string_view s) {
    std::string head = lower(s.substr(0, 1024));
    for (std::string_view key : {"encoding=\"", "charset=\"", "charset="}) {
        std::size_t at = head.find(key);
        if (at == std::string::npos)
            continue;
        std::size_t from = at + key.size();
        std::size_t end = head.find_first_of("\"'; >", from);
        return head.substr(from, end - from);
    }
    return "utf-8";
}

inline DocumentLayout markup_layout(std::string_view s, Format format) {
    static const std::vector<std::string> k_void{"area",   "base",  "br",    "col",  "embed",
                                                 "hr",     "img",   "input", "link", "meta",
                                                 "source", "track", "wbr"};
    bool html = format == Format::html;
    DocumentLayout layout;
    layout.format = format;
    std::size_t nl = s.find('\n');
    layout.newline = (nl != std::string_view::npos && nl > 0 && s[nl - 1] == '\r') ? "\r\n" : "\n";
    layout.bom = s.starts_with("\xEF\xBB\xBF");
    layout.encoding = declared_encoding(s);
    std::vector<ElementSpan> all;
    std::vector<std::size_t> open;
    for (std::size_t pos = s.find('<'); pos != std::string_view::npos; pos = s.find('<', pos)) {
        std::string_view rest = s.substr(pos);
        if (rest.starts_with("<!--")) {
            std::size_t end = s.find("-->", pos + 4);
            pos = end == std::string_view::npos ? s.size() : end + 3;
            continue;
        }
        if (rest.starts_with("<![CDATA[")) {
            pos = s.find("]]>", pos) + 3;
            continue;
        }
        std::size_t end = pos + 1;
        char quote = 0;
        for (; end < s.size() && (quote || s[end] != '>'); ++end)
            quote = quote ? (s[end] == quote ? 0 : quote)
                          : (s[end] == '"' || s[end] == '\'' ? s[end] : 0);
        ++end;
        std::string_view tag = s.substr(pos, end - pos);
        std::size_t name_end = tag.find_first_of(" \t\r\n/>", 1);
        if (rest.starts_with("</")) {
            std::string name(tag.substr(2, tag.find_first_of(" \t\r\n>", 2) - 2));
            if (html)
                name = lower(name);
            for (std::size_t i = open.size(); i-- > 0;) {
                if (all[open[i]].tag != name)
                    continue;
                all[open[i]].close_begin = pos;
                all[open[i]].close_end = end;
                open.resize(i);
                break;
            }
        } else if (rest.size() > 1 && std::isalpha(static_cast<unsigned char>(rest[1]))) {
            ElementSpan e;
            e.tag = std::string(tag.substr(1, name_end - 1));
            if (html)
                e.tag = lower(e.tag);
            e.id = test_attribute(tag, "id");
            e.classes = test_attribute(tag, "class");
            e.open_begin = pos;
            e.open_end = e.close_begin = e.close_end = end;
            e.depth = static_cast<int>(open.size());
            all.push_back(e);
            bool closed = tag.ends_with("/>") ||
                          (html && std::find(k_void.begin(), k_void.end(), e.tag) != k_void.end());
            if (!closed)
                open.push_back(all.size() - 1);
            if (html && (e.tag == "script" || e.tag == "style")) {
                end = s.find("</" + e.tag, end);
                end = end == std::string_view::npos ? s.size() : end;
            }
        }
        pos = end;
    }
    for (std::size_t i : open)
        all[i].close_begin = all[i].close_end = s.size();
    for (const ElementSpan& e : all) {
        bool wanted = !html || !e.id.empty() || !e.classes.empty() || e.tag == "html" ||
                      e.tag == "head" || e.tag == "body" || e.tag == "article" || e.tag == "main";
        if (wanted)
            layout.elements.push_back(e);
    }
    return layout;
}

inline DocumentLayout html_layout(std::string_view s) {
    return markup_layout(s, Format::html);
}
inline DocumentLayout xml_layout(std::string_view s) {
    return markup_layout(s, Format::xml);
}

// The layout for a golden file, by its extension.
inline DocumentLayout layout_for(std::string_view name, std::string_view bytes) {
    if (name.ends_with(".html"))
        return html_layout(bytes);
    if (name.ends_with(".xml"))
        return xml_layout(bytes);
    return markdown_layout(bytes);
}

inline std::string stamped_as(std::string_view bytes, const DocumentLayout& layout,
                              const std::vector<Notice>& notices, const Placement& placement) {
    Expected<Plan> p = plan(bytes, layout, notices, placement);
    EXPECT_TRUE(p.has_value()) << (p ? "" : p.error().describe());
    return p ? apply_edits(bytes, p->edits) : std::string(bytes);
}

inline std::string unstamped_as(std::string_view bytes, const DocumentLayout& layout) {
    Expected<Plan> p = plan_unstamp(bytes, layout, Placement{});
    EXPECT_TRUE(p.has_value()) << (p ? "" : p.error().describe());
    return p ? apply_edits(bytes, p->edits) : std::string(bytes);
}

}  // namespace archtag::stamp::testing
