#include "app/git_sweep.h"
#include "app/print_report.h"
#include "app/progress_ticker.h"
#include "report/diff.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <atomic>
#include <boost/filesystem.hpp>
#include <cstdlib>
#include <thread>

#include "app/app.h"
#include "app/commit_message.h"
#include "app/decision_horizon.h"
#include "app/git_cache.h"
#include "app/git_identity.h"
#include "app/git_sign.h"
#include "app/history_date.h"
#include "app/output.h"
#include "app/walk.h"
#include "policy/policy.h"
#include "repo/land.h"
#include "repo/repo.h"
#include "report/report.h"
#include "util/strings.h"

namespace archtag::app {

namespace {

namespace fs = boost::filesystem;

constexpr const char* k_version = ARCHTAG_VERSION;
constexpr std::string_view k_lfs_pointer = "version https://git-lfs.github.com/spec/";

// One tree entry the sweep looks at; `rel` is relative to the archive root.
struct Listed {
    repo::TreeFile file;
    std::string rel;
};

// Where the archive sits in the repository, and what it holds.
struct Archive {
    std::string prefix;  // "" or "sub/folder/" when ARCHIVE is a folder inside the work tree
    WalkFilter filter;
    std::vector<std::string> data;  // policy and rules paths inside the archive: never articles
};

bool is_data(const std::string& rel, const std::vector<std::string>& data) {
    return std::any_of(data.begin(), data.end(), [&](const std::string& d) {
        return rel == d ||
               (rel.size() > d.size() && rel.compare(0, d.size(), d) == 0 && rel[d.size()] == '/');
    });
}

// The policy and rules files and folders of this run that sit inside the
// archive folder, relative to it.
std::vector<std::string> data_inside(const std::vector<std::string>& paths,
                                     const std::string& archive) {
    boost::system::error_code ec;
    fs::path root = fs::weakly_canonical(fs::absolute(archive), ec);
    std::vector<std::string> out;
    for (const std::string& p : paths) {
        fs::path rel = fs::weakly_canonical(fs::absolute(p), ec).lexically_relative(root);
        if (!ec && !rel.empty() && rel != "." && *rel.begin() != "..")
            out.push_back(rel.generic_string());
    }
    return out;
}

bool is_listed(const repo::TreeFile& f, const std::string& rel, const WalkFilter& filter) {
    if (f.kind == repo::EntryKind::submodule)
        return is_walked_folder(rel, filter);
    return is_article_path(rel, filter);
}

std::vector<Listed> list_articles_in(const std::vector<repo::TreeFile>& files,
                                     const Archive& archive) {
    std::vector<Listed> out;
    for (const repo::TreeFile& f : files) {
        if (f.path.compare(0, archive.prefix.size(), archive.prefix) != 0)
            continue;
        std::string rel = f.path.substr(archive.prefix.size());
        if (is_listed(f, rel, archive.filter) && !is_data(rel, archive.data))
            out.push_back({f, std::move(rel)});
    }
    return out;
}

ArticleResult skipped(const std::string& rel, FlagLevel level, std::string code,
                      std::string message) {
    ArticleResult r;
    r.path = rel;
    r.format = format_from_path(rel);
    r.decision.flags.push_back({level, std::move(code), std::move(message)});
    return r;
}

// A Git LFS pointer stands for an article kept outside git: reported, not
// read as one. (Binary content is reported by the article reader, as in a
// folder sweep.)
std::optional<ArticleResult> lfs_pointer(const Listed& l, std::string_view bytes) {
    if (bytes.substr(0, k_lfs_pointer.size()) != k_lfs_pointer)
        return std::nullopt;
    return skipped(l.rel, FlagLevel::warning, "lfs-pointer",
                   "a Git LFS pointer: the article itself is not in git; not stamped");
}

using FirstCommits = std::map<std::string, repo::FirstCommit>;

// The history date offered for `path`, when history was read and knows it.
std::optional<DateCandidate> history_date_of(const FirstCommits& history, const std::string& path) {
    auto it = history.find(path);
    if (it == history.end())
        return std::nullopt;
    return history_date(it->second);
}

ArticleResult examine(const repo::Repository& repo, const Setup& setup, const Listed& l, Mode mode,
                      const FirstCommits& history, Diff diff) {
    if (l.file.kind == repo::EntryKind::symlink)
        return skipped(l.rel, FlagLevel::info, "symlink",
                       "a symbolic link in git; not followed, not stamped");
    if (l.file.kind == repo::EntryKind::submodule)
        return skipped(l.rel, FlagLevel::info, "submodule",
                       "a git submodule; its articles are not part of this sweep");
    auto bytes = repo.read_blob(l.file.id, k_max_article_bytes);
    if (!bytes) {
        ArticleResult r;
        r.path = l.rel;
        r.format = format_from_path(l.rel);
        r.error = make_error(l.rel, bytes.error().message);
        return r;
    }
    if (auto pointer = lfs_pointer(l, *bytes))
        return *pointer;
    std::optional<DateCandidate> dated = history_date_of(history, l.file.path);
    ArticleResult r = process_bytes(setup, l.rel, *bytes, mode, Instant::min(), nullptr,
                                    dated ? &*dated : nullptr);
    if (diff == Diff::yes && !r.error && r.plan.touches_bytes())
        r.diff = report::unified_diff(l.rel, *bytes, r.plan.edits);
    return r;
}

// Reads and plans every listed article on `jobs` threads, each with its own
// repository handle; results keep the order of `listed`.
std::vector<ArticleResult> plan_all(const std::string& git_dir, const Setup& setup,
                                    const std::vector<Listed>& listed, Mode mode, unsigned jobs,
                                    const FirstCommits& history, Diff diff,
                                    std::atomic<std::size_t>* done) {
    std::vector<ArticleResult> results(listed.size());
    if (jobs == 0)
        jobs = std::max(1u, std::thread::hardware_concurrency());
    jobs =
        static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, listed.size())));
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        auto repo = repo::Repository::open(git_dir);
        for (std::size_t i = next++; i < listed.size(); i = next++) {
            if (!repo) {
                results[i].path = listed[i].rel;
                results[i].error = make_error(listed[i].rel, repo.error().message);
                continue;
            }
            results[i] = examine(*repo, setup, listed[i], mode, history, diff);
            if (done)
                ++*done;
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t)
        threads.emplace_back(worker);
    worker();
    for (auto& t : threads)
        t.join();
    return results;
}

