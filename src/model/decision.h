#pragma once
// What the rules decided for one article, and why.
#include <string>
#include <vector>

#include "model/edit.h"
#include "model/notice.h"

namespace archtag {

// One rule considered for one article.
struct TraceStep {
    std::string rule;   // rule id
    std::string where;  // "rules/default.xml:12"
    bool matched = false;
    std::vector<std::string> reasons;  // one line per condition: what it saw
    std::string effect;                // "adds archival notice", "shadowed by ...", ...
};

struct Decision {
    std::vector<Notice> notices;  // at most one per kind, archival first
    std::vector<Flag> flags;
    std::vector<TraceStep> trace;
    std::string era;    // era id at publication, or ""
    std::string owner;  // owner name at publication, or ""
    // For sentences people read (report/reason.h); all "" when unknown.
    std::string era_name;       // era name at publication
    std::string owner_now;      // owner of the current era
    std::string era_now_start;  // first day of the current era, 2018-02-23
    std::string published_day;  // publication day in the policy's zone
    std::string age;            // "11 years" when an age notice is due
    std::string exempt_reason;  // why a rule exempted the article, if one did

    bool review() const { return !flags.empty(); }
};

// How a stamp of one kind changes in a file.
enum class Change { add, update, remove, keep };
std::string_view to_string(Change c);

struct StampChange {
    NoticeKind kind = NoticeKind::archival;
    Change change = Change::keep;
    std::string text;  // the decided text (add/update/keep) or the old one (remove)
};

// The byte edits that bring a file's stamps in line with a decision.
struct Plan {
    std::vector<Edit> edits;
    std::vector<StampChange> changes;

    bool touches_bytes() const { return !edits.empty(); }
};

}  // namespace archtag
