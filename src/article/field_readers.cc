#include "article/field_readers.h"

#include <algorithm>

namespace archtag::article {

FrontMatterText front_matter_text(std::string_view path, std::string_view file,
                                  const DocumentLayout& layout) {
    FrontMatterText fm;
    fm.path = path;
    fm.file = file;
    fm.content = file.substr(layout.content_begin, layout.content_end - layout.content_begin);
    fm.first_line =
        1 + static_cast<int>(std::count(file.begin(), file.begin() + layout.content_begin, '\n'));
    fm.bom = layout.bom;
    return fm;
}

Error front_matter_error(const FrontMatterText& fm, int content_line, int column,
                         std::string message) {
    if (content_line <= 0)
        return make_error(std::string(fm.path), std::move(message));
    // Content starts at the beginning of a line (YAML, TOML) or at the '{'
    // that opens the file (JSON), so columns carry over unchanged.
    int line = fm.first_line + content_line - 1;
    std::string source = line_of(fm.file, line);
    if (line == 1 && fm.bom)
        source.erase(0, 3);
    return make_error_at(std::string(fm.path), line, std::max(column, 0), std::move(message),
                         std::move(source));
}

std::string join_key(std::string_view prefix, std::string_view key) {
    if (prefix.empty())
        return std::string(key);
    std::string out;
    out.reserve(prefix.size() + 1 + key.size());
    out.append(prefix).append(".").append(key);
    return out;
}

}  // namespace archtag::article