bool will_change(const ArticleResult& r) {
    return !r.error && r.pending();
}

// Everything one attempt learned, kept for the report once a commit lands.
struct Attempt {
    std::vector<Listed> listed;
    std::vector<ArticleResult> results;
    std::vector<bool> read;                  // planned from the blob, not taken from the cache
    std::vector<std::string> changed_paths;  // repository paths, for the work tree
};

struct GitRun {
    const Options& options;
    Mode mode;
    Setup setup;
    repo::Repository repo;
    std::string branch;
    bool checked_out = false;  // the branch is HEAD of a work tree
    Archive archive;
    repo::Signature author, committer;
    std::optional<std::string> signoff;
    Attempt attempt;
    std::optional<SweepCache> cache;      // absent with --no-cache
    std::optional<repo::ObjectId> since;  // --since: only articles changed since this commit
    FirstCommits history;                 // read per attempt when a policy dates by history
    std::optional<SigningSetup> signing;  // --sign
    std::ostream* progress = nullptr;     // stderr when a progress line is wanted
};

bool dates_from_history(const Setup& setup) {
    return std::any_of(setup.policies.begin(), setup.policies.end(),
                       [](const Policy& p) { return p.date_from_git_history; });
}

std::string command_name(Mode mode) {
    return mode == Mode::stamp ? "sweep" : "unstamp";
}

