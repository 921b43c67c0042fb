#pragma once
// Test-only helpers. markdown_layout is a small Markdown layout finder, so
// golden and property tests can describe files they generate. It understands
// just enough (BOM, ---/+++ delimited front matter, a leading JSON object)
// and is no substitute for src/article, which stamp must not depend on.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "model/article_meta.h"
#include "model/edit.h"
#include "stamp/stamp.h"

namespace archtag::stamp::testing {

inline std::size_t after_line(std::string_view s, std::size_t pos) {
    std::size_t nl = s.find('\n', pos);
    return nl == std::string_view::npos ? s.size() : nl + 1;
}

inline std::string_view line_content(std::string_view s, std::size_t pos) {
    std::string_view line = s.substr(pos, after_line(s, pos) - pos);
    if (line.ends_with('\n'))
        line.remove_suffix(1);
    if (line.ends_with('\r'))
        line.remove_suffix(1);
    return line;
}

// One past the '}' that closes the object opening at `open`, or npos.
inline std::size_t json_object_end(std::string_view s, std::size_t open) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = open; i < s.size(); ++i) {
        char c = s[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}' && --depth == 0) {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

inline DocumentLayout markdown_layout(std::string_view s) {
    DocumentLayout layout;
    std::size_t nl = s.find('\n');
    layout.newline = (nl != std::string_view::npos && nl > 0 && s[nl - 1] == '\r') ? "\r\n" : "\n";
    layout.bom = s.starts_with("\xEF\xBB\xBF");
    std::size_t start = layout.bom ? 3 : 0;
    layout.front_matter_begin = layout.content_begin = layout.content_end =
        layout.front_matter_end = layout.body_begin = start;
    std::string_view first = line_content(s, start);
    if (first == "---" || first == "+++") {
        std::size_t content = after_line(s, start);
        for (std::size_t pos = content; pos < s.size(); pos = after_line(s, pos)) {
            if (line_content(s, pos) != first)
                continue;
            layout.front_matter = first == "---" ? FrontMatterKind::yaml : FrontMatterKind::toml;
            layout.content_begin = content;
            layout.content_end = pos;
            layout.front_matter_end = layout.body_begin = after_line(s, pos);
            return layout;
        }
    } else if (first.starts_with("{")) {
        std::size_t end = json_object_end(s, start);
        if (end == std::string_view::npos)
            return layout;
        layout.front_matter = FrontMatterKind::json;
        layout.content_begin = start;
        layout.content_end = end;
        layout.front_matter_end = layout.body_begin = after_line(s, end - 1);
    }
    return layout;
}

inline Notice archival_notice() {
    return Notice{NoticeKind::archival,
                  "This is an archival story that predates current editorial management.", "en",
                  "https://laist.com/about/standards",
                  "To learn more about those standards, click here."};
}

inline Notice age_notice(int years = 9) {
    return Notice{NoticeKind::age,
                  "This article is more than " + std::to_string(years) + " years old", "en", "",
                  ""};
}

inline Placement body_top() {
    return Placement{};
}

inline Placement in_front_matter() {
    Placement p;
    p.markdown = MarkdownPlacement::front_matter;
    return p;
}

// The bytes after applying plan(); fails the test on an error.
inline std::string stamped(std::string_view bytes, const std::vector<Notice>& notices,
                           const Placement& placement = body_top()) {
    Expected<Plan> p = plan(bytes, markdown_layout(bytes), notices, placement);
    EXPECT_TRUE(p.has_value()) << (p ? "" : p.error().describe());
    return p ? apply_edits(bytes, p->edits) : std::string(bytes);
}

inline std::string unstamped(std::string_view bytes, const Placement& placement = body_top()) {
    Expected<Plan> p = plan_unstamp(bytes, markdown_layout(bytes), placement);
    EXPECT_TRUE(p.has_value()) << (p ? "" : p.error().describe());
    return p ? apply_edits(bytes, p->edits) : std::string(bytes);
}

}  // namespace archtag::stamp::testing
