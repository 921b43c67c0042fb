#include "app/commit_message.h"

#include <fmt/format.h>

#include <map>
#include <tuple>

#include "util/strings.h"

namespace archtag::app {

namespace {

struct Counts {
    std::size_t added = 0, updated = 0, removed = 0;
    std::size_t total() const { return added + updated + removed; }
    void count(Change c) {
        if (c == Change::add)
            ++added;
        else if (c == Change::update)
            ++updated;
        else if (c == Change::remove)
            ++removed;
    }
    Counts& operator+=(const Counts& o) {
        added += o.added;
        updated += o.updated;
        removed += o.removed;
        return *this;
    }
};

// "1,234 added, 7 removed": only the parts that are not zero.
std::string describe(const Counts& c) {
    std::vector<std::string> parts;
    if (c.added)
        parts.push_back(with_thousands(c.added) + " added");
    if (c.updated)
        parts.push_back(with_thousands(c.updated) + " updated");
    if (c.removed)
        parts.push_back(with_thousands(c.removed) + " removed");
    return join(parts, ", ");
}

std::string articles(std::size_t n) {
    return with_thousands(n) + (n == 1 ? " article" : " articles");
}

// Stamp changes by notice kind for the results whose bytes change.
struct Tally {
    Counts archival, age;
    std::size_t articles = 0;
    void add(const ArticleResult& r) {
        ++articles;
        for (const StampChange& c : r.plan.changes)
            (c.kind == NoticeKind::archival ? archival : age).count(c.change);
    }
    Counts both() const {
        Counts c = archival;
        c += age;
        return c;
    }
    std::string by_kind() const {
        std::vector<std::string> parts;
        if (archival.total())
            parts.push_back("archival " + describe(archival));
        if (age.total())
            parts.push_back("age " + describe(age));
        return join(parts, "; ");
    }
};

bool changes(const ArticleResult& r) {
    return !r.error && r.pending();
}

Tally overall(const CommitMessageInput& in) {
    Tally t;
    for (const ArticleResult& r : *in.results)
        if (changes(r))
            t.add(r);
    return t;
}

std::string kinds_touched(const Tally& t) {
    if (t.archival.total() && t.age.total())
        return "archival and age notices";
    return t.age.total() ? "age notices" : "archival notices";
}

std::string breakdown(const CommitMessageInput& in) {
    // (publication, policy id, era) -> tally; std::map keeps the output sorted.
    std::map<std::tuple<std::string, std::string, std::string>, Tally> groups;
    for (const ArticleResult& r : *in.results)
        if (changes(r))
            groups[{r.publication, r.policy, r.decision.era}].add(r);
    std::string out;
    for (const auto& [key, tally] : groups) {
        const auto& [publication, id, era] = key;
        std::string who =
            publication.empty() ? "(no publication)" : fmt::format("{} ({})", publication, id);
        out += fmt::format("  {}, {}: {}; {}\n", who, era.empty() ? "no era" : "era " + era,
                           articles(tally.articles), tally.by_kind());
    }
    return out;
}

}  // namespace

std::string commit_subject(const CommitMessageInput& input) {
    Tally t = overall(input);
    std::string verb = input.mode == Mode::stamp ? "Stamp" : "Unstamp";
    return fmt::format("{} {}: {}", verb, kinds_touched(t), describe(t.both()));
}

std::string commit_message(const CommitMessageInput& input) {
    Tally t = overall(input);
    std::string out = commit_subject(input) + "\n\n";
    out += fmt::format("{} changed, by publication and era:\n", articles(t.articles));
    out += breakdown(input);
    out += "\n";
    if (input.policies)
        for (const Policy& p : *input.policies)
            out += fmt::format("Archtag-Policy: {}@{}\n", p.id, p.digest);
    out += fmt::format("Archtag-As-Of: {}\n", input.as_of);
    if (input.signoff)
        out += fmt::format("Signed-off-by: {}\n", *input.signoff);
    return out;
}

}  // namespace archtag::app