// Leaves out (with --skip-dirty) or refuses articles with uncommitted changes.
Status handle_dirty(GitRun& run, const repo::ObjectId& tip) {
    if (!run.checked_out)
        return ok();
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < run.attempt.results.size(); ++i)
        if (will_change(run.attempt.results[i]))
            paths.push_back(run.attempt.listed[i].file.path);
    auto dirty = run.repo.dirty_paths(tip, paths);
    if (!dirty)
        return fail(dirty.error());
    if (dirty->empty())
        return ok();
    if (!run.options.skip_dirty)
        return fail(make_error(
            run.repo.work_dir().value_or(""),
            fmt::format(
                "refusing to commit: {} to stamp {} uncommitted changes: {} (commit or "
                "stash them, or pass --skip-dirty to leave them out)",
                dirty->size() == 1 ? "1 article" : with_thousands(dirty->size()) + " articles",
                dirty->size() == 1 ? "has" : "have", join(*dirty, ", "))));
    for (std::size_t i = 0; i < run.attempt.results.size(); ++i) {
        const std::string& path = run.attempt.listed[i].file.path;
        if (std::find(dirty->begin(), dirty->end(), path) == dirty->end())
            continue;
        ArticleResult& r = run.attempt.results[i];
        r.plan = Plan{};
        r.decision.flags.push_back({FlagLevel::warning, "dirty",
                                    "uncommitted changes in the work tree or index; left out of "
                                    "the commit (--skip-dirty)"});
    }
    return ok();
}

Expected<repo::ObjectId> write_tree(GitRun& run, const repo::ObjectId& tip) {
    std::vector<repo::FileUpdate> updates;
    run.attempt.changed_paths.clear();
    for (std::size_t i = 0; i < run.attempt.results.size(); ++i) {
        const ArticleResult& r = run.attempt.results[i];
        if (!will_change(r))
            continue;
        const repo::TreeFile& f = run.attempt.listed[i].file;
        // Read again rather than kept from planning: memory stays bounded by
        // the largest article, not by the number of stamped ones.
        auto bytes = run.repo.read_blob(f.id, k_max_article_bytes);
        if (!bytes)
            return fail(bytes.error());
        auto blob = run.repo.write_blob(apply_edits(*bytes, r.plan.edits));
        if (!blob)
            return fail(blob.error());
        updates.push_back({f.path, *blob, f.mode});
        run.attempt.changed_paths.push_back(f.path);
    }
    return run.repo.update_tree(tip, updates);
}

const Policy* policy_named(const Setup& setup, const std::string& id) {
    for (const Policy& p : setup.policies)
        if (p.id == id)
            return &p;
    return nullptr;
}

// The instant decisions are made for in `p`'s time zone (UTC without one).
Instant as_of_for(const Setup& setup, const Policy* p) {
    if (!p)
        return setup.as_of.in_zone(TimeZone::utc());
    auto zone = TimeZone::locate(p->time_zone);
    return setup.as_of.in_zone(zone ? *zone : TimeZone::utc());
}

// The remembered result for an unchanged blob whose decision still holds.
std::optional<ArticleResult> from_cache(const GitRun& run, const Listed& l) {
    if (!run.cache || l.file.kind == repo::EntryKind::symlink ||
        l.file.kind == repo::EntryKind::submodule)
        return std::nullopt;
    const CachedOutcome* e = run.cache->entry(l.file.path);
    if (!e)
        return std::nullopt;
    const Policy* p = policy_named(run.setup, e->result.policy);
    if (!e->result.policy.empty() && !p)
        return std::nullopt;
    if (!run.cache->find(l.file.path, l.file.id.hex, as_of_for(run.setup, p)))
        return std::nullopt;
    // A date taken from history holds only while history says the same.
    if (e->result.meta && e->result.meta->published_source == k_history_source) {
        auto now = history_date_of(run.history, l.file.path);
        if (!now || !e->result.meta->published ||
            now->timestamp.iso() != e->result.meta->published->iso())
            return std::nullopt;
    }
    ArticleResult r = e->result;
    r.path = l.rel;
    if (r.meta)
        r.meta->path = l.rel;
    return r;
}

