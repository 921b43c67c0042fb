#include "app/pipeline.h"

#include <fmt/format.h>
#include <atomic>
#include <cstdint>
#include <thread>

#include <boost/filesystem.hpp>

#include "app/history_date.h"
#include "app/items_ahead.h"
#include "app/ordered_work.h"
#include "article/article.h"
#include "policy/policy.h"
#include "report/diff.h"
#include "stamp/stamp.h"
#include "util/file.h"

namespace archtag::app {

namespace {

const Policy* choose_policy(const Setup& setup, const std::string& rel_path, const FieldMap& fields,
                            std::vector<Flag>& flags) {
    bool ambiguous = false;
    const Policy* p = policy::claim(setup.policies, rel_path, fields, &ambiguous);
    if (!p) {
        flags.push_back(
            {FlagLevel::warning, "unclaimed",
             "no policy claims this article (set its publication field or add a path glob "
             "to a policy's <recognize>); not stamped"});
    } else if (ambiguous) {
        // Stamping with whichever policy sorts first could write the wrong
        // publication's notice: an editor must make the article unambiguous.
        flags.push_back({FlagLevel::warning, "ambiguous-policy",
                         fmt::format("several policies claim this article (the first is '{}'); not "
                                     "stamped until exactly one does",
                                     p->id)});
        return nullptr;
    }
    return p;
}

void decide(const Setup& setup, const Policy& p, const ArticleMeta& meta, Instant as_of_override,
            ArticleResult& r) {
    Resolution where = policy::resolve(p, meta);
    Instant as_of = as_of_override != Instant::min()
                        ? as_of_override
                        : setup.as_of.in_zone(where.zone ? *where.zone : TimeZone::utc());
    r.decision = rules::decide(setup.rules, meta, where, as_of, setup.rule_trace);
}

Expected<Plan> plan_for(std::string_view bytes, const article::Document& doc,
                        const ArticleResult& r, Mode mode, const Placement& placement) {
    if (mode == Mode::unstamp)
        return stamp::plan_unstamp(bytes, doc.layout, placement);
    if (r.policy.empty())
        return Plan{};  // unclaimed: flagged, never stamped
    return stamp::plan(bytes, doc.layout, r.decision.notices, placement);
}

// `bytes` with every archtag stamp taken out again.
Expected<std::string> unstamped(std::string_view bytes, const DocumentLayout& layout,
                                const Placement& placement) {
    auto plan = stamp::plan_unstamp(bytes, layout, placement);
    if (!plan)
        return fail(plan.error());
    return apply_edits(bytes, plan->edits);
}

// What an article is and what it needs, short of the stamp plan: its facts,
// its policy and the rules' decision.
struct Reading {
    ArticleResult result;  // no plan yet
    const Policy* policy = nullptr;
    Placement placement;
};

Reading read_and_decide(const Setup& setup, const std::string& rel_path,
                        const article::Document& doc, Instant as_of_override, const Policy* forced,
                        const DateCandidate* history_date) {
    Reading out;
    ArticleResult& r = out.result;
    r.path = rel_path;
    r.format = format_from_path(rel_path);
    std::vector<Flag> policy_flags;
    const Policy* p = forced ? forced
                      : setup.policies.size() == 1
                          ? &setup.policies.front()
                          : choose_policy(setup, rel_path, doc.fields, policy_flags);
    r.meta = article::extract(doc, rel_path, p ? p->fields : FieldMapping::defaults());
    if (p && p->date_from_git_history && history_date)
        date_from_history(*r.meta, *history_date);
    if (p) {
        r.policy = p->id;
        r.publication = p->name;
        decide(setup, *p, *r.meta, as_of_override, r);
    } else {
        r.decision.flags = r.meta->flags;
    }
    r.decision.flags.insert(r.decision.flags.end(), policy_flags.begin(), policy_flags.end());
    out.policy = p;
    out.placement = p ? p->placement : Placement{};
    return out;
}

// The promises, checked on every plan that changes bytes before anything is
// written: a second plan on the result is empty, and unstamping the result
// gives what unstamping the input gives. Files with stray or damaged archtag
// markers could otherwise be stamped in a way that cannot be undone exactly.
// The input is not parsed again: its layout comes from the first read.
// The stamped bytes are read whole, so their own result comes almost free:
// `stamped` gets it when it asks for nothing and decides the same notices.
Status verify_plan(const Setup& setup, const std::string& rel_path, std::string_view bytes,
                   const DocumentLayout& layout, const ArticleResult& r, const Reading& reading,
                   Instant as_of_override, const Policy* forced, const DateCandidate* history_date,
                   std::optional<ArticleResult>* stamped) {
    std::string after = apply_edits(bytes, r.plan.edits);
    auto doc = article::parse(rel_path, after);
    bool holds = false;
    std::optional<Plan> again_plan;
    if (doc) {
        auto again = stamp::plan(after, doc->layout, r.decision.notices, reading.placement);
        auto before_original = unstamped(bytes, layout, reading.placement);
        auto after_original = unstamped(after, doc->layout, reading.placement);
        holds = again && !again->touches_bytes() && before_original && after_original &&
                *before_original == *after_original;
        if (holds)
            again_plan = std::move(*again);
    }
    if (!holds)
        return fail(make_error(rel_path,
                               "archtag cannot stamp this file so that a second run and "
                               "unstamp give back its bytes (stray or damaged archtag "
                               "markers?); the file is left as it is"));
    if (stamped) {
        // Claimed afresh: the stamped bytes must name the same policy.
        Reading next = read_and_decide(setup, rel_path, *doc, as_of_override, forced, history_date);
        if (next.policy == reading.policy && next.result.decision.notices == r.decision.notices) {
            next.result.plan = std::move(*again_plan);
            *stamped = std::move(next.result);
        }
    }
    return ok();
}

}  // namespace

ArticleResult process_bytes(const Setup& setup, const std::string& rel_path, std::string_view bytes,
                            Mode mode, Instant as_of_override, const Policy* forced,
                            const DateCandidate* history_date,
                            std::optional<ArticleResult>* stamped) {
    auto doc = article::parse(rel_path, bytes);
    if (!doc) {
        ArticleResult r;
        r.path = rel_path;
        r.format = format_from_path(rel_path);
        r.error = doc.error();
        return r;
    }
    Reading reading = read_and_decide(setup, rel_path, *doc, as_of_override, forced, history_date);
    ArticleResult& r = reading.result;
    auto plan = plan_for(bytes, *doc, r, mode, reading.placement);
    if (!plan) {
        r.error = plan.error();
        if (r.error->path.empty())
            r.error->path = rel_path;
        return r;
    }
    r.plan = std::move(*plan);
    if (mode == Mode::stamp && r.plan.touches_bytes()) {
        if (Status s = verify_plan(setup, rel_path, bytes, doc->layout, r, reading, as_of_override,
                                   forced, history_date, stamped);
            !s) {
            r.error = s.error();
            r.plan = Plan{};
        }
    }
    return std::move(r);
}

ArticleResult process_file(const Setup& setup, const std::string& rel_path, Mode mode, Write write,
                           Diff diff) {
    std::string abs = (boost::filesystem::path(setup.root) / rel_path).string();
    auto bytes = read_file(abs, k_max_article_bytes);
    if (!bytes) {
        ArticleResult r;
        r.path = rel_path;
        r.format = format_from_path(rel_path);
        r.error = bytes.error();
        r.error->path = rel_path;
        return r;
    }
    ArticleResult r = process_bytes(setup, rel_path, *bytes, mode);
    if (diff == Diff::yes && !r.error && r.plan.touches_bytes())
        r.diff = report::unified_diff(rel_path, *bytes, r.plan.edits);
    if (write == Write::yes && !r.error && r.plan.touches_bytes()) {
        Status s = write_file_atomic(abs, apply_edits(*bytes, r.plan.edits));
        if (!s) {
            r.error = s.error();
            r.error->path = rel_path;
        } else {
            r.written = true;
        }
    }
    return r;
}

unsigned worker_count(unsigned jobs, std::size_t items) {
    if (jobs == 0)
        jobs = std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, items)));
}

