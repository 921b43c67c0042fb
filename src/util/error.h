#pragma once
// Errors that point at a place: path:line:col, the offending line, and what
// was expected. Every user-facing failure in archtag is one of these.
#include <string>
#include <string_view>

namespace archtag {

struct Error {
    std::string path;         // file the error is about; may be empty
    int line = 0;             // 1-based; 0 when unknown
    int column = 0;           // 1-based; 0 when unknown
    std::string message;      // what is wrong and what was expected
    std::string source_line;  // the offending line, without its newline

    // "path:line:col: message" (parts that are unknown are left out).
    std::string headline() const;
    // headline, then the offending line and a caret under the column.
    std::string describe() const;
};

Error make_error(std::string path, std::string message);
// "<what>: <the reason errno gives>"; call it before anything else can
// change errno.
Error system_error(std::string path, std::string_view what);
Error make_error_at(std::string path, int line, int column, std::string message,
                    std::string source_line = {});

// The text of line `line` (1-based) of `text`, without its line ending.
std::string line_of(std::string_view text, int line);

// 1-based line and column of byte `offset` in `text`.
struct LineColumn {
    int line = 1;
    int column = 1;
};
LineColumn line_column_at(std::string_view text, std::size_t offset);

}  // namespace archtag
