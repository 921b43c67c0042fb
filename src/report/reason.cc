#include "report/reason.h"

#include <fmt/format.h>

#include <algorithm>

#include "util/strings.h"

namespace archtag::report {

namespace {

bool decided(const Decision& d, NoticeKind kind) {
    return std::any_of(d.notices.begin(), d.notices.end(),
                       [kind](const Notice& n) { return n.kind == kind; });
}

std::string day_of(const ArticleResult& r) {
    if (!r.decision.published_day.empty())
        return r.decision.published_day;
    if (r.meta && r.meta->published)
        return r.meta->published->iso();
    return "";
}

std::string era_words(const ArticleResult& r) {
    const Decision& d = r.decision;
    std::string where;
    if (!d.era_name.empty()) {
        where = fmt::format(" in the {} era", d.era_name);
        if (!d.owner.empty() && d.owner != d.era_name)
            where += fmt::format(" ({})", d.owner);
    } else {
        where = fmt::format(", when {} had no owner",
                            r.publication.empty() ? std::string("the publication") : r.publication);
    }
    if (!d.owner_now.empty() && !d.era_now_start.empty())
        where += fmt::format(", before {} took over on {}", d.owner_now, d.era_now_start);
    else
        where += ", before the current editorial era";
    return where;
}

std::string notice_words(const ArticleResult& r, std::string_view as_of) {
    const Decision& d = r.decision;
    std::string day = day_of(r);
    bool archival = decided(d, NoticeKind::archival);
    bool age = decided(d, NoticeKind::age) && !d.age.empty();
    if (!archival && !age)
        return "";
    std::string s = "published " + day;
    if (archival)
        s += era_words(r);
    if (age && archival)
        s += fmt::format("; more than {} old on {}", d.age, as_of);
    else if (age)
        s += fmt::format(", more than {} before {}", d.age, as_of);
    return s;
}

std::string removal_words(const ArticleResult& r) {
    std::vector<std::string> kinds;
    for (const StampChange& c : r.plan.changes)
        if (c.change == Change::remove)
            kinds.push_back(std::string(to_string(c.kind)));
    if (kinds.empty())
        return "";
    return fmt::format("{} notice no longer due: removed", join(kinds, " and "));
}

// Which notices the exemption kept off, read from what was decided.
std::string exemption_words(const Decision& d) {
    bool archival = decided(d, NoticeKind::archival);
    bool age = decided(d, NoticeKind::age);
    std::string_view what = archival && !age   ? "no age notice"
                            : age && !archival ? "no archival notice"
                                               : "no notice";
    return fmt::format("{}: {}", what, d.exempt_reason);
}

}  // namespace

std::string reason(const ArticleResult& r, std::string_view as_of) {
    if (r.error)
        return "could not be processed: " + r.error->message;
    std::vector<std::string> parts;
    if (std::string s = notice_words(r, as_of); !s.empty())
        parts.push_back(std::move(s));
    if (std::string s = removal_words(r); !s.empty())
        parts.push_back(std::move(s));
    if (!r.decision.exempt_reason.empty())
        parts.push_back(exemption_words(r.decision));
    if (!r.decision.flags.empty()) {
        std::vector<std::string> messages;
        for (const Flag& f : r.decision.flags)
            messages.push_back(f.message);
        parts.push_back("for review: " + join(messages, "; "));
    }
    if (parts.empty()) {
        std::string day = day_of(r);
        return day.empty() ? "no notice due" : fmt::format("published {}: no notice due", day);
    }
    return join(parts, "; ");
}

}  // namespace archtag::report