namespace {

// A few folders' worth of paths, about 100 bytes each.
constexpr std::size_t k_paths_ahead = 4096;

// `most` bounds the number of paths (no more workers than articles).
void process_in_order(const Setup& setup, const PathSource& next_path, std::size_t most, Mode mode,
                      Write write, unsigned jobs, Diff diff, std::atomic<std::size_t>* done,
                      const std::function<void(ArticleResult&)>& deliver) {
    struct NoContext {};
    OrderedWork<std::string, ArticleResult, NoContext> w;
    w.jobs = worker_count(jobs, most);
    w.window = k_window_per_job * w.jobs;
    w.next = next_path;
    w.make_context = [] { return NoContext{}; };
    w.work = [&](NoContext&, const std::string& rel_path) {
        ArticleResult r = process_file(setup, rel_path, mode, write, diff);
        if (done)
            ++*done;
        return r;
    };
    w.deliver = [&](std::string&, ArticleResult& r) {
        deliver(r);
        return Flow::go_on;
    };
    w.run();
}

}  // namespace

void for_each_processed(const Setup& setup, const std::vector<std::string>& rel_paths, Mode mode,
                        Write write, unsigned jobs, Diff diff, std::atomic<std::size_t>* done,
                        const std::function<void(ArticleResult&)>& deliver) {
    std::size_t next = 0;
    auto next_path = [&]() -> std::optional<std::string> {
        if (next == rel_paths.size())
            return std::nullopt;
        return rel_paths[next++];
    };
    process_in_order(setup, next_path, rel_paths.size(), mode, write, jobs, diff, done, deliver);
}

void for_each_processed(const Setup& setup, const PathSource& next_path, Mode mode, Write write,
                        unsigned jobs, Diff diff, std::atomic<std::size_t>* done,
                        const std::function<void(ArticleResult&)>& deliver) {
    // OrderedWork asks for the next item under its lock, and a folder walk
    // reads a whole folder now and then: with the walk behind that lock every
    // worker waited for it (a million-article dry run was 2-5% slower than
    // listing every path first).
    ItemsAhead<std::string> ahead(next_path, k_paths_ahead);
    process_in_order(
        setup, [&ahead] { return ahead.next(); }, SIZE_MAX, mode, write, jobs, diff, done, deliver);
}

std::vector<ArticleResult> process_files(const Setup& setup,
                                         const std::vector<std::string>& rel_paths, Mode mode,
                                         Write write, unsigned jobs, Diff diff,
                                         std::atomic<std::size_t>* done) {
    std::vector<ArticleResult> results;
    results.reserve(rel_paths.size());
    for_each_processed(setup, rel_paths, mode, write, jobs, diff, done,
                       [&](ArticleResult& r) { results.push_back(std::move(r)); });
    return results;
}

}  // namespace archtag::app
