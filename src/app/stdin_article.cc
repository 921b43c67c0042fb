#include "app/stdin_article.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <boost/filesystem.hpp>
#include <iterator>

#include "app/app.h"
#include "app/hook_articles.h"
#include "app/pipeline.h"
#include "model/edit.h"
#include "model/format.h"

namespace archtag::app {

namespace {

namespace fs = boost::filesystem;

// NAME relative to the archive root, '/'-separated.
Expected<std::string> article_name(const Options& options, const std::string& root) {
    if (!options.stdin_path || options.stdin_path->empty())
        return fail(make_error("",
                               "--stdin needs --path NAME (the article's name: its extension "
                               "gives the format, its path the policy)"));
    fs::path name(*options.stdin_path);
    if (name.is_absolute())
        name = name.lexically_relative(fs::absolute(root).lexically_normal());
    std::string rel = name.lexically_normal().generic_string();
    if (rel.empty() || rel == "." || rel.rfind("..", 0) == 0)
        return fail(
            make_error(*options.stdin_path, "is not a path inside the archive root " + root));
    if (!format_from_path(rel))
        return fail(
            make_error(*options.stdin_path, "not an article name (expected .md, .html or .xml)"));
    return rel;
}

Expected<std::string> read_all(std::istream& in, const std::string& name) {
    std::string bytes;
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        bytes.append(buf, static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > k_max_article_bytes)
            return fail(make_error(name, fmt::format("the article on stdin is larger than the "
                                                     "limit of {} bytes",
                                                     k_max_article_bytes)));
    }
    if (in.bad())
        return fail(make_error(name, "cannot read the article from stdin"));
    return bytes;
}

}  // namespace

int run_stdin_article(const Options& options, StdinCommand command, std::istream& in,
                      std::ostream& out, std::ostream& err) {
    if (!options.paths.empty())
        return usage_error(err, make_error("", "--stdin reads one article: give no PATH"));
    std::string root = options.root.value_or(".");
    auto name = article_name(options, root);
    if (!name)
        return usage_error(err, name.error());
    auto setup = load_setup(options, root);
    if (!setup)
        return usage_error(err, setup.error());
    auto bytes = read_all(in, *name);
    if (!bytes) {
        fmt::print(err, "archtag: {}\n", bytes.error().describe());
        return k_exit_findings;
    }
    ArticleResult r = process_bytes(*setup, *name, *bytes, Mode::stamp);
    if (r.error) {
        fmt::print(err, "archtag: {}\n", r.error->describe());
        return k_exit_findings;
    }
    if (command == StdinCommand::fix) {
        out << (r.pending() ? apply_edits(*bytes, r.plan.edits) : *bytes);
        out.flush();
        return out ? k_exit_ok : k_exit_findings;
    }
    if (!r.pending()) {
        fmt::print(out, "{}: carries its notices\n", *name);
        return k_exit_ok;
    }
    fmt::print(out, "{}: needs stamps: {}\n", *name, needs(r));
    return k_exit_findings;
}

}  // namespace archtag::app