// What to remember of a result just planned: only articles that need no
// change, with the instant their decision may change.
std::optional<CachedOutcome> worth_remembering(const GitRun& run, const Listed& l,
                                               const ArticleResult& r) {
    if (r.error || !r.meta || r.pending())
        return std::nullopt;
    const Policy* p = policy_named(run.setup, r.policy);
    CachedOutcome c;
    c.blob = l.file.id.hex;
    c.valid_from = as_of_for(run.setup, p);
    c.valid_until = Instant::max();
    if (p && run.mode == Mode::stamp)
        c.valid_until =
            decision_valid_until(*p, run.setup.rules, policy::resolve(*p, *r.meta), c.valid_from)
                .value_or(Instant::max());
    c.result = r;
    return c;
}

// Lists the tip's articles (only those changed since --since), takes what
// the cache still knows and reads and plans the rest.
Status plan_tip(GitRun& run, const repo::ObjectId& tip) {
    auto files = run.repo.list_files(tip);
    if (!files)
        return fail(files.error());
    run.attempt = Attempt{};
    if (dates_from_history(run.setup)) {
        auto history = run.repo.first_commits(tip);
        if (!history)
            return fail(history.error());
        run.history = std::move(*history);
    }
    std::vector<Listed> listed = list_articles_in(*files, run.archive);
    if (run.since) {
        auto changed = run.repo.changed_paths(*run.since, tip);
        if (!changed)
            return fail(changed.error());
        std::erase_if(listed, [&](const Listed& l) {
            return !std::binary_search(changed->begin(), changed->end(), l.file.path);
        });
    }
    std::vector<ArticleResult> results(listed.size());
    std::vector<bool> read(listed.size(), false);
    std::vector<Listed> to_read;
    std::vector<std::size_t> slots;
    for (std::size_t i = 0; i < listed.size(); ++i) {
        if (auto hit = from_cache(run, listed[i])) {
            results[i] = std::move(*hit);
            continue;
        }
        to_read.push_back(listed[i]);
        slots.push_back(i);
    }
    std::optional<ProgressTicker> ticker;
    if (run.progress)
        ticker.emplace(*run.progress, to_read.size());
    std::vector<ArticleResult> planned =
        plan_all(run.repo.git_dir(), run.setup, to_read, run.mode, run.options.jobs, run.history,
                 run.options.format == OutputFormat::html ? Diff::yes : Diff::no,
                 ticker ? ticker->counter() : nullptr);
    ticker.reset();
    for (std::size_t k = 0; k < slots.size(); ++k) {
        results[slots[k]] = std::move(planned[k]);
        read[slots[k]] = true;
    }
    run.attempt.listed = std::move(listed);
    run.attempt.results = std::move(results);
    run.attempt.read = std::move(read);
    return ok();
}

// Remembers what this run read (before --skip-dirty touched any plan), and
// writes the cache; a failure to write is a note, never fatal.
void update_cache(GitRun& run, const std::vector<std::optional<CachedOutcome>>& learned,
                  std::ostream& err) {
    if (!run.cache)
        return;
    for (std::size_t i = 0; i < learned.size(); ++i) {
        if (!run.attempt.read[i])
            continue;
        const std::string& path = run.attempt.listed[i].file.path;
        if (learned[i])
            run.cache->remember(path, *learned[i]);
        else
            run.cache->forget(path);
    }
    if (Status s = run.cache->save(run.repo.git_dir()); !s)
        fmt::print(err, "archtag: note: the sweep cache was not saved: {}\n", s.error().describe());
}

