#pragma once
// The publication date a file's location states: a Jekyll-style name
// (2015-1-12-slug.md) or dated folders (2014/12/19/slug.md).
#include <optional>
#include <string>
#include <string_view>

namespace archtag::article {

struct PathDate {
    std::string text;    // as written, e.g. "2015-1-12" or "2014/12/19"
    std::string iso;     // the same with '-' separators, for parse_timestamp
    std::string source;  // "filename" or "path"
};

// The file name's date prefix wins over a dated folder; nullopt when neither.
// The date is not checked for being possible here.
std::optional<PathDate> date_from_path(std::string_view path);

}  // namespace archtag::article
