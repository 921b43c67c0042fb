#include "app/git_sweep.h"
#include "app/print_report.h"
#include "app/progress_ticker.h"
#include "report/diff.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <atomic>
#include <boost/filesystem.hpp>
#include <cstdlib>
#include <deque>
#include <functional>
#include <map>
#include <thread>

#include "app/app.h"
#include "app/commit_message.h"
#include "app/decision_horizon.h"
#include "app/git_cache.h"
#include "app/git_identity.h"
#include "app/git_sign.h"
#include "app/history_date.h"
#include "app/ordered_work.h"
#include "app/output.h"
#include "app/result_codec.h"
#include "app/result_spool.h"
#include "app/walk.h"
#include "policy/policy.h"
#include "repo/blob_writer.h"
#include "repo/land.h"
#include "repo/repo.h"
#include "repo/tree_cursor.h"
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

ArticleResult skipped(const std::string& rel, FlagLevel level, std::string code,
                      std::string message) {
    ArticleResult r;
    r.path = rel;
    r.format = format_from_path(rel);
    r.decision.flags.push_back({level, std::move(code), std::move(message)});
    return r;
}

bool is_lfs_pointer(std::string_view bytes) {
    return bytes.starts_with(k_lfs_pointer);
}

// A Git LFS pointer stands for an article kept outside git: reported, not
// read as one. (Binary content is reported by the article reader, as in a
// folder sweep.)
std::optional<ArticleResult> lfs_pointer(const Listed& l, std::string_view bytes) {
    if (!is_lfs_pointer(bytes))
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

// Bytes a sweep would read as an article rather than report: not too large,
// no LFS pointer. (Binary bytes never get here: the plan check reads the
// stamped bytes and refuses them; the .gitattributes go by path.)
bool passes_gates(std::string_view bytes) {
    return bytes.size() <= k_max_article_bytes && !is_lfs_pointer(bytes);
}

// A binary file is no article: reported, not read as one.
// `attributes`: some attribute file may speak of the article. Asking libgit2
// costs ~9 µs an article (it checks each attribute file for changes on
// every question), and most archives have no attribute files at all.
std::optional<ArticleResult> binary(const repo::Repository& repo, const Listed& l,
                                    const repo::ObjectId& tip, std::string_view bytes,
                                    bool attributes) {
    if (looks_binary(bytes))
        return skipped(l.rel, FlagLevel::warning, "binary",
                       "binary content (a NUL byte in its first 8,000 bytes); not stamped");
    if (!attributes)
        return std::nullopt;
    auto marked = repo.marked_binary(l.file.path, tip);
    if (marked && *marked)
        return skipped(l.rel, FlagLevel::warning, "binary",
                       "binary by the repository's .gitattributes; not stamped");
    return std::nullopt;
}

// What a worker learned of one item.
struct Planned {
    ArticleResult result;
    std::string stamped;                 // the new bytes, when a committing sweep changes them
    std::optional<ArticleResult> after;  // what reading `stamped` gives, when known
    bool read = false;                   // planned from the blob, not taken from the cache
};

bool will_change(const ArticleResult& r) {
    return !r.error && r.pending();
}

// One tree entry for the workers: read and planned, or taken from the cache.
struct Item {
    Listed listed;
    std::optional<CachedOutcome> cached;  // a hit: reported from the cache, not read
    bool reported = true;  // false: outside --since; only its cache entry is carried on
};

struct GitRun;

// Everything one attempt learned, kept small: counts, the tree changes, and
// (for --commit) the report rows on disk until the commit lands.
struct PendingChange {
    repo::FileUpdate update;
    CommitTally::Entry counted;
};

struct Attempt {
    // A deque: no doubled capacity, and no copy of 300,000 entries to grow.
    std::deque<PendingChange> changes;
    CommitTally tally;
    RunSummary summary;
    std::size_t listed = 0, read = 0;
    std::optional<ResultSpool> spool;        // --commit
    std::optional<CacheWriter> cache;        // absent with --no-cache or after a write failure
    std::string cache_note;                  // why the cache was not updated
    std::vector<std::string> dirty;          // left out with --skip-dirty, sorted
    std::vector<std::string> changed_paths;  // repository paths, for the work tree
    std::optional<Error> failure;
    // What the cache will say of this sweep: set while every article listed
    // so far has an entry (the memo is only written for a complete sweep).
    std::optional<SweepMemo> memo;
    // Nothing walked or read: the entries of this cache file are the report.
    std::optional<std::pair<SweepMemo, CacheReader>> from_memo;
    std::optional<std::string> committed_tree;  // the tree of the commit made, if one was
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
    std::string digest;  // of what cached outcomes depend on
    std::map<std::string, Instant> as_of_by_policy;
    // info/attributes or a user's attributes file exists: any article may
    // be marked binary, whatever .gitattributes files the tree has.
    bool attributes_outside_tree = true;
    std::optional<repo::ObjectId> since;  // --since: only articles changed since this commit
    FirstCommits history;                 // read per attempt when a policy dates by history
    std::optional<SigningSetup> signing;  // --sign
    std::ostream* progress = nullptr;     // stderr when a progress line is wanted
    Attempt attempt;
    // The work tree ('/'-terminated) whose files a worker may read instead
    // of a blob, when it holds the same bytes (reusable_work_tree()).
    std::optional<std::string> work_files;
};

bool dates_from_history(const Setup& setup) {
    return std::any_of(setup.policies.begin(), setup.policies.end(),
                       [](const Policy& p) { return p.date_from_git_history; });
}

std::string command_name(Mode mode) {
    return mode == Mode::stamp ? "sweep" : "unstamp";
}

Planned examine(const repo::Repository& repo, const GitRun& run, const Listed& l,
                const repo::ObjectId& tip) {
    Planned p;
    p.read = true;
    if (l.file.kind == repo::EntryKind::symlink) {
        p.result = skipped(l.rel, FlagLevel::info, "symlink",
                           "a symbolic link in git; not followed, not stamped");
        return p;
    }
    if (l.file.kind == repo::EntryKind::submodule) {
        p.result = skipped(l.rel, FlagLevel::info, "submodule",
                           "a git submodule; its articles are not part of this sweep");
        return p;
    }
    bool reusable = run.work_files && !l.file.attributes_above;
    auto bytes = reusable ? repo.read_blob_reusing(l.file.id, *run.work_files + l.file.path,
                                                   k_max_article_bytes)
                          : repo.read_blob(l.file.id, k_max_article_bytes);
    if (!bytes) {
        p.result.path = l.rel;
        p.result.format = format_from_path(l.rel);
        p.result.error = make_error(l.rel, bytes.error().message);
        return p;
    }
    if (auto pointer = lfs_pointer(l, *bytes)) {
        p.result = std::move(*pointer);
        return p;
    }
    if (auto skip =
            binary(repo, l, tip, *bytes, l.file.attributes_above || run.attributes_outside_tree)) {
        p.result = std::move(*skip);
        return p;
    }
    std::optional<DateCandidate> dated = history_date_of(run.history, l.file.path);
    bool committing = run.options.commit == Commit::yes;
    p.result = process_bytes(run.setup, l.rel, *bytes, run.mode, Instant::min(), nullptr,
                             dated ? &*dated : nullptr,
                             committing && !run.options.no_cache ? &p.after : nullptr);
    if (!will_change(p.result))
        return p;
    if (run.options.format == OutputFormat::html)
        p.result.diff = report::unified_diff(l.rel, *bytes, p.result.plan.edits);
    if (committing)
        p.stamped = apply_edits(*bytes, p.result.plan.edits);
    // The next sweep reads the new blob through the same gates first.
    if (p.after && !passes_gates(p.stamped))
        p.after.reset();
    return p;
}

const Policy* policy_named(const Setup& setup, const std::string& id) {
    for (const Policy& p : setup.policies)
        if (p.id == id)
            return &p;
    return nullptr;
}

// The instant decisions are made for in `p`'s time zone (UTC without one).
Instant as_of_in_zone_of(const Setup& setup, const Policy* p) {
    if (!p)
        return setup.as_of.in_zone(TimeZone::utc());
    auto zone = TimeZone::locate(p->time_zone);
    return setup.as_of.in_zone(zone ? *zone : TimeZone::utc());
}

// The as-of instant of each policy (by id; "" for none), worked out once
// rather than with a time zone lookup per article.
std::map<std::string, Instant> as_of_by_policy(const Setup& setup) {
    std::map<std::string, Instant> out{{"", as_of_in_zone_of(setup, nullptr)}};
    for (const Policy& p : setup.policies)
        out.emplace(p.id, as_of_in_zone_of(setup, &p));
    return out;
}

// The remembered outcome still stands for this tree entry.
bool still_holds(const GitRun& run, const Listed& l, const CachedOutcome& e) {
    if (l.file.kind == repo::EntryKind::symlink || l.file.kind == repo::EntryKind::submodule)
        return false;
    const Policy* p = policy_named(run.setup, e.result.policy);
    if (!e.result.policy.empty() && !p)
        return false;
    if (!holds(e, l.file.id.hex, run.as_of_by_policy.at(p ? p->id : "")))
        return false;
    // A date taken from history holds only while history says the same.
    if (e.result.meta && e.result.meta->published_source == k_history_source) {
        auto now = history_date_of(run.history, l.file.path);
        return now && e.result.meta->published &&
               now->timestamp.iso() == e.result.meta->published->iso();
    }
    return true;
}

Planned from_cache(const Item& item) {
    Planned p;
    p.result = item.cached->result;
    p.result.path = item.listed.rel;
    if (p.result.meta)
        p.result.meta->path = item.listed.rel;
    return p;
}

// What to remember of a result just planned: only articles that need no
// change, with the instant their decision may change.
std::optional<CachedOutcome> worth_remembering(const GitRun& run, const std::string& blob,
                                               const ArticleResult& r) {
    if (r.error || !r.meta || r.pending())
        return std::nullopt;
    const Policy* p = policy_named(run.setup, r.policy);
    CachedOutcome c;
    c.blob = blob;
    c.valid_from = run.as_of_by_policy.at(p ? p->id : "");
    c.valid_until = Instant::max();
    if (p && run.mode == Mode::stamp)
        c.valid_until =
            decision_valid_until(*p, run.setup.rules, policy::resolve(*p, *r.meta), c.valid_from)
                .value_or(Instant::max());
    c.result = r;
    c.result.path.clear();  // the report path depends on the archive folder
    return c;
}

// Which of the tip's files differ from the tree of the --since commit: both
// trees are walked side by side in path order, so only the two cursors are
// held (a diff of a million-file tree held 300 MB).
class ChangedSince {
  public:
    explicit ChangedSince(repo::TreeCursor old) : m_old(std::move(old)) { advance(); }

    // Asked in increasing path order; a file the old tree lacks, or holds
    // with other bytes or another mode, has changed (a renamed file too).
    bool changed(const repo::TreeFile& f) {
        while (m_current && m_current->path < f.path)
            advance();
        return !(m_current && m_current->path == f.path && m_current->id.hex == f.id.hex &&
                 m_current->mode == f.mode);
    }
    const std::optional<Error>& error() const { return m_error; }

  private:
    void advance() {
        auto next = m_old.next();
        if (!next) {
            m_error = next.error();
            m_current.reset();
            return;
        }
        m_current = std::move(*next);
    }

    repo::TreeCursor m_old;
    std::optional<repo::TreeFile> m_current;
    std::optional<Error> m_error;
};

Expected<std::optional<ChangedSince>> changed_since(const GitRun& run) {
    if (!run.since)
        return std::optional<ChangedSince>();
    auto cursor = repo::TreeCursor::open(run.repo, *run.since);
    if (!cursor)
        return fail(cursor.error());
    return std::optional<ChangedSince>(ChangedSince(std::move(*cursor)));
}

// Hands out the tip's articles in path order, one at a time, with what the
// cache still knows of them (the cache file is read along, in the same order).
class Listing {
  public:
    Listing(const GitRun& run, repo::TreeCursor cursor, CacheReader* cache, ChangedSince* since)
        : m_run(run), m_cursor(std::move(cursor)), m_cache(cache), m_since(since) {}

    std::optional<Item> next() {
        for (;;) {
            auto file = m_cursor.next();
            if (!file) {
                m_error = file.error();
                return std::nullopt;
            }
            if (!*file)
                return std::nullopt;
            auto item = item_for(std::move(**file));
            if (m_since && m_since->error()) {
                m_error = m_since->error();
                return std::nullopt;
            }
            if (item)
                return item;
        }
    }
    const std::optional<Error>& error() const { return m_error; }

  private:
    std::optional<Item> item_for(repo::TreeFile f) {
        const Archive& a = m_run.archive;
        if (f.path.compare(0, a.prefix.size(), a.prefix) != 0)
            return std::nullopt;
        std::string rel = f.path.substr(a.prefix.size());
        if (!is_listed(f, rel, a.filter) || is_data(rel, a.data))
            return std::nullopt;
        Item item{{std::move(f), std::move(rel)}, std::nullopt, true};
        const CachedOutcome* entry = m_cache ? m_cache->seek(item.listed.file.path) : nullptr;
        if (m_since && !m_since->changed(item.listed.file)) {
            if (!entry)
                return std::nullopt;
            item.reported = false;
            item.cached = *entry;
            return item;
        }
        if (entry && still_holds(m_run, item.listed, *entry))
            item.cached = *entry;
        return item;
    }

    const GitRun& m_run;
    repo::TreeCursor m_cursor;
    CacheReader* m_cache;
    ChangedSince* m_since;
    std::optional<Error> m_error;
};

// Keeps what the next sweep may skip; a failure to write is a note, never fatal.
// A stamped article is remembered by its new blob (`stamped`): the commit's
// tree holds that one.
void remember(Attempt& a, const GitRun& run, const Item& item, const Planned& p,
              const repo::ObjectId* stamped) {
    if (!a.cache) {
        a.memo.reset();
        return;
    }
    std::optional<CachedOutcome> learned;
    if (stamped && p.after)
        learned = worth_remembering(run, stamped->hex, *p.after);
    else if (!stamped && !item.cached && p.read)
        learned = worth_remembering(run, item.listed.file.id.hex, p.result);
    const CachedOutcome* keep = learned ? &*learned : item.cached ? &*item.cached : nullptr;
    if (!keep) {
        a.memo.reset();
        return;
    }
    if (a.memo)
        a.memo->add(*keep);
    if (Status s = a.cache->add(item.listed.file.path, *keep); !s) {
        a.cache_note = s.error().describe();
        a.cache.reset();
        a.memo.reset();
    }
}

// One result, in order: into the cache, the commit's tree, the report.
Flow take(GitRun& run, Item& item, Planned& p, repo::BlobWriter* blobs,
          report::ReportWriter* writer) {
    Attempt& a = run.attempt;
    if (!item.reported) {
        remember(a, run, item, p, nullptr);
        return Flow::go_on;
    }
    ++a.listed;
    a.read += p.read ? 1 : 0;
    ArticleResult& r = p.result;
    a.summary.add(r);
    std::optional<repo::ObjectId> stamped;
    if (blobs && will_change(r)) {
        auto blob = blobs->write(p.stamped);
        if (!blob) {
            a.failure = blob.error();
            return Flow::stop;
        }
        auto packed = repo::PackedId::of(*blob);
        if (!packed) {
            a.failure = make_error(item.listed.file.path,
                                   fmt::format("'{}' is not an object id", blob->hex));
            return Flow::stop;
        }
        stamped = *blob;
        const repo::TreeFile& f = item.listed.file;
        a.changes.push_back({{f.path, *packed, f.mode}, a.tally.add(r)});
    }
    remember(a, run, item, p, stamped ? &*stamped : nullptr);
    if (writer) {
        writer->add(r);
    } else if (Status s = a.spool->add(r); !s) {
        a.failure = s.error();
        return Flow::stop;
    }
    return Flow::go_on;
}

// What a sweep of a tree looks at, besides the tree: the archive folder and
// the globs. A memo holds only for the same scope.
std::string scope_of(const Archive& a) {
    std::string out;
    put_field(out, a.prefix);
    for (const auto* list : {&a.filter.include, &a.filter.exclude, &a.data}) {
        put_number(out, static_cast<std::int64_t>(list->size()));
        for (const std::string& item : *list)
            put_field(out, item);
    }
    return out;
}

// A memo is worth keeping only when every decision comes from the tree and
// the date: not with --since (a part of the tree) or history dates.
bool memo_applies(const GitRun& run) {
    return !run.options.no_cache && !run.since && !dates_from_history(run.setup);
}

// The last sweep saw this very tree, with the same policies, rules and
// scope, and every article's decision still holds at this as-of date: the
// cache's entries are the sweep's outcome, article for article. Returns the
// memo and a reader of those entries.
std::optional<std::pair<SweepMemo, CacheReader>> memo_hit(const GitRun& run,
                                                          const repo::ObjectId& tip) {
    if (!memo_applies(run))
        return std::nullopt;
    auto found = CacheReader::open_with_memo(run.repo.git_dir(), run.digest);
    if (!found)
        return std::nullopt;
    const SweepMemo& memo = found->first;
    if (memo.scope != scope_of(run.archive))
        return std::nullopt;
    for (const auto& [id, span] : memo.by_policy) {
        const Policy* p = policy_named(run.setup, id);
        if (!id.empty() && !p)
            return std::nullopt;
        Instant as_of = run.as_of_by_policy.at(p ? p->id : "");
        if (as_of < span.from || as_of >= span.until)
            return std::nullopt;
    }
    auto tree = run.repo.tree_id(tip);
    if (!tree || tree->hex != memo.tree)
        return std::nullopt;
    return found;
}

// The report from the cache alone, for a sweep whose memo holds. The file
// was checked when it was written; if it is damaged all the same, it is
// removed (the next sweep reads every article) and the sweep fails.
Status replay_cache(GitRun& run, const std::function<void(ArticleResult&)>& deliver) {
    Attempt& a = run.attempt;
    auto& [memo, cache] = *a.from_memo;
    std::string path;
    std::size_t replayed = 0;
    while (auto entry = cache.next(path)) {
        ArticleResult& r = entry->result;
        r.path = path.substr(run.archive.prefix.size());
        if (r.meta)
            r.meta->path = r.path;
        ++a.listed;
        ++replayed;
        a.summary.add(r);
        deliver(r);
    }
    if (cache.note().empty() && replayed == memo.entries)
        return ok();
    std::string why = cache.note().empty() ? fmt::format("{} entries where its memo counts {}",
                                                         replayed, memo.entries)
                                           : cache.note();
    boost::system::error_code ignored;
    fs::remove(cache_file_in(run.repo.git_dir()), ignored);
    return fail(make_error(
        cache_file_in(run.repo.git_dir()),
        fmt::format("the sweep cache was damaged and is removed ({}); run the sweep again", why)));
}

// How many articles the tip lists, for the progress line's ETA.
std::size_t count_listed(const GitRun& run, const repo::ObjectId& tip) {
    auto cursor = repo::TreeCursor::open(run.repo, tip);
    auto since = changed_since(run);
    if (!cursor || !since)
        return 0;
    Listing listing(run, std::move(*cursor), nullptr, *since ? &**since : nullptr);
    std::size_t n = 0;
    while (listing.next())
        ++n;
    return n;
}

// Each worker opens the repository (file descriptors, caches): --jobs is
// capped here.
constexpr std::size_t k_most_git_workers = 512;

// Lists the tip's articles (only those changed since --since), takes what
// the cache still knows, reads and plans the rest on the worker threads,
// and hands each result in path order to the report (`writer`, a dry run)
// or to the spool, the blob writer and the commit's tally (`blobs`).
Status plan_tip(GitRun& run, const repo::ObjectId& tip, repo::BlobWriter* blobs,
                report::ReportWriter* writer) {
    run.attempt = Attempt{};
    Attempt& a = run.attempt;
    if (!writer) {
        auto spool = ResultSpool::create();
        if (!spool)
            return fail(spool.error());
        a.spool.emplace(std::move(*spool));
    }
    if (dates_from_history(run.setup)) {
        auto history = run.repo.first_commits(tip);
        if (!history)
            return fail(history.error());
        run.history = std::move(*history);
    }
    auto since_or = changed_since(run);
    if (!since_or)
        return fail(since_or.error());
    ChangedSince* since = *since_or ? &**since_or : nullptr;
    if (memo_applies(run)) {
        auto tree = run.repo.tree_id(tip);
        if (tree)
            a.memo = SweepMemo{tree->hex, scope_of(run.archive), 0, {}};
    }
    std::optional<CacheReader> cache;
    if (!run.options.no_cache) {
        cache.emplace(CacheReader::open(run.repo.git_dir(), run.digest));
        auto writer_or = CacheWriter::create(run.repo.git_dir(), run.digest);
        if (writer_or)
            a.cache.emplace(std::move(*writer_or));
        else
            a.cache_note = writer_or.error().describe();
    }
    auto cursor = repo::TreeCursor::open(run.repo, tip);
    if (!cursor)
        return fail(cursor.error());
    Listing listing(run, std::move(*cursor), cache ? &*cache : nullptr, since);

    std::optional<ProgressTicker> ticker;
    if (run.progress)
        ticker.emplace(*run.progress, count_listed(run, tip));
    OrderedWork<Item, Planned, Expected<repo::Repository>> work;
    work.jobs = worker_count(run.options.jobs, k_most_git_workers);
    work.window = k_window_per_job * work.jobs;
    work.next = [&] { return listing.next(); };
    work.make_context = [&] { return repo::Repository::open(run.repo.git_dir()); };
    work.work = [&](Expected<repo::Repository>& repo, const Item& item) {
        Planned p;
        if (!item.reported)
            return p;
        if (item.cached)
            p = from_cache(item);
        else if (!repo)
            p.result.path = item.listed.rel,
            p.result.error = make_error(item.listed.rel, repo.error().message);
        else
            p = examine(*repo, run, item.listed, tip);
        if (ticker)
            ++*ticker->counter();
        return p;
    };
    work.deliver = [&](Item& item, Planned& p) { return take(run, item, p, blobs, writer); };
    work.run();
    ticker.reset();
    if (cache && !cache->note().empty() && a.cache_note.empty())
        a.cache_note = cache->note();
    if (listing.error()) {
        a.memo.reset();
        return fail(*listing.error());
    }
    if (a.failure)
        return fail(*a.failure);
    return ok();
}

// Leaves out (with --skip-dirty) or refuses articles with uncommitted changes.
Status handle_dirty(GitRun& run, const repo::ObjectId& tip) {
    Attempt& a = run.attempt;
    if (!run.checked_out || a.changes.empty())
        return ok();
    std::vector<std::string_view> paths;
    paths.reserve(a.changes.size());
    for (const PendingChange& c : a.changes)
        paths.emplace_back(c.update.path);
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
    std::sort(dirty->begin(), dirty->end());
    std::erase_if(a.changes, [&](const PendingChange& c) {
        if (!std::binary_search(dirty->begin(), dirty->end(), c.update.path))
            return false;
        a.tally.take_back(c.counted);
        return true;
    });
    a.dirty = std::move(*dirty);
    return ok();
}

Expected<std::optional<repo::NewCommit>> make_commit(GitRun& run, const repo::ObjectId& tip) {
    if (auto hit = memo_hit(run, tip)) {
        run.attempt = Attempt{};
        run.attempt.from_memo.emplace(std::move(*hit));
        return std::optional<repo::NewCommit>();
    }
    // Its own handle: the writer adds an in-memory pack store to the handle's
    // object database, and the tree walk goes on meanwhile on run.repo.
    auto blob_repo = repo::Repository::open(run.repo.git_dir());
    if (!blob_repo)
        return fail(blob_repo.error());
    repo::BlobWriter blobs(*blob_repo);
    if (Status s = plan_tip(run, tip, &blobs, nullptr); !s)
        return fail(s.error());
    if (Status s = blobs.finish(); !s)
        return fail(s.error());
    if (Status s = handle_dirty(run, tip); !s)
        return fail(s.error());
    Attempt& a = run.attempt;
    if (a.changes.empty())
        return std::optional<repo::NewCommit>();
    // Moved, not copied, and the pending list freed: at a million articles
    // these are hundreds of thousands of entries.
    std::vector<repo::FileUpdate> updates;
    updates.reserve(a.changes.size());
    for (PendingChange& c : a.changes)
        updates.push_back(std::move(c.update));
    std::deque<PendingChange>().swap(a.changes);
    auto tree = run.repo.update_tree(tip, updates);
    if (!tree)
        return fail(tree.error());
    a.committed_tree = tree->hex;
    if (run.checked_out) {
        a.changed_paths.reserve(updates.size());
        for (repo::FileUpdate& u : updates)
            a.changed_paths.push_back(std::move(u.path));
    }
    std::vector<repo::FileUpdate>().swap(updates);
    CommitMessageInput message{run.mode, &a.tally, &run.setup.policies, run.setup.as_of.label(),
                               run.signoff};
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

// The attribute files outside the tree that libgit2 may read for
// marked_binary(), as bytes for the cache's digest: a change to any of them
// invalidates what was remembered. Taken broadly (git's user file and the
// XDG one both), since reading one more file only costs a re-read.
std::vector<std::string> attribute_files(const repo::Repository& repo) {
    std::vector<std::string> files{repo.git_dir() + "/info/attributes"};
    std::string home = env("HOME").value_or("");
    if (auto configured = repo.config_string("core.attributesFile")) {
        std::string path = *configured;
        if (path.starts_with("~/"))
            path = home + path.substr(1);
        files.push_back(path);
    }
    auto xdg = env("XDG_CONFIG_HOME");
    files.push_back((xdg && !xdg->empty() ? *xdg : home + "/.config") + "/git/attributes");
    return files;
}

std::string attribute_sources(const std::vector<std::string>& files) {
    std::string out;
    for (const std::string& path : files) {
        put_field(out, path);
        auto bytes = read_file(path, 1u << 20);
        put_field(out, bytes ? *bytes : std::string());
    }
    return out;
}

bool any_exists(const std::vector<std::string>& files) {
    return std::any_of(files.begin(), files.end(), [](const std::string& path) {
        boost::system::error_code ignored;
        return fs::exists(path, ignored);
    });
}

// Where workers may find an article's bytes in the work tree: that of the
// checked-out branch, unless filters may make every file differ from its
// blob (core.autocrlf=true, an attributes file outside the tree; a
// .gitattributes in the tree is seen per article). A file is used only when
// its hash proves it holds the blob, so an edited one costs a wasted read,
// never a wrong answer.
std::optional<std::string> reusable_work_tree(const GitRun& run) {
    auto work = run.repo.work_dir();
    if (!run.checked_out || !work || run.attributes_outside_tree)
        return std::nullopt;
    auto crlf = run.repo.config_string("core.autocrlf");
    if (crlf && *crlf == "true")
        return std::nullopt;
    return *work + "/";
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
               {},
               true,
               std::nullopt,
               {},
               std::nullopt,
               nullptr,
               {},
               std::nullopt};
    auto attributes = attribute_files(run.repo);
    run.digest = sweep_digest(run.setup, command_name(mode), attribute_sources(attributes));
    run.attributes_outside_tree = any_exists(attributes);
    run.work_files = reusable_work_tree(run);
    run.as_of_by_policy = as_of_by_policy(run.setup);
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

// Puts the new cache file in place; a failure is a note, never fatal. Its
// memo is of the tree the branch now has: the commit's when one `landed`.
// Articles left out as dirty keep their old blobs, which no entry describes.
void save_cache(GitRun& run, bool landed, std::ostream& err) {
    Attempt& a = run.attempt;
    if (!a.dirty.empty() || (a.committed_tree && !landed))
        a.memo.reset();
    else if (a.memo && a.committed_tree)
        a.memo->tree = *a.committed_tree;
    if (!a.cache_note.empty())
        fmt::print(err, "archtag: note: {}\n", a.cache_note);
    if (!a.cache)
        return;
    if (Status s = a.cache->commit(a.memo ? &*a.memo : nullptr); !s)
        fmt::print(err, "archtag: note: the sweep cache was not saved: {}\n", s.error().describe());
    a.cache.reset();
}

// With --verbose: how much the cache saved.
void print_reads(const GitRun& run, std::ostream& err) {
    if (!run.options.verbose)
        return;
    std::size_t total = run.attempt.listed, read = run.attempt.read;
    fmt::print(err, "archtag: read {} of {} {} ({} unchanged since the last sweep)\n",
               with_thousands(read), with_thousands(total), total == 1 ? "article" : "articles",
               with_thousands(total - read));
}

report::RunInfo run_info(const GitRun& run, const std::string& archive, bool written) {
    return {command_name(run.mode), archive, run.setup.as_of.label(), written, k_version};
}

int exit_code(const GitRun& run) {
    return run.attempt.summary.errors > 0 ? k_exit_findings : k_exit_ok;
}

// A dry run on a git branch (--since without --commit): planned and
// reported as it goes, nothing committed.
int dry_run(GitRun& run, const std::string& archive, std::ostream& out, std::ostream& err) {
    auto tip = run.repo.tip(run.branch);
    if (!tip)
        return usage_error(err, tip.error());
    ReportSink sink(out, run.options.output_file, run.progress ? Defer::yes : Defer::no);
    auto writer =
        report_writer(sink.stream(), run.options, run.setup, run_info(run, archive, false));
    if (Status s = plan_tip(run, *tip, nullptr, writer.get()); !s)
        return usage_error(err, s.error());
    writer->finish();
    save_cache(run, false, err);
    print_reads(run, err);
    if (Status s = sink.finish(); !s)
        return usage_error(err, s.error());
    return exit_code(run);
}

// The report of a committing sweep, from the spooled results of the attempt
// that landed.
int report_commit(GitRun& run, const std::string& archive, const std::optional<repo::ObjectId>& id,
                  std::ostream& out, std::ostream& err) {
    ReportSink sink(out, run.options.output_file);
    auto writer = report_writer(sink.stream(), run.options, run.setup,
                                run_info(run, archive, id.has_value()));
    const std::vector<std::string>& dirty = run.attempt.dirty;
    const std::string& prefix = run.archive.prefix;
    auto add = [&](ArticleResult& r) {
        if (std::binary_search(dirty.begin(), dirty.end(), prefix + r.path)) {
            r.plan = Plan{};
            r.decision.flags.push_back({FlagLevel::warning, "dirty",
                                        "uncommitted changes in the work tree or index; left out "
                                        "of the commit (--skip-dirty)"});
        }
        r.written = id && will_change(r);
        writer->add(r);
    };
    Status replayed =
        run.attempt.from_memo ? replay_cache(run, add) : run.attempt.spool->replay(add);
    if (!replayed)
        return usage_error(err, replayed.error());
    writer->finish();
    if (run.options.format == OutputFormat::text)
        report::print_commit_text(sink.stream(), run.branch, id ? id->hex : "");
    if (Status s = sink.finish(); !s)
        return usage_error(err, s.error());
    return exit_code(run);
}

// A sweep killed after its branch moved and before the index and work tree
// followed left a note (repo::Repository::note_checkout): finish that
// update, so that the files it had not rewritten yet are neither taken for
// uncommitted changes nor left behind the branch, and remove the temporary
// file it may have left. What cannot be finished is said, and the sweep
// goes on.
void finish_interrupted_checkout(GitRun& run, std::ostream& err) {
    auto noted = run.repo.noted_checkout();
    if (!noted) {
        fmt::print(err, "archtag: warning: {}\n", noted.error().describe());
        return;
    }
    if (!*noted)
        return;
    const repo::NotedCheckout& due = **noted;
    auto head = run.repo.head_branch();
    auto tip = run.repo.tip(due.branch);
    if (tip && *tip == due.from) {  // killed before the branch moved: nothing was written
        run.repo.forget_checkout();
        return;
    }
    auto paths = run.repo.changed_files(due.from, due.to);
    if (paths)
        run.repo.remove_work_temps(*paths);
    if (!head || *head != due.branch || !tip || *tip != due.to) {
        // No longer checked out, or moved on since: not ours to update.
        if (head && tip && *head == due.branch)
            fmt::print(err,
                       "archtag: warning: an interrupted sweep did not finish updating the work "
                       "tree to its commit {}, and {} has moved on since; `git status` shows "
                       "what differs\n",
                       due.to.short_hex(), due.branch);
        run.repo.forget_checkout();
        return;
    }
    Status s =
        paths ? run.repo.checkout_paths(due.from, due.to,
                                        std::vector<std::string_view>(paths->begin(), paths->end()),
                                        run.options.jobs)
              : fail(paths.error());
    if (!s) {
        fmt::print(err, "archtag: warning: finishing an interrupted sweep's work-tree update: {}\n",
                   s.error().describe());
        return;
    }
    run.repo.forget_checkout();
    fmt::print(
        err, "archtag: finished the work-tree update of an interrupted sweep (commit {}, {})\n",
        due.to.short_hex(),
        paths->size() == 1 ? std::string("1 file") : with_thousands(paths->size()) + " files");
}

// make_commit(), with a note of the work-tree update its commit will need
// once the branch moves to it; `noted` says whether one was written.
Expected<std::optional<repo::NewCommit>> make_noted_commit(GitRun& run, const repo::ObjectId& tip,
                                                           bool& noted) {
    auto made = make_commit(run, tip);
    if (!made || !*made || !run.checked_out)
        return made;
    if (Status s = run.repo.note_checkout({run.branch, tip, (*made)->id}); !s)
        return fail(s.error());
    noted = true;
    return made;
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
    if (options.commit == Commit::no)
        return dry_run(*run, archive, out, err);
    if (!run->repo.bare())
        finish_interrupted_checkout(*run, err);
    bool noted = false;
    auto landed = repo::land(
        run->repo, run->branch,
        [&](const repo::ObjectId& tip) { return make_noted_commit(*run, tip, noted); },
        run->committer);
    if (noted && (!landed || !landed->commit))
        run->repo.forget_checkout();
    if (!landed)
        return usage_error(err, landed.error());
    save_cache(*run, landed->commit.has_value(), err);
    int code = report_commit(*run, archive, landed->commit, out, err);
    print_reads(*run, err);
    if (landed->commit && run->checked_out) {
        std::vector<std::string_view> paths(run->attempt.changed_paths.begin(),
                                            run->attempt.changed_paths.end());
        Status s =
            run->repo.checkout_paths(landed->base, *landed->commit, paths, run->options.jobs);
        run->repo.forget_checkout();  // done, or said what was left and why
        if (!s) {
            fmt::print(err, "archtag: {}\n", s.error().describe());
            return k_exit_findings;
        }
    }
    return code;
}

}  // namespace archtag::app
