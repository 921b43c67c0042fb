#include "app/hook_articles.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/filesystem.hpp>

#include "util/strings.h"

namespace archtag::app {

namespace {

namespace fs = boost::filesystem;

Expected<Config> config_for(const Options& options, const std::string& root) {
    if (options.config_path)
        return load_config(*options.config_path);
    fs::path candidate = fs::path(root) / ".archtag.xml";
    boost::system::error_code ec;
    if (!fs::exists(candidate, ec))
        return Config{};
    return load_config(candidate.string());
}

// The policy and rules paths of this run that sit inside `root`, relative to it.
std::vector<std::string> inside(const std::vector<std::string>& paths, const std::string& root) {
    boost::system::error_code ec;
    fs::path base = fs::weakly_canonical(fs::absolute(root), ec);
    std::vector<std::string> out;
    for (const std::string& p : paths) {
        fs::path rel = fs::weakly_canonical(fs::absolute(p), ec).lexically_relative(base);
        if (!ec && !rel.empty() && rel != "." && *rel.begin() != "..")
            out.push_back(rel.generic_string());
    }
    return out;
}

std::string_view verb(Change c) {
    switch (c) {
        case Change::add:
            return "add";
        case Change::update:
            return "update";
        case Change::remove:
            return "remove";
        case Change::keep:
            break;
    }
    return "keep";
}

}  // namespace

bool HookArchive::is_article(const std::string& rel) const {
    bool is_data = std::any_of(data.begin(), data.end(), [&](const std::string& d) {
        return rel == d ||
               (rel.size() > d.size() && rel.compare(0, d.size(), d) == 0 && rel[d.size()] == '/');
    });
    return !is_data && is_article_path(rel, filter);
}

Expected<HookArchive> load_hook_archive(const Options& options, const std::string& root) {
    auto config = config_for(options, root);
    if (!config)
        return fail(config.error());
    auto setup = load_setup(options, root);
    if (!setup)
        return fail(setup.error());
    HookArchive a{std::move(*setup), std::move(*config), {}, {}};
    a.filter.include = a.setup.include;
    a.filter.exclude = a.setup.exclude;
    a.data = inside(a.setup.data_paths, root);
    return a;
}

std::string needs(const ArticleResult& r) {
    std::vector<std::string> parts;
    for (const StampChange& c : r.plan.changes)
        if (c.change != Change::keep)
            parts.push_back(fmt::format("{} the {} notice", verb(c.change), to_string(c.kind)));
    if (parts.empty() && r.pending())
        parts.push_back("rewrite its stamps");
    return join(parts, ", ");
}

}  // namespace archtag::app
