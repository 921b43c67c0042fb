#include "app/commit_message.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "util/strings.h"

namespace archtag::app {

namespace {

using Counts = CommitTally::Counts;
using Group = CommitTally::Group;

// The index of `change` in CommitTally::Entry::changes; nullopt for keep.
std::optional<std::size_t> slot(Change change) {
    switch (change) {
        case Change::add:
            return 0;
        case Change::update:
            return 1;
        case Change::remove:
            return 2;
        case Change::keep:
            break;
    }
    return std::nullopt;
}

void count(Counts& c, const std::array<std::uint16_t, 3>& n, int by) {
    std::size_t* totals[] = {&c.added, &c.updated, &c.removed};
    for (std::size_t i = 0; i < n.size(); ++i)
        *totals[i] = static_cast<std::size_t>(static_cast<long long>(*totals[i]) + by * n[i]);
}

Counts& operator+=(Counts& a, const Counts& b) {
    a.added += b.added;
    a.updated += b.updated;
    a.removed += b.removed;
    return a;
}

void apply(Group& g, const CommitTally::Entry& e, int by) {
    g.articles = static_cast<std::size_t>(static_cast<long long>(g.articles) + by);
    count(g.archival, e.changes[0], by);
    count(g.age, e.changes[1], by);
}

}  // namespace

CommitTally::Entry CommitTally::add(const ArticleResult& r) {
    Entry e;
    auto it = std::find_if(m_groups.begin(), m_groups.end(), [&](const Group& g) {
        return g.publication == r.publication && g.policy == r.policy && g.era == r.decision.era;
    });
    if (it == m_groups.end()) {
        m_groups.push_back({r.publication, r.policy, r.decision.era, 0, {}, {}});
        it = m_groups.end() - 1;
    }
    e.group = static_cast<std::uint32_t>(it - m_groups.begin());
    for (const StampChange& c : r.plan.changes)
        if (auto i = slot(c.change))
            ++e.changes[c.kind == NoticeKind::archival ? 0 : 1][*i];
    apply(*it, e, +1);
    return e;
}

void CommitTally::take_back(const Entry& e) {
    apply(m_groups.at(e.group), e, -1);
}

std::vector<Group> CommitTally::groups() const {
    std::vector<Group> out;
    for (const Group& g : m_groups)
        if (g.articles > 0)
            out.push_back(g);
    std::sort(out.begin(), out.end(), [](const Group& a, const Group& b) {
        return std::tie(a.publication, a.policy, a.era) < std::tie(b.publication, b.policy, b.era);
    });
    return out;
}

Group CommitTally::overall() const {
    Group all;
    for (const Group& g : m_groups) {
        all.articles += g.articles;
        all.archival += g.archival;
        all.age += g.age;
    }
    return all;
}

CommitTally tally_of(const std::vector<ArticleResult>& results) {
    CommitTally t;
    for (const ArticleResult& r : results)
        if (!r.error && r.pending())
            t.add(r);
    return t;
}

namespace {

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

Counts both(const Group& g) {
    Counts c = g.archival;
    c += g.age;
    return c;
}

std::string by_kind(const Group& g) {
    std::vector<std::string> parts;
    if (g.archival.total())
        parts.push_back("archival " + describe(g.archival));
    if (g.age.total())
        parts.push_back("age " + describe(g.age));
    return join(parts, "; ");
}

std::string kinds_touched(const Group& t) {
    if (t.archival.total() && t.age.total())
        return "archival and age notices";
    return t.age.total() ? "age notices" : "archival notices";
}

std::string breakdown(const CommitTally& tally) {
    std::string out;
    for (const Group& g : tally.groups()) {
        std::string who = g.publication.empty() ? "(no publication)"
                                                : fmt::format("{} ({})", g.publication, g.policy);
        out += fmt::format("  {}, {}: {}; {}\n", who, g.era.empty() ? "no era" : "era " + g.era,
                           articles(g.articles), by_kind(g));
    }
    return out;
}

}  // namespace

std::string commit_subject(const CommitMessageInput& input) {
    Group t = input.tally->overall();
    std::string verb = input.mode == Mode::stamp ? "Stamp" : "Unstamp";
    return fmt::format("{} {}: {}", verb, kinds_touched(t), describe(both(t)));
}

std::string commit_message(const CommitMessageInput& input) {
    Group t = input.tally->overall();
    std::string out = commit_subject(input) + "\n\n";
    out += fmt::format("{} changed, by publication and era:\n", articles(t.articles));
    out += breakdown(*input.tally);
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
