#include "app/decision_horizon.h"

#include <algorithm>
#include <vector>

#include "rules/age.h"

namespace archtag::app {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

void collect_spans(const rules::Condition& c, std::vector<AgeThreshold>& out) {
    if (const auto* age = std::get_if<rules::AgeCondition>(&c.test)) {
        if (age->at_least)
            out.push_back(age->at_least->value);
        if (age->less_than)
            out.push_back(age->less_than->value);
    } else if (const auto* group = std::get_if<rules::Combinator>(&c.test)) {
        for (const rules::Condition& child : group->children)
            collect_spans(child, out);
    }
}

// Every span the decision compares the article's age with, besides the
// month anniversaries of calendar arithmetic.
std::vector<AgeThreshold> spans_of(const Policy& policy, const rules::RuleSet& rules) {
    std::vector<AgeThreshold> spans{policy.age_minimum};
    for (const rules::Rule& rule : rules.rules)
        for (const rules::Condition& c : rule.when)
            collect_spans(c, spans);
    return spans;
}

// The first day after `today` on which a day-based comparison of the age can
// flip: a month anniversary of publication (years are months too) or
// publication day plus one of the spans.
std::optional<Day> next_day_boundary(Day published, Day today,
                                     const std::vector<AgeThreshold>& spans) {
    sys_days best = sys_days::max();
    auto consider = [&](Day d) {
        if (sys_days{d} > sys_days{today})
            best = std::min(best, sys_days{d});
    };
    for (const AgeThreshold& span : spans)
        consider(rules::add_span(published, span));
    int months = (static_cast<int>(today.year()) - static_cast<int>(published.year())) * 12 +
                 static_cast<int>(static_cast<unsigned>(today.month())) -
                 static_cast<int>(static_cast<unsigned>(published.month()));
    // The anniversary in this month or the next one is the next after today
    // (a day past the month's end rolls over, hence the extra month).
    for (int n = std::max(0, months - 1); n <= std::max(0, months + 2); ++n)
        consider(rules::add_span(published, AgeThreshold{0, n, 0}));
    if (best == sys_days::max())
        return std::nullopt;
    return Day{best};
}

// theguardian.com arithmetic counts elapsed time: its phrase can change when
// 30 days, a multiple of 31 days or a multiple of 365 days have passed.
Instant next_elapsed_boundary(Instant published, Instant as_of) {
    Instant best = Instant::max();
    auto elapsed = as_of - published;
    for (auto unit : {days{31}, days{365}}) {
        if (elapsed >= unit.zero() && elapsed % unit == unit.zero())
            return as_of + std::chrono::seconds{1};  // exactly on a boundary: just after differs
        auto next = published + (elapsed < unit.zero() ? unit.zero() : (elapsed / unit + 1) * unit);
        best = std::min(best, Instant{next});
    }
    if (as_of < published + days{30})
        best = std::min(best, Instant{published + days{30}});
    if (as_of < published)
        best = std::min(best, published);
    return best;
}

}  // namespace

std::optional<Instant> decision_valid_until(const Policy& policy, const rules::RuleSet& rules,
                                            const Resolution& where, Instant as_of) {
    if (!where.published || !where.zone)
        return std::nullopt;
    Day published_day =
        where.local_day ? *where.local_day : where.zone->local_date(*where.published);
    Day today = where.zone->local_date(as_of);
    std::optional<Day> next = next_day_boundary(published_day, today, spans_of(policy, rules));
    Instant until = next ? where.zone->start_of_day(*next) : Instant::max();
    if (policy.arithmetic == AgeArithmetic::guardian)
        until = std::min(until, next_elapsed_boundary(*where.published, as_of));
    return until;
}

}  // namespace archtag::app
