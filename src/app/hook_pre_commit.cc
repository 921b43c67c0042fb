#include "app/hook_pre_commit.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>

#include "app/app.h"
#include "app/hook_articles.h"
#include "app/hook_write.h"
#include "app/pipeline.h"
#include "model/edit.h"
#include "repo/index.h"
#include "repo/repo.h"
#include "util/strings.h"

namespace archtag::app {

namespace {

constexpr std::string_view k_lfs_pointer = "version https://git-lfs.github.com/spec/";

struct Staged {
    repo::StagedFile file;
    std::string bytes;
    ArticleResult result;
};

std::string articles(std::size_t n) {
    return n == 1 ? "1 staged article" : fmt::format("{} staged articles", n);
}

// Reads and decides every staged article; articles that cannot be read are
// returned with their error.
Expected<std::vector<Staged>> evaluate(repo::Repository& repo, const HookArchive& archive) {
    auto staged = repo::staged_files(repo);
    if (!staged)
        return fail(staged.error());
    std::vector<Staged> out;
    for (const repo::StagedFile& f : *staged) {
        if (!archive.is_article(f.path))
            continue;
        Staged s{f, {}, {}};
        auto bytes = repo.read_blob(f.blob, k_max_article_bytes);
        if (!bytes) {
            s.result.path = f.path;
            s.result.error = make_error(f.path, bytes.error().message);
        } else if (bytes->rfind(k_lfs_pointer, 0) == 0) {
            continue;  // the article itself is not in git
        } else {
            s.bytes = std::move(*bytes);
            s.result = process_bytes(archive.setup, f.path, s.bytes, Mode::stamp);
        }
        out.push_back(std::move(s));
    }
    return out;
}

int refuse_errors(const std::vector<Staged>& staged, std::ostream& err) {
    std::vector<const Staged*> failed;
    for (const Staged& s : staged)
        if (s.result.error)
            failed.push_back(&s);
    if (failed.empty())
        return k_exit_ok;
    fmt::print(err, "archtag: commit refused: {} could not be read:\n",
               failed.size() == 1 ? "1 staged article" : articles(failed.size()));
    for (const Staged* s : failed)
        fmt::print(err, "  {}\n", s->result.error->headline());
    fmt::print(err, "Fix them, or commit with --no-verify to skip archtag.\n");
    return k_exit_findings;
}

int check(const std::vector<Staged>& staged, std::ostream& err) {
    std::vector<const Staged*> due;
    for (const Staged& s : staged)
        if (s.result.pending())
            due.push_back(&s);
    if (due.empty())
        return k_exit_ok;
    fmt::print(err, "archtag: commit refused: {} {} their notices:\n", articles(due.size()),
               due.size() == 1 ? "needs" : "need");
    for (const Staged* s : due)
        fmt::print(err, "  {}: {}\n", s->file.path, needs(s->result));
    fmt::print(err,
               "Stamp them with `archtag fix PATH...` and stage them again, or set <hook "
               "mode=\"fix\"/> in .archtag.xml to have this hook stamp what is staged.\n");
    return k_exit_findings;
}

// Restaging failed; what it had changed was put back, or is listed.
int refuse_unstamped(const Restage& failed, std::ostream& err) {
    fmt::print(err, "archtag: commit refused: could not stamp the staged articles: {}\n",
               failed.result.error().headline());
    if (failed.not_restored.empty()) {
        fmt::print(err, "Nothing was changed: the index and the work tree are as they were.\n");
        return k_exit_findings;
    }
    fmt::print(err, "archtag: what was already changed could not all be put back:\n");
    for (const Error& e : failed.not_restored)
        fmt::print(err, "  {}\n", e.headline());
    fmt::print(err, "Check `git status` and `git diff` before you commit again.\n");
    return k_exit_findings;
}

// New blobs are all written before the index or any work-tree file changes
// (restage_all_or_nothing), so a failure here leaves only unreferenced
// objects behind.
int fix(repo::Repository& repo, const std::vector<Staged>& staged, std::ostream& err) {
    std::vector<repo::StagedUpdate> updates;
    std::vector<const Staged*> due;
    for (const Staged& s : staged) {
        if (!s.result.pending())
            continue;
        auto blob = repo.write_blob(apply_edits(s.bytes, s.result.plan.edits));
        if (!blob)
            return usage_error(err, blob.error());
        updates.push_back({s.file.path, s.file.blob, *blob});
        due.push_back(&s);
    }
    if (updates.empty())
        return k_exit_ok;
    Restage restaged = restage_all_or_nothing(repo, updates);
    if (!restaged.result)
        return refuse_unstamped(restaged, err);
    const auto& in_work_tree = restaged.result->work_tree_paths;
    fmt::print(err, "archtag: stamped {}:\n", articles(due.size()));
    for (const Staged* s : due) {
        bool followed =
            std::find(in_work_tree.begin(), in_work_tree.end(), s->file.path) != in_work_tree.end();
        fmt::print(
            err, "  {}: {}{}\n", s->file.path, needs(s->result),
            followed ? "" : " (in the commit only: the work-tree file has unstaged changes)");
    }
    return k_exit_ok;
}

}  // namespace

int run_hook_pre_commit(const Options& options, std::ostream&, std::ostream& err) {
    auto repo = repo::Repository::open_from_environment();
    if (!repo)
        return usage_error(err, repo.error());
    auto work = repo->work_dir();
    if (!work)
        return usage_error(err, make_error(repo->git_dir(), "pre-commit needs a work tree"));
    auto archive = load_hook_archive(options, *work);
    if (!archive)
        return usage_error(err, archive.error());
    auto staged = evaluate(*repo, *archive);
    if (!staged)
        return usage_error(err, staged.error());
    if (int code = refuse_errors(*staged, err); code != k_exit_ok)
        return code;
    return archive->config.hook_mode == HookMode::fix ? fix(*repo, *staged, err)
                                                      : check(*staged, err);
}

}  // namespace archtag::app
