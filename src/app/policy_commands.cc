// `policy check` and `policy test`: the policies and rules themselves under test.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <boost/filesystem.hpp>

#include "app/app.h"
#include "app/pipeline.h"
#include "policy/test_cases.h"
#include "stamp/stamp.h"
#include "util/strings.h"

namespace archtag::app {

namespace {

namespace fs = boost::filesystem;

// --tests DIR, else the tests/ folder beside each loaded policy's file.
std::vector<std::string> tests_dirs_for(const Options& options, const Setup& setup) {
    if (options.tests_dir)
        return {*options.tests_dir};
    std::vector<std::string> dirs;
    for (const Policy& p : setup.policies) {
        std::string dir = (fs::path(p.source_path).parent_path() / "tests").string();
        boost::system::error_code ec;
        if (fs::is_directory(dir, ec) && std::find(dirs.begin(), dirs.end(), dir) == dirs.end())
            dirs.push_back(dir);
    }
    return dirs;
}

const Policy* find_policy(const Setup& setup, const std::string& id) {
    for (const Policy& p : setup.policies)
        if (p.id == id)
            return &p;
    return nullptr;
}

std::string describe_notices(const std::vector<Notice>& notices) {
    if (notices.empty())
        return "no notice";
    std::vector<std::string> parts;
    for (const Notice& n : notices)
        parts.push_back(fmt::format("{} \"{}\"", to_string(n.kind), n.text));
    return join(parts, ", ");
}

// What is wrong with the decision for this case; empty when it passed.
std::vector<std::string> check_case(const policy::TestCase& c, const ArticleResult& r) {
    std::vector<std::string> problems;
    if (r.error)
        return {"could not process the article: " + r.error->headline()};
    const auto& decided = r.decision.notices;
    bool kinds_match = decided.size() == c.notices.size();
    for (std::size_t i = 0; kinds_match && i < decided.size(); ++i) {
        auto it = std::find_if(
            c.notices.begin(), c.notices.end(),
            [&](const policy::ExpectedNotice& e) { return e.kind == decided[i].kind; });
        kinds_match = it != c.notices.end() && (!it->text || *it->text == decided[i].text);
    }
    if (!kinds_match) {
        std::vector<std::string> want;
        for (const auto& e : c.notices)
            want.push_back(e.text ? fmt::format("{} \"{}\"", to_string(e.kind), *e.text)
                                  : std::string(to_string(e.kind)));
        problems.push_back(fmt::format("expected {}; decided {}",
                                       want.empty() ? "no notice" : join(want, ", "),
                                       describe_notices(decided)));
    }
    for (const std::string& code : c.flags) {
        bool found = std::any_of(r.decision.flags.begin(), r.decision.flags.end(),
                                 [&](const Flag& f) { return f.code == code; });
        if (!found)
            problems.push_back("expected flag " + code + "; it was not raised");
    }
    if (c.no_flags && !r.decision.flags.empty())
        problems.push_back("expected no flag; raised " + r.decision.flags.front().code + ": " +
                           r.decision.flags.front().message);
    return problems;
}

// Stamping the case's article must be idempotent and reversible.
std::vector<std::string> check_round_trip(const Setup& setup, const policy::TestCase& c,
                                          const Policy& p, Instant as_of,
                                          const ArticleResult& first) {
    if (first.error)
        return {};
    std::string stamped = apply_edits(c.article, first.plan.edits);
    ArticleResult again = process_bytes(setup, c.path, stamped, Mode::stamp, as_of, &p);
    if (again.error)
        return {"stamped article cannot be read again: " + again.error->headline()};
    if (again.plan.touches_bytes())
        return {"a second run would change the stamped article again"};
    ArticleResult removed = process_bytes(setup, c.path, stamped, Mode::unstamp, as_of, &p);
    if (removed.error || apply_edits(stamped, removed.plan.edits) != c.article)
        return {"unstamp does not give back the original bytes"};
    return {};
}

struct Tally {
    std::size_t passed = 0, failed = 0;
};

void run_suite(const Options& options, const Setup& setup, const policy::TestSuite& suite,
               std::ostream& out, Tally& tally) {
    fmt::print(out, "{}\n", suite.path);
    const Policy* p = find_policy(setup, suite.policy_id);
    for (const policy::TestCase& c : suite.cases) {
        std::vector<std::string> problems;
        if (!p) {
            problems.push_back(fmt::format("no loaded policy has id '{}'", suite.policy_id));
        } else if (auto as_of = AsOf::make(c.as_of, options.now); !as_of) {
            problems.push_back(as_of.error().message);
        } else {
            auto zone = TimeZone::locate(p->time_zone);
            Instant t = as_of->in_zone(zone ? *zone : TimeZone::utc());
            ArticleResult r = process_bytes(setup, c.path, c.article, Mode::stamp, t, p);
            problems = check_case(c, r);
            auto trip = check_round_trip(setup, c, *p, t, r);
            problems.insert(problems.end(), trip.begin(), trip.end());
        }
        if (problems.empty()) {
            ++tally.passed;
            fmt::print(out, "  ok    {}\n", c.id);
            continue;
        }
        ++tally.failed;
        fmt::print(out, "  FAIL  {} ({}:{})\n", c.id, suite.path, c.line);
        for (const std::string& why : problems)
            fmt::print(out, "        {}\n", why);
    }
}

}  // namespace

int run_policy_check(const Options& options, std::ostream& out, std::ostream& err) {
    auto setup = load_setup(options, options.root.value_or("."));
    if (!setup)
        return usage_error(err, setup.error());
    for (const Policy& p : setup->policies)
        fmt::print(out, "ok  policy {} ({}) from {}\n", p.id, p.name, p.source_path);
    fmt::print(out, "ok  {} rule{}\n", rules::size(setup->rules),
               rules::size(setup->rules) == 1 ? "" : "s");
    return k_exit_ok;
}

int run_policy_test(const Options& options, std::ostream& out, std::ostream& err) {
    auto setup = load_setup(options, options.root.value_or("."));
    if (!setup)
        return usage_error(err, setup.error());
    Tally tally;
    std::vector<std::string> dirs = tests_dirs_for(options, *setup);
    for (const std::string& dir : dirs) {
        auto suites = policy::load_test_suites(dir);
        if (!suites)
            return usage_error(err, suites.error());
        for (const policy::TestSuite& suite : *suites)
            run_suite(options, *setup, suite, out, tally);
    }
    fmt::print(out, "\n{} passed, {} failed\n", tally.passed, tally.failed);
    if (tally.passed + tally.failed == 0) {
        fmt::print(err, "archtag: no policy test case found in {}\n",
                   dirs.empty() ? "a tests/ folder beside the policies" : join(dirs, ", "));
        return k_exit_usage;
    }
    return tally.failed == 0 ? k_exit_ok : k_exit_findings;
}

}  // namespace archtag::app