std::vector<std::optional<CachedOutcome>> learned_from(const GitRun& run) {
    std::vector<std::optional<CachedOutcome>> out(run.attempt.results.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        if (run.attempt.read[i])
            out[i] = worth_remembering(run, run.attempt.listed[i], run.attempt.results[i]);
    return out;
}

Expected<std::optional<repo::NewCommit>> make_commit(
    GitRun& run, const repo::ObjectId& tip, std::vector<std::optional<CachedOutcome>>& learned) {
    if (Status s = plan_tip(run, tip); !s)
        return fail(s.error());
    learned = learned_from(run);
    Status dirty = handle_dirty(run, tip);
    if (!dirty)
        return fail(dirty.error());
    if (std::none_of(run.attempt.results.begin(), run.attempt.results.end(), will_change))
        return std::optional<repo::NewCommit>();
    auto tree = write_tree(run, tip);
    if (!tree)
        return fail(tree.error());
    CommitMessageInput message{run.mode, &run.attempt.results, &run.setup.policies,
                               run.setup.as_of.label(), run.signoff};
    repo::CommitRequest request{tip, *tree, run.author, run.committer, commit_message(message)};
    auto commit =
        run.signing ? run.repo.create_signed_commit(request,
                                                    [&](const std::string& payload) {
                                                        return sign_payload(*run.signing, payload);
                                                    })
                    : run.repo.create_commit(request);
    if (!commit)
        return fail(commit.error());
    return std::optional<repo::NewCommit>(repo::NewCommit{
        *commit,
        fmt::format("archtag {} --commit: {}", command_name(run.mode), commit_subject(message))});
}

std::optional<std::string> env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
}

Expected<Person> identity(const repo::Repository& repo, const std::optional<std::string>& flag,
                          const char* role) {
    IdentitySources s;
    if (flag) {
        auto p = parse_person(*flag, "--author");
        if (!p)
            return fail(p.error());
        s.flag = *p;
    }
    s.env_name = env(fmt::format("GIT_{}_NAME", role).c_str());
    s.env_email = env(fmt::format("GIT_{}_EMAIL", role).c_str());
    s.config_name = repo.config_string("user.name");
    s.config_email = repo.config_string("user.email");
    return resolve_identity(s);
}

Expected<std::string> branch_for(const Options& options, const repo::Repository& repo) {
    return options.branch ? repo.find_branch(*options.branch) : repo.head_branch();
}

bool is_head(const repo::Repository& repo, const std::string& branch) {
    if (repo.bare())
        return false;
    auto head = repo.head_branch();
    return head && *head == branch;
}

// "sub/folder/" when `archive` is a folder inside the work tree, else "".
Expected<std::string> prefix_of(const repo::Repository& repo, const std::string& archive) {
    auto work = repo.work_dir();
    if (!work)
        return std::string();
    boost::system::error_code ec;
    fs::path abs = fs::weakly_canonical(fs::absolute(archive), ec);
    fs::path rel = abs.lexically_relative(fs::weakly_canonical(*work, ec));
    if (rel.empty() || rel == ".")
        return std::string();
    if (*rel.begin() == ".." || *rel.begin() == ".git")
        return fail(make_error(archive, fmt::format("is not a folder of the work tree {}", *work)));
    return rel.generic_string() + "/";
}

Expected<GitRun> prepare(const Options& options, Mode mode, const std::string& archive) {
    auto repo = repo::Repository::discover(archive);
    if (!repo)
        return fail(repo.error());
    auto branch = branch_for(options, *repo);
    if (!branch)
        return fail(branch.error());
    auto prefix = prefix_of(*repo, archive);
    if (!prefix)
        return fail(prefix.error());
    auto setup = load_setup(options, archive);
    if (!setup)
        return fail(setup.error());
    auto author = identity(*repo, options.author, "AUTHOR");
    if (!author)
        return fail(author.error());
    auto committer = identity(*repo, std::nullopt, "COMMITTER");
    if (!committer)
        return fail(committer.error());
    bool checked_out = is_head(*repo, *branch);
    Archive where;
    where.prefix = *prefix;
    where.filter.include = setup->include;
    where.filter.exclude = setup->exclude;
    where.data = data_inside(setup->data_paths, archive);
    GitRun run{options,
               mode,
               std::move(*setup),
               std::move(*repo),
               *branch,
               checked_out,
               std::move(where),
               {author->name, author->email, options.now, 0},
               {committer->name, committer->email, options.now, 0},
               options.signoff ? std::optional<std::string>(committer->text()) : std::nullopt,
               {},
               std::nullopt,
               std::nullopt,
               {},
               std::nullopt,
               nullptr};
    if (options.sign) {
        auto signing = signing_setup(
            [&](const std::string& key) { return run.repo.config_string(key); }, committer->email);
        if (!signing)
            return fail(signing.error());
        run.signing = *signing;
    }
    if (options.since) {
        auto since = run.repo.resolve_commit(*options.since);
        if (!since)
            return fail(since.error());
        run.since = *since;
    }
    return run;
}

