#include "policy/xml_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace archtag::policy::detail {

Expected<std::vector<std::string>> xml_files(const std::string& path, std::string_view what) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        return fail(make_error(path, fmt::format("no such {} file or directory", what)));
    if (!fs::is_directory(status))
        return std::vector<std::string>{path};
    std::vector<std::string> files;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".xml" && it->is_regular_file(ec))
            files.push_back(it->path().string());
    }
    if (ec)
        return fail(make_error(path, fmt::format("cannot list the directory: {}", ec.message())));
    if (files.empty())
        return fail(make_error(path, fmt::format("no {} files (*.xml) in this directory", what)));
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace archtag::policy::detail
