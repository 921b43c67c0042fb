#include "util/error.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace archtag {

std::string Error::headline() const {
    std::string out;
    if (!path.empty()) {
        out = path;
        if (line > 0) {
            out += fmt::format(":{}", line);
            if (column > 0)
                out += fmt::format(":{}", column);
        }
        out += ": ";
    }
    out += message;
    return out;
}

std::string Error::describe() const {
    std::string out = headline();
    if (!source_line.empty()) {
        out += "\n    " + source_line;
        if (column > 0) {
            // Tabs in the line keep the caret aligned under the column.
            std::string pad;
            for (int i = 0; i < column - 1 && i < static_cast<int>(source_line.size()); ++i)
                pad += source_line[static_cast<std::size_t>(i)] == '\t' ? '\t' : ' ';
            out += "\n    " + pad + "^";
        }
    }
    return out;
}

Error system_error(std::string path, std::string_view what) {
    return make_error(std::move(path), fmt::format("{}: {}", what, std::strerror(errno)));
}

Error make_error(std::string path, std::string message) {
    Error e;
    e.path = std::move(path);
    e.message = std::move(message);
    return e;
}

Error make_error_at(std::string path, int line, int column, std::string message,
                    std::string source_line) {
    Error e = make_error(std::move(path), std::move(message));
    e.line = line;
    e.column = column;
    e.source_line = std::move(source_line);
    return e;
}

std::string line_of(std::string_view text, int line) {
    if (line < 1)
        return {};
    std::size_t start = 0;
    for (int i = 1; i < line; ++i) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos)
            return {};
        start = nl + 1;
    }
    std::size_t end = text.find('\n', start);
    std::string_view l =
        text.substr(start, end == std::string_view::npos ? text.npos : end - start);
    if (!l.empty() && l.back() == '\r')
        l.remove_suffix(1);
    return std::string(l);
}

LineColumn line_column_at(std::string_view text, std::size_t offset) {
    LineColumn lc;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++lc.line;
            lc.column = 1;
        } else {
            ++lc.column;
        }
    }
    return lc;
}

}  // namespace archtag
