#include "article/path_date.h"

#include <vector>

#include "util/strings.h"

namespace archtag::article {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

bool is_year(std::string_view s) {
    return s.size() == 4 && all_digits(s);
}
bool is_month_or_day(std::string_view s) {
    return (s.size() == 1 || s.size() == 2) && all_digits(s);
}

std::string dashed(std::string_view y, std::string_view m, std::string_view d) {
    std::string out(y);
    out.append("-").append(m).append("-").append(d);
    return out;
}

// Jekyll's YYYY-M-D-slug: one- or two-digit month and day, then a slug.
std::optional<PathDate> from_file_name(std::string_view name) {
    std::vector<std::string> parts = split(name, '-');
    if (parts.size() < 4 || !is_year(parts[0]) || !is_month_or_day(parts[1]) ||
        !is_month_or_day(parts[2]) || parts[3].empty())
        return std::nullopt;
    std::string text = dashed(parts[0], parts[1], parts[2]);
    return PathDate{text, text, "filename"};
}

// .../YYYY/MM/DD/...: the dated folders nearest the file win.
std::optional<PathDate> from_folders(const std::vector<std::string>& segments) {
    for (std::size_t i = segments.size(); i-- > 3;) {
        const std::string& y = segments[i - 3];
        const std::string& m = segments[i - 2];
        const std::string& d = segments[i - 1];
        if (is_year(y) && is_month_or_day(m) && is_month_or_day(d)) {
            return PathDate{y + "/" + m + "/" + d, dashed(y, m, d), "path"};
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<PathDate> date_from_path(std::string_view path) {
    std::vector<std::string> segments = split(path, '/');
    if (auto d = from_file_name(segments.back()))
        return d;
    return from_folders(segments);
}

}  // namespace archtag::article
