#include "app/walk.h"

#include <fmt/format.h>
#include <algorithm>
#include <stdexcept>

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

// The folder test of a walk: `rel` is a folder path without a trailing '/'.
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

// An entry of a folder being walked. Sorting a folder's entries by their
// name, with a '/' after a folder's (as its paths continue), and visiting
// them depth first gives the byte order of the whole relative paths.
struct Entry {
    std::string key;  // "name", or "name/" for a folder
    bool folder() const { return key.back() == '/'; }
    bool operator<(const Entry& other) const { return key < other.key; }
};

// A folder that vanished or failed to read while a sweep walks (it is read
// long after its parent was) ends the sweep with the reason: going on would
// leave its articles out of the report without a word.
[[noreturn]] void folder_unreadable(const fs::path& dir, const boost::system::error_code& ec) {
    throw std::runtime_error(
        fmt::format("{}: cannot read the folder: {}", dir.string(), ec.message()));
}

// One folder's entries that a walk may yield or enter: no symbolic links,
// no hidden or excluded folders, no `skip` paths, only wanted articles, each
// once. A folder archtag may not read (permissions) has none.
std::vector<Entry> walk_entries(const fs::path& dir, const std::string& rel,
                                const std::vector<fs::path>& skip, const WalkFilter& filter) {
    std::vector<Entry> out;
    boost::system::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    for (; it != end; it.increment(ec)) {
        if (ec)
            folder_unreadable(dir, ec);
        std::string name = it->path().filename().string();
        fs::file_status st = it->symlink_status(ec);
        if (ec || fs::is_symlink(st))
            continue;
        std::string child = rel.empty() ? name : rel + "/" + name;
        bool folder = fs::is_directory(st);
        if (std::find(skip.begin(), skip.end(), it->path()) != skip.end())
            continue;
        if (folder ? folder_skipped(child, filter)
                   : !fs::is_regular_file(st) || hidden(name) || !wanted(child, filter))
            continue;
        out.push_back({folder ? name + "/" : name});
    }
    if (ec)
        folder_unreadable(dir, ec);
    std::sort(out.begin(), out.end());
    // readdir may return an entry twice when the folder changes meanwhile.
    out.erase(std::unique(out.begin(), out.end(),
                          [](const Entry& a, const Entry& b) { return a.key == b.key; }),
              out.end());
    return out;
}

}  // namespace

struct ArticleWalk::State {
    struct Level {
        fs::path dir;
        std::string rel;  // "" for the root
        std::vector<Entry> entries;
        std::size_t at = 0;
    };
    std::vector<fs::path> skip;
    WalkFilter filter;
    std::vector<Level> levels;

    void enter(fs::path dir, std::string rel) {
        auto entries = walk_entries(dir, rel, skip, filter);
        levels.push_back({std::move(dir), std::move(rel), std::move(entries), 0});
    }
};

ArticleWalk::ArticleWalk(std::unique_ptr<State> state) : m_state(std::move(state)) {}
ArticleWalk::ArticleWalk(ArticleWalk&&) noexcept = default;
ArticleWalk& ArticleWalk::operator=(ArticleWalk&&) noexcept = default;
ArticleWalk::~ArticleWalk() = default;

Expected<std::optional<ArticleWalk>> ArticleWalk::open(const std::string& root_text,
                                                       const std::string& folder,
                                                       const WalkFilter& filter) {
    boost::system::error_code ec;
    if (!fs::exists(folder, ec))
        return fail(make_error(folder, "no such file or folder"));
    fs::path root = fs::weakly_canonical(fs::absolute(root_text), ec);
    auto rel = relative_inside(root, fs::path(folder));
    if (!rel)
        return fail(rel.error());
    if (!fs::is_directory(folder, ec))
        return std::optional<ArticleWalk>();
    auto state = std::make_unique<State>();
    state->skip = canonical_all(filter.skip);
    state->filter = filter;
    state->enter(fs::weakly_canonical(fs::absolute(folder), ec), *rel);
    return std::optional<ArticleWalk>(ArticleWalk(std::move(state)));
}

std::optional<std::string> ArticleWalk::next() {
    auto& levels = m_state->levels;
    while (!levels.empty()) {
        State::Level& top = levels.back();
        if (top.at == top.entries.size()) {
            levels.pop_back();
            continue;
        }
        const Entry& e = top.entries[top.at++];
        std::string name = e.folder() ? e.key.substr(0, e.key.size() - 1) : e.key;
        std::string rel = top.rel.empty() ? name : top.rel + "/" + name;
        if (!e.folder())
            return rel;
        fs::path dir = top.dir / name;
        m_state->enter(std::move(dir), std::move(rel));  // `top` and `e` may move
    }
    return std::nullopt;
}

Expected<std::vector<std::string>> list_articles(const std::string& root_text,
                                                 const std::vector<std::string>& starts,
                                                 const WalkFilter& filter) {
    boost::system::error_code ec;
    fs::path root = fs::weakly_canonical(fs::absolute(root_text), ec);
    std::vector<std::string> out;
    for (const std::string& start : starts) {
        auto walk = ArticleWalk::open(root_text, start, filter);
        if (!walk)
            return fail(walk.error());
        if (*walk) {
            while (auto rel = (*walk)->next())
                out.push_back(std::move(*rel));
        } else {  // a file, named explicitly: kept even when excluded
            out.push_back(*relative_inside(root, fs::path(start)));
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
