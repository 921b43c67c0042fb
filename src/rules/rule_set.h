#pragma once
// The rule model: ordered rules, each a list of conditions (all must hold) and
// a list of actions. Rule files are data; the set of condition and action
// kinds is fixed here so every rule can be checked when it is loaded.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/format.h"
#include "model/notice.h"
#include "model/policy.h"
#include "model/timestamp.h"
#include "util/expected.h"

namespace archtag::rules {

enum class YesNo { yes, no };

// A point in time named in a rule: a date or timestamp as written, or the
// start or end of an era of the policy the article belongs to.
struct DateRef {
    enum class Kind { timestamp, era_start, era_end, current_era_start };
    Kind kind = Kind::timestamp;
    Timestamp timestamp;  // kind == timestamp
    std::string era;      // kind == era_start / era_end
    std::string text;     // as written, for the trace
};

// <published before="..." after="..."/>; at least one is set.
struct PublishedCondition {
    std::optional<DateRef> before;
    std::optional<DateRef> after;  // on or after
};

// <era is="a b"/> or <era current="yes|no"/>.
struct EraCondition {
    std::vector<std::string> ids;
    std::optional<YesNo> current;
};

// <owner missing="yes|no"/>.
struct OwnerCondition {
    YesNo missing = YesNo::yes;
};

// A span as written in a rule ("1y6m"), with its parsed value.
struct Span {
    AgeThreshold value;
    std::string text;
};

// <age at-least="..." less-than="..."/>; at least one is set.
struct AgeCondition {
    std::optional<Span> at_least;
    std::optional<Span> less_than;
};

// <field key="K" equals|in|glob|present="..."/>.
struct FieldCondition {
    enum class Test { equals, in, glob, present };
    std::string key;
    Test test = Test::equals;
    std::vector<std::string> values;  // equals: one; in: several; glob: the pattern
    YesNo present = YesNo::yes;       // test == present
};

// <tag in="a b"/> or <tag in-list="name"/>.
struct TagCondition {
    std::vector<std::string> tags;
    std::string list;  // set for in-list
};

struct PathCondition {
    std::string glob;
};

struct FormatCondition {
    std::vector<Format> formats;
};

// <missing field="..."/>.
struct MissingCondition {
    std::string field;
};

struct OptOutCondition {};

// <flagged code="a b"/>: the reader raised any of these flags.
struct FlaggedCondition {
    std::vector<std::string> codes;
};

// <low-confidence-date/>: the publication date was read with low confidence
// (a visible dateline) and the policy says such dates go to review.
struct LowConfidenceCondition {};

// <policy is="a b"/>.
struct PolicyCondition {
    std::vector<std::string> ids;
};

struct Condition;

// <all>, <any>, <not>: <not> holds when its children do not all hold.
struct Combinator {
    enum class Kind { all, any, negation };
    Kind kind = Kind::all;
    std::vector<Condition> children;
};

struct Condition {
    std::variant<PublishedCondition, EraCondition, OwnerCondition, AgeCondition, FieldCondition,
                 TagCondition, PathCondition, FormatCondition, MissingCondition, OptOutCondition,
                 FlaggedCondition, PolicyCondition, LowConfidenceCondition, Combinator>
        test;
    int line = 0;
};

// <archival-notice/> or <age-notice/>.
struct NoticeAction {
    NoticeKind kind = NoticeKind::archival;
};

// <exempt kind="archival|age|all" reason="..."/>.
struct ExemptAction {
    enum class Scope { archival, age, all };
    Scope scope = Scope::all;
    std::string reason;  // may hold placeholders, e.g. {reason}
};

// <flag level="..." code="..." message="..."/>; the message may hold placeholders.
struct FlagAction {
    Flag flag;
};

struct Action {
    std::variant<NoticeAction, ExemptAction, FlagAction> what;
    int line = 0;
};

struct Rule {
    std::string id;
    std::string description;
    std::string file;  // the file it was loaded from, as named to load()
    int line = 0;
    YesNo final = YesNo::no;  // yes: no later rule is evaluated once this one matches
    std::vector<Condition> when;
    std::vector<Action> then;

    // "rules/default.xml:12"
    std::string where() const;
};

struct RuleSet {
    std::vector<Rule> rules;  // in evaluation order
    std::vector<std::string> files;
};

std::size_t size(const RuleSet& set);
// Puts `more`'s rules after `into`'s, for several rule paths. Ids are not
// checked again; merge() refuses an id `into` already has.
void append(RuleSet& into, RuleSet more);
Status merge(RuleSet& into, RuleSet more);

}  // namespace archtag::rules
