// sweep, check, fix, unstamp and explain: walk, decide, print, maybe write.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <boost/filesystem.hpp>

#include "app/app.h"
#include "app/output.h"
#include "app/pipeline.h"
#include "app/print_report.h"
#include "app/progress_ticker.h"
#include "app/walk.h"
#include "report/progress.h"
#include "report/report.h"
#include "util/file.h"

namespace archtag::app {

namespace {

namespace fs = boost::filesystem;

constexpr const char* k_version = ARCHTAG_VERSION;

struct Run {
    Setup setup;
    std::vector<std::string> articles;  // listed, or
    std::optional<ArticleWalk> walk;    // walked while the articles are read
};

// Whether the articles are handed out while the folder is walked (the
// listing of a million files took 7-10 s before the first was read), or
// listed first: several starts are merged, and the progress line needs
// the count.
enum class Listing { whole, walked };

constexpr unsigned k_max_jobs = 1024;

// Options that only make sense once they are checked against the machine.
Status check_run_options(const Options& options) {
    if (options.jobs > k_max_jobs)
        return fail(make_error("", fmt::format("--jobs must be between 1 and {} (0 or absent: one "
                                               "per core)",
                                               k_max_jobs)));
    if (options.output_file)
        return check_report_destination(*options.output_file);
    return ok();
}

// Loads everything and lists the articles (or starts the walk that finds
// them); nothing is read or touched yet.
Expected<Run> prepare(const Options& options, const std::string& root,
                      const std::vector<std::string>& starts, Listing listing = Listing::whole) {
    if (Status s = check_run_options(options); !s)
        return fail(s.error());
    auto setup = load_setup(options, root);
    if (!setup)
        return fail(setup.error());
    WalkFilter filter{setup->include, setup->exclude, setup->data_paths};
    if (listing == Listing::walked && starts.size() == 1) {
        auto walk = ArticleWalk::open(root, starts.front(), filter);
        if (!walk)
            return fail(walk.error());
        if (*walk)
            return Run{std::move(*setup), {}, std::move(*walk)};
    }
    auto articles = list_articles(root, starts, filter);
    if (!articles)
        return fail(articles.error());
    return Run{std::move(*setup), std::move(*articles), std::nullopt};
}

Defer defer_for(const Options& options) {
    return options.progress == ShowProgress::yes ? Defer::yes : Defer::no;
}

// Processes the run's articles, each result going to the report as soon as
// it and those before it are done; returns the totals.
RunSummary process_into(Run& run, Mode mode, Write write, const Options& options,
                        report::ReportWriter& writer, std::ostream& err) {
    Diff diff = options.format == OutputFormat::html ? Diff::yes : Diff::no;
    RunSummary summary;
    auto deliver = [&](ArticleResult& r) {
        summary.add(r);
        writer.add(r);
    };
    std::optional<ProgressTicker> ticker;
    if (options.progress == ShowProgress::yes)
        ticker.emplace(err, run.articles.size());
    if (run.walk) {
        PathSource next = [&run] { return run.walk->next(); };
        for_each_processed(run.setup, next, mode, write, options.jobs, diff, nullptr, deliver);
    } else {
        for_each_processed(run.setup, run.articles, mode, write, options.jobs, diff,
                           ticker ? ticker->counter() : nullptr, deliver);
    }
    return summary;
}

// The shared shape of every batch command.
int run_batch(const std::string& command, const Options& options, const std::string& root,
              const std::vector<std::string>& starts, Mode mode, Write write, std::ostream& out,
              std::ostream& err) {
    Listing listing = options.progress == ShowProgress::yes ? Listing::whole : Listing::walked;
    auto run = prepare(options, root, starts, listing);
    if (!run)
        return usage_error(err, run.error());
    report::RunInfo info{command, root, run->setup.as_of.label(), write == Write::yes, k_version};
    ReportSink sink(out, options.output_file, defer_for(options));
    auto writer = report_writer(sink.stream(), options, run->setup, info);
    RunSummary summary = process_into(*run, mode, write, options, *writer, err);
    writer->finish();
    if (Status s = sink.finish(); !s) {
        // Articles were already processed (maybe written): not a usage error.
        fmt::print(err, "archtag: could not write the report: {}\n", s.error().headline());
        return k_exit_findings;
    }
    if (summary.errors > 0)
        return k_exit_findings;
    if (command == "check" && summary.pending > 0)
        return k_exit_findings;
    return k_exit_ok;
}

std::vector<std::string> paths_or_cwd(const Options& options) {
    return options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
}

std::string root_for(const Options& options) {
    return options.root ? *options.root : find_root(paths_or_cwd(options));
}

}  // namespace

int run_sweep(const Options& options, std::ostream& out, std::ostream& err) {
    if (options.paths.size() > 1)
        return usage_error(err, make_error("", "sweep takes one ARCHIVE folder"));
    std::string archive = options.paths.empty() ? "." : options.paths.front();
    return run_batch("sweep", options, archive, {archive}, Mode::stamp, options.write, out, err);
}

int run_unstamp(const Options& options, std::ostream& out, std::ostream& err) {
    if (options.paths.size() > 1)
        return usage_error(err, make_error("", "unstamp takes one ARCHIVE folder"));
    std::string archive = options.paths.empty() ? "." : options.paths.front();
    return run_batch("unstamp", options, archive, {archive}, Mode::unstamp, options.write, out,
                     err);
}

int run_check(const Options& options, std::ostream& out, std::ostream& err) {
    return run_batch("check", options, root_for(options), paths_or_cwd(options), Mode::stamp,
                     Write::no, out, err);
}

int run_fix(const Options& options, std::ostream& out, std::ostream& err) {
    if (options.paths.empty())
        return usage_error(err, make_error("", "fix needs at least one PATH"));
    return run_batch("fix", options, root_for(options), options.paths, Mode::stamp, Write::yes, out,
                     err);
}

int run_explain(const Options& options, std::ostream& out, std::ostream& err) {
    if (options.paths.size() != 1)
        return usage_error(err, make_error("", "explain takes exactly one PATH"));
    if (options.format != OutputFormat::text && options.format != OutputFormat::json)
        return usage_error(err, make_error("", "explain prints text or json (--format text|json)"));
    std::string root = root_for(options);
    auto run = prepare(options, root, options.paths);
    if (!run)
        return usage_error(err, run.error());
    if (run->articles.empty())
        return usage_error(
            err, make_error(options.paths.front(), "not an article (expected .md, .html or .xml)"));
    run->setup.rule_trace = rules::Trace::yes;
    ArticleResult r = process_file(run->setup, run->articles.front(), Mode::stamp, Write::no);
    report::RunInfo info{"explain", root, run->setup.as_of.label(), false, k_version};
    ReportSink sink(out, options.output_file);
    if (options.format == OutputFormat::json) {
        report::print_explain_json(sink.stream(), info, r);
    } else {
        report::print_explain_text(sink.stream(), info, r);
    }
    Status s = sink.finish();
    if (!s)
        return usage_error(err, s.error());
    return r.error ? k_exit_findings : k_exit_ok;
}

}  // namespace archtag::app
