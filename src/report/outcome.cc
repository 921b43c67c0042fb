#include "report/outcome.h"

#include <algorithm>

namespace archtag::report {

namespace {

bool any_change(const ArticleResult& r, Change c) {
    return std::any_of(r.plan.changes.begin(), r.plan.changes.end(),
                       [c](const StampChange& s) { return s.change == c; });
}

}  // namespace

Outcome outcome_of(const ArticleResult& r) {
    if (r.error)
        return Outcome::error;
    if (r.pending()) {
        if (any_change(r, Change::add))
            return Outcome::stamped;
        if (any_change(r, Change::update))
            return Outcome::updated;
        return Outcome::removed;
    }
    return r.decision.flags.empty() ? Outcome::unchanged : Outcome::flagged;
}

std::string_view to_string(Outcome o) {
    switch (o) {
        case Outcome::stamped:
            return "stamped";
        case Outcome::updated:
            return "updated";
        case Outcome::removed:
            return "removed";
        case Outcome::unchanged:
            return "unchanged";
        case Outcome::flagged:
            return "flagged";
        case Outcome::error:
            return "error";
    }
    return "?";
}

}  // namespace archtag::report