// Opens the cache unless --no-cache; a damaged one is noted and ignored.
void open_cache(GitRun& run, std::ostream& err) {
    if (run.options.no_cache)
        return;
    std::string note;
    run.cache =
        SweepCache::load(run.repo.git_dir(), sweep_digest(run.setup, command_name(run.mode)), note);
    if (!note.empty())
        fmt::print(err, "archtag: note: {}\n", note);
}

// With --verbose: how much the cache saved.
void print_reads(const GitRun& run, std::ostream& err) {
    if (!run.options.verbose)
        return;
    std::size_t total = run.attempt.results.size();
    std::size_t read = static_cast<std::size_t>(
        std::count(run.attempt.read.begin(), run.attempt.read.end(), true));
    fmt::print(err, "archtag: read {} of {} {} ({} unchanged since the last sweep)\n",
               with_thousands(read), with_thousands(total), total == 1 ? "article" : "articles",
               with_thousands(total - read));
}

int report(const GitRun& run, const std::string& archive, const std::optional<repo::ObjectId>& id,
           std::ostream& out, std::ostream& err) {
    ReportSink sink(out, run.options.output_file);
    report::RunInfo info{command_name(run.mode), archive, run.setup.as_of.label(), id.has_value(),
                         k_version};
    print_report(sink.stream(), run.options, run.setup, info, run.attempt.results);
    if (run.options.format == OutputFormat::text && run.options.commit == Commit::yes)
        report::print_commit_text(sink.stream(), run.branch, id ? id->hex : "");
    Status s = sink.finish();
    if (!s)
        return usage_error(err, s.error());
    bool errors = std::any_of(run.attempt.results.begin(), run.attempt.results.end(),
                              [](const ArticleResult& r) { return r.error.has_value(); });
    return errors ? k_exit_findings : k_exit_ok;
}

// A dry run on a git branch (--since without --commit): planned and
// reported, nothing committed.
int dry_run(GitRun& run, const std::string& archive, std::ostream& out, std::ostream& err) {
    auto tip = run.repo.tip(run.branch);
    if (!tip)
        return usage_error(err, tip.error());
    if (Status s = plan_tip(run, *tip); !s)
        return usage_error(err, s.error());
    update_cache(run, learned_from(run), err);
    print_reads(run, err);
    return report(run, archive, std::nullopt, out, err);
}

}  // namespace

int run_git_sweep(const Options& options, Mode mode, std::ostream& out, std::ostream& err) {
    if (options.paths.size() > 1)
        return usage_error(
            err, make_error("", fmt::format("{} takes one ARCHIVE folder", command_name(mode))));
    std::string archive = options.paths.empty() ? "." : options.paths.front();
    auto run = prepare(options, mode, archive);
    if (!run)
        return usage_error(err, run.error());
    if (options.progress == ShowProgress::yes)
        run->progress = &err;
    open_cache(*run, err);
    std::vector<std::optional<CachedOutcome>> learned;
    if (options.commit == Commit::no)
        return dry_run(*run, archive, out, err);
    auto landed = repo::land(
        run->repo, run->branch,
        [&](const repo::ObjectId& tip) { return make_commit(*run, tip, learned); }, run->committer);
    if (!landed)
        return usage_error(err, landed.error());
    update_cache(*run, learned, err);
    print_reads(*run, err);
    for (ArticleResult& r : run->attempt.results)
        r.written = landed->commit && will_change(r);
    int code = report(*run, archive, landed->commit, out, err);
    if (landed->commit && run->checked_out) {
        Status s =
            run->repo.checkout_paths(landed->base, *landed->commit, run->attempt.changed_paths);
        if (!s) {
            fmt::print(err, "archtag: {}\n", s.error().describe());
            return k_exit_findings;
        }
    }
    return code;
}

}  // namespace archtag::app
