#include "app/hook_pre_receive.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cstdlib>
#include <fstream>
#include <map>

#include "app/app.h"
#include "app/hook_articles.h"
#include "app/pipeline.h"
#include "repo/push_range.h"
#include "repo/repo.h"
#include "util/strings.h"

namespace archtag::app {

namespace {

namespace fs = boost::filesystem;

constexpr std::string_view k_zero = "0000000000000000000000000000000000000000";
constexpr std::string_view k_lfs_pointer = "version https://git-lfs.github.com/spec/";
constexpr std::string_view k_override = "archtag-override=";

struct Update {
    std::string old_id, new_id, ref;
};

struct Problem {
    std::string path;
    std::string why;
};

Expected<std::vector<Update>> read_updates(std::istream& in) {
    std::vector<Update> out;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        auto words = split_words(line);
        if (words.empty())
            continue;
        if (words.size() != 3 || words[0].size() != 40 || words[1].size() != 40)
            return fail(make_error_at("<stdin>", n, 1,
                                      "expected '<old id> <new id> <ref>' as git gives a "
                                      "pre-receive hook",
                                      line));
        out.push_back({words[0], words[1], words[2]});
    }
    return out;
}

// The reason given with `git push -o archtag-override=<reason>`, if any.
std::optional<std::string> override_reason() {
    const char* count = std::getenv("GIT_PUSH_OPTION_COUNT");
    int n = count ? std::atoi(count) : 0;
    for (int i = 0; i < n; ++i) {
        const char* v = std::getenv(fmt::format("GIT_PUSH_OPTION_{}", i).c_str());
        std::string option = v ? v : "";
        if (option.rfind(k_override, 0) == 0)
            return option.substr(k_override.size());
    }
    return std::nullopt;
}

Expected<std::vector<std::string>> protected_refs(const repo::Repository& repo,
                                                  const Config& config) {
    if (!config.protect.empty())
        return config.protect;
    auto head = repo.head_branch();
    if (!head)
        return fail(head.error());
    return std::vector<std::string>{*head};
}

// The articles that `u` adds or changes, as they are at its new tip.
Expected<std::vector<Problem>> problems_in(repo::Repository& repo, const HookArchive& archive,
                                           const Update& u) {
    repo::ObjectId tip{u.new_id};
    auto paths = u.old_id == k_zero ? repo::paths_new_to_repository(repo, tip)
                                    : repo::pushed_paths(repo, repo::ObjectId{u.old_id}, tip);
    if (!paths)
        return fail(paths.error());
    auto files = repo.list_files(tip);
    if (!files)
        return fail(files.error());
    std::map<std::string, repo::ObjectId> blobs;
    for (const repo::TreeFile& f : *files)
        blobs.emplace(f.path, f.id);
    std::vector<Problem> out;
    for (const std::string& path : *paths) {
        auto it = blobs.find(path);
        if (it == blobs.end() || !archive.is_article(path))
            continue;
        auto bytes = repo.read_blob(it->second, k_max_article_bytes);
        if (!bytes) {
            out.push_back({path, "cannot be read: " + bytes.error().message});
            continue;
        }
        if (bytes->rfind(k_lfs_pointer, 0) == 0)
            continue;
        ArticleResult r = process_bytes(archive.setup, path, *bytes, Mode::stamp);
        if (r.error)
            out.push_back({path, "cannot be read: " + r.error->headline()});
        else if (r.pending())
            out.push_back({path, "needs stamps: " + needs(r)});
    }
    return out;
}

std::string utc(Instant t) {
    auto day = std::chrono::floor<std::chrono::days>(t);
    std::chrono::hh_mm_ss time(t - day);
    return fmt::format("{}T{:02}:{:02}:{:02}Z", format_date(std::chrono::year_month_day(day)),
                       time.hours().count(), time.minutes().count(), time.seconds().count());
}

Status log_override(const repo::Repository& repo, const Options& options, const Update& u,
                    const std::vector<Problem>& problems, const std::string& reason) {
    fs::path dir = fs::path(repo.git_dir()) / "archtag";
    boost::system::error_code ec;
    fs::create_directories(dir, ec);
    std::string file = (dir / "overrides.log").string();
    std::vector<std::string> paths;
    for (const Problem& p : problems)
        paths.push_back(p.path);
    const char* user = std::getenv("USER");
    std::ofstream log(file, std::ios::app | std::ios::binary);
    log << fmt::format("{} {} {}..{} user={} reason=\"{}\" articles={}\n", utc(options.now), u.ref,
                       u.old_id.substr(0, 12), u.new_id.substr(0, 12), user ? user : "?", reason,
                       join(paths, ","));
    if (!log.flush())
        return fail(make_error(file, "cannot append to the overrides log"));
    return ok();
}

void print_refusal(const Update& u, const std::vector<Problem>& problems, std::ostream& err) {
    fmt::print(err, "archtag: push to {} refused: {} {}:\n", u.ref,
               problems.size() == 1 ? "1 article" : fmt::format("{} articles", problems.size()),
               problems.size() == 1 ? "is not ready to publish" : "are not ready to publish");
    for (const Problem& p : problems)
        fmt::print(err, "  {}: {}\n", p.path, p.why);
    fmt::print(err,
               "Stamp them (archtag fix PATH..., or the pre-commit hook), commit and push again; "
               "or push with -o archtag-override=\"<reason>\" to publish anyway (logged).\n");
}

bool is_protected(const std::vector<std::string>& refs, const std::string& ref) {
    return std::find(refs.begin(), refs.end(), ref) != refs.end();
}

}  // namespace

int run_hook_pre_receive(const Options& options, std::istream& in, std::ostream& out,
                         std::ostream& err) {
    auto repo = repo::Repository::open_from_environment();
    if (!repo)
        return usage_error(err, repo.error());
    auto archive = load_hook_archive(options, repo->git_dir());
    if (!archive)
        return usage_error(err, archive.error());
    auto refs = protected_refs(*repo, archive->config);
    if (!refs)
        return usage_error(err, refs.error());
    auto updates = read_updates(in);
    if (!updates)
        return usage_error(err, updates.error());
    auto reason = override_reason();
    int code = k_exit_ok;
    for (const Update& u : *updates) {
        if (u.new_id == k_zero || !is_protected(*refs, u.ref))
            continue;
        auto problems = problems_in(*repo, *archive, u);
        if (!problems)
            return usage_error(err, problems.error());
        if (problems->empty())
            continue;
        if (reason && !trim(*reason).empty()) {
            if (Status s = log_override(*repo, options, u, *problems, *reason); !s)
                return usage_error(err, s.error());
            fmt::print(out, "archtag: {} accepted with an override ({}): {} article{} logged.\n",
                       u.ref, *reason, problems->size(), problems->size() == 1 ? "" : "s");
            continue;
        }
        print_refusal(u, *problems, err);
        code = k_exit_findings;
    }
    return code;
}

}  // namespace archtag::app
