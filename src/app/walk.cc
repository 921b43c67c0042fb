#include "app/walk.h"

#include <fmt/format.h>
#include <algorithm>

#include <boost/filesystem.hpp>

#include "model/format.h"
#include "util/glob.h"

namespace archtag::app {

namespace {

namespace fs = boost::filesystem;

bool matches_any(const std::vector<std::string>& globs, const std::string& rel) {
    return std::any_of(globs.begin(), globs.end(),
                       [&](const std::string& g) { return glob_match(g, rel); });
}

bool wanted(const std::string& rel, const WalkFilter& filter) {
    if (!format_from_path(rel))
        return false;
    if (!filter.include.empty() && !matches_any(filter.include, rel))
        return false;
    return !matches_any(filter.exclude, rel);
}

bool hidden(std::string_view name) {
    return !name.empty() && name[0] == '.';
}

// The folder test of walk_folder: `rel` is a folder path without a trailing '/'.
bool folder_skipped(const std::string& rel, const WalkFilter& filter) {
    std::size_t slash = rel.rfind('/');
    std::string_view name = slash == std::string::npos ? std::string_view(rel)
                                                       : std::string_view(rel).substr(slash + 1);
    return hidden(name) || matches_any(filter.exclude, rel + "/") ||
           matches_any(filter.exclude, rel);
}

Expected<std::string> relative_inside(const fs::path& root, const fs::path& p) {
    boost::system::error_code ec;
    fs::path abs = fs::weakly_canonical(fs::absolute(p), ec);
    fs::path rel = abs.lexically_relative(root);
    if (ec || rel.empty() || *rel.begin() == "..")
        return fail(
            make_error(p.string(), fmt::format("is outside the archive root {}", root.string())));
    return rel == "." ? std::string() : rel.generic_string();
}

std::vector<fs::path> canonical_all(const std::vector<std::string>& paths) {
    std::vector<fs::path> out;
    boost::system::error_code ec;
    for (const std::string& p : paths) {
        fs::path c = fs::weakly_canonical(fs::absolute(p), ec);
        if (!ec)
            out.push_back(c);
    }
    return out;
}

void walk_folder(const fs::path& root, const fs::path& folder, const WalkFilter& filter,
                 std::vector<std::string>& out) {
    boost::system::error_code ec;
    const std::vector<fs::path> skip = canonical_all(filter.skip);
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec),
        end;
    for (; it != end; it.increment(ec)) {
        if (ec)
            break;
        const fs::path& p = it->path();
        std::string name = p.filename().string();
        fs::file_status st = it->symlink_status(ec);
        if (fs::is_symlink(st))
            continue;
        std::string rel = p.lexically_relative(root).generic_string();
        if (std::find(skip.begin(), skip.end(), p) != skip.end()) {
            if (fs::is_directory(st))
                it.disable_recursion_pending();
            continue;
        }
        if (fs::is_directory(st)) {
            if (folder_skipped(rel, filter))
                it.disable_recursion_pending();
            continue;
        }
        // Hidden files (.archtag.xml, editor swap files) are never articles.
        if (fs::is_regular_file(st) && !hidden(name) && wanted(rel, filter))
            out.push_back(rel);
    }
}

}  // namespace

Expected<std::vector<std::string>> list_articles(const std::string& root_text,
                                                 const std::vector<std::string>& starts,
                                                 const WalkFilter& filter) {
    boost::system::error_code ec;
    fs::path root = fs::weakly_canonical(fs::absolute(root_text), ec);
    std::vector<std::string> out;
    for (const std::string& start : starts) {
        fs::path p(start);
        if (!fs::exists(p, ec))
            return fail(make_error(start, "no such file or folder"));
        auto rel = relative_inside(root, p);
        if (!rel)
            return fail(rel.error());
        if (fs::is_directory(p, ec)) {
            walk_folder(root, fs::weakly_canonical(fs::absolute(p), ec), filter, out);
        } else {
            out.push_back(*rel);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool is_walked_folder(const std::string& rel, const WalkFilter& filter) {
    for (std::size_t slash = rel.find('/'); slash != std::string::npos;
         slash = rel.find('/', slash + 1))
        if (folder_skipped(rel.substr(0, slash), filter))
            return false;
    return !folder_skipped(rel, filter);
}

bool is_article_path(const std::string& rel, const WalkFilter& filter) {
    std::size_t slash = rel.rfind('/');
    if (slash != std::string::npos && !is_walked_folder(rel.substr(0, slash), filter))
        return false;
    return !hidden(rel.substr(slash == std::string::npos ? 0 : slash + 1)) && wanted(rel, filter);
}

std::string find_root(const std::vector<std::string>& paths) {
    boost::system::error_code ec;
    fs::path start = fs::absolute(paths.empty() ? fs::path(".") : fs::path(paths.front()));
    start = fs::weakly_canonical(start, ec);
    if (!fs::is_directory(start, ec))
        start = start.parent_path();
    for (const char* marker : {".archtag.xml", ".git"}) {
        for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
            if (fs::exists(dir / marker, ec))
                return dir.string();
            if (dir == dir.root_path())
                break;
        }
    }
    return start.string();
}

}  // namespace archtag::app
