#include "rules/conditions.h"

#include <fmt/format.h>

#include <algorithm>

#include "rules/age.h"
#include "util/glob.h"
#include "util/strings.h"

namespace archtag::rules {

namespace {

// The outcome of one leaf condition: whether it holds, and what it saw.
struct Seen {
    bool holds = false;
    std::string detail;  // shown in parentheses; may be empty
};

std::string quoted_list(const std::vector<std::string>& values) {
    std::vector<std::string> q;
    for (const std::string& v : values)
        q.push_back(fmt::format("\"{}\"", v));
    return join(q, ", ");
}

bool contains_ci(const std::vector<std::string>& haystack, std::string_view needle) {
    return std::any_of(haystack.begin(), haystack.end(),
                       [&](const std::string& h) { return iequals(h, needle); });
}

const Era* era_by_id(const Policy& policy, const std::string& id) {
    for (const Era& e : policy.eras)
        if (e.id == id)
            return &e;
    return nullptr;
}

// The instant a DateRef names for this article's policy, or why there is none.
struct Resolved {
    std::optional<Instant> at;
    std::string problem;
};

Resolved resolve(const DateRef& ref, const Facts& f) {
    const Era* era = nullptr;
    switch (ref.kind) {
        case DateRef::Kind::timestamp:
            return {to_instant(ref.timestamp, f.zone), {}};
        case DateRef::Kind::current_era_start:
            era = f.policy.current_era();
            if (!era)
                return {std::nullopt, fmt::format("policy {} has no eras", f.policy.id)};
            break;
        case DateRef::Kind::era_start:
        case DateRef::Kind::era_end:
            era = era_by_id(f.policy, ref.era);
            if (!era)
                return {std::nullopt,
                        fmt::format("policy {} has no era \"{}\"", f.policy.id, ref.era)};
            break;
    }
    bool end = ref.kind == DateRef::Kind::era_end;
    const std::optional<Day>& day = end ? era->until : era->from;
    if (!day)
        return {std::nullopt,
                fmt::format("era \"{}\" has no {} date", era->id, end ? "end" : "start")};
    return {f.zone.start_of_day(*day), {}};
}

Seen check_published(const PublishedCondition& c, const Facts& f) {
    if (!f.published)
        return {false, "undated"};
    std::vector<std::string> parts = {fmt::format("published {}", format_instant(*f.published))};
    bool ok = true;
    auto compare = [&](const std::optional<DateRef>& ref, auto passes) {
        if (!ref)
            return;
        Resolved r = resolve(*ref, f);
        if (!r.at) {
            ok = false;
            parts.push_back(r.problem);
            return;
        }
        ok = ok && passes(*f.published, *r.at);
        parts.push_back(fmt::format("{} = {}", ref->text, format_instant(*r.at)));
    };
    compare(c.after, [](Instant p, Instant at) { return p >= at; });
    compare(c.before, [](Instant p, Instant at) { return p < at; });
    return {ok, join(parts, ", ")};
}

std::string describe_published(const PublishedCondition& c) {
    std::vector<std::string> parts;
    if (c.after)
        parts.push_back(fmt::format("on or after {}", c.after->text));
    if (c.before)
        parts.push_back(fmt::format("before {}", c.before->text));
    return "published " + join(parts, " and ");
}

Seen check_era(const EraCondition& c, const Facts& f) {
    if (!f.published)
        return {false, "undated"};
    const Era* era = f.where.era;
    if (!era)
        return {false, "published in no era"};
    if (c.current) {
        bool current = era == f.policy.current_era();
        return {current == (*c.current == YesNo::yes),
                fmt::format("published in era {}{}", era->id, current ? ", the current one" : "")};
    }
    bool listed = std::find(c.ids.begin(), c.ids.end(), era->id) != c.ids.end();
    return {listed, fmt::format("published in era {}", era->id)};
}

std::string describe_era(const EraCondition& c) {
    if (c.current)
        return *c.current == YesNo::yes ? "era is current" : "era is not current";
    return "era is " + join(c.ids, " ");
}

Seen check_owner(const OwnerCondition& c, const Facts& f) {
    if (!f.published_day)
        return {false, "undated"};
    std::string day = format_date(*f.published_day);
    const Owner* owner = f.where.owner;
    std::string detail = owner ? fmt::format("owned by {} on {}", owner->name, day)
                               : fmt::format("no owner on {}", day);
    return {(owner == nullptr) == (c.missing == YesNo::yes), detail};
}

Seen check_age(const AgeCondition& c, const Facts& f) {
    if (!f.published_day)
        return {false, "undated"};
    auto from = std::chrono::sys_days{*f.published_day};
    auto as_of = std::chrono::sys_days{f.as_of_day};
    bool ok = true;
    if (c.at_least)
        ok = ok && as_of >= std::chrono::sys_days{add_span(*f.published_day, c.at_least->value)};
    if (c.less_than)
        ok = ok && as_of < std::chrono::sys_days{add_span(*f.published_day, c.less_than->value)};
    return {ok && as_of >= from,
            fmt::format("published {}, as of {}", format_date(*f.published_day),
                        format_date(f.as_of_day))};
}

std::string describe_age(const AgeCondition& c) {
    std::vector<std::string> parts;
    if (c.at_least)
        parts.push_back(fmt::format("at least {}", c.at_least->text));
    if (c.less_than)
        parts.push_back(fmt::format("less than {}", c.less_than->text));
    return "age " + join(parts, " and ");
}

// The values of a field key: virtual keys first, then the front matter.
std::vector<std::string> field_values(const std::string& key, const Facts& f) {
    const ArticleMeta& m = f.meta;
    auto one = [](const std::string& v) {
        return v.empty() ? std::vector<std::string>{} : std::vector<std::string>{v};
    };
    if (key == "title")
        return one(m.title);
    if (key == "publication")
        return one(m.publication);
    if (key == "section")
        return one(m.section);
    if (key == "type")
        return one(m.type);
    if (key == "language")
        return one(m.language);
    if (key == "format")
        return {std::string(to_string(m.format))};
    if (key == "path")
        return one(m.path);
    std::vector<std::string> values;
    auto it = m.fields.find(key);
    if (it != m.fields.end())
        for (const FieldValue& v : it->second)
            if (!trim(v.value).empty())
                values.push_back(v.value);
    return values;
}

Seen check_field(const FieldCondition& c, const Facts& f) {
    std::vector<std::string> values = field_values(c.key, f);
    std::string detail = values.empty() ? fmt::format("{} is not set", c.key)
                                        : fmt::format("{}: {}", c.key, quoted_list(values));
    bool ok = false;
    switch (c.test) {
        case FieldCondition::Test::equals:
        case FieldCondition::Test::in:
            for (const std::string& v : values)
                ok = ok || contains_ci(c.values, trim(v));
            break;
        case FieldCondition::Test::glob: {
            std::string pattern = to_lower(c.values.front());
            for (const std::string& v : values)
                ok = ok || glob_match_text(pattern, to_lower(trim(v)));
            break;
        }
        case FieldCondition::Test::present:
            ok = values.empty() == (c.present == YesNo::no);
            break;
    }
    return {ok, detail};
}

std::string describe_field(const FieldCondition& c) {
    switch (c.test) {
        case FieldCondition::Test::equals:
            return fmt::format("field {} equals \"{}\"", c.key, c.values.front());
        case FieldCondition::Test::in:
            return fmt::format("field {} in {}", c.key, quoted_list(c.values));
        case FieldCondition::Test::glob:
            return fmt::format("field {} matches {}", c.key, c.values.front());
        case FieldCondition::Test::present:
            return fmt::format("field {} {}", c.key,
                               c.present == YesNo::yes ? "present" : "absent");
    }
    return "field";
}

Seen check_tag(const TagCondition& c, const Facts& f) {
    const std::vector<std::string>* wanted = &c.tags;
    if (!c.list.empty()) {
        auto it = f.policy.lists.find(c.list);
        if (it == f.policy.lists.end())
            return {false, fmt::format("policy {} has no list \"{}\"", f.policy.id, c.list)};
        wanted = &it->second;
    }
    std::vector<std::string> hits;
    for (const std::string& t : f.meta.tags)
        if (contains_ci(*wanted, trim(t)))
            hits.push_back(t);
    if (f.meta.tags.empty())
        return {false, "no tags"};
    if (hits.empty())
        return {false, fmt::format("tags: {}", quoted_list(f.meta.tags))};
    return {true, fmt::format("tagged {}", quoted_list(hits))};
}

std::string describe_tag(const TagCondition& c) {
    return c.list.empty() ? "tag in " + join(c.tags, " ") : "tag in list " + c.list;
}

Seen check_format(const FormatCondition& c, const Facts& f) {
    bool ok = std::find(c.formats.begin(), c.formats.end(), f.meta.format) != c.formats.end();
    return {ok, std::string(to_string(f.meta.format))};
}

std::string describe_format(const FormatCondition& c) {
    std::vector<std::string> names;
    for (Format fm : c.formats)
        names.emplace_back(to_string(fm));
    return "format is " + join(names, " ");
}

// Whether the article lacks `field`; named facts first, then front matter.
Seen check_missing(const MissingCondition& c, const Facts& f) {
    const ArticleMeta& m = f.meta;
    if (c.field == "published")
        return {!m.published, m.published ? "dated " + m.published->iso() : ""};
    if (c.field == "tags")
        return {m.tags.empty(), ""};
    std::vector<std::string> values = field_values(c.field, f);
    return {values.empty(),
            values.empty() ? "" : fmt::format("{}: {}", c.field, quoted_list(values))};
}

Seen check_opt_out(const Facts& f) {
    if (!f.meta.opt_out_reason)
        return {false, ""};
    std::string from = f.meta.opt_out_source.empty() ? "" : ", from " + f.meta.opt_out_source;
    return {true, fmt::format("reason \"{}\"{}", *f.meta.opt_out_reason, from)};
}

Seen check_flagged(const FlaggedCondition& c, const Facts& f) {
    std::vector<std::string> raised;
    for (const Flag& flag : f.meta.flags)
        raised.push_back(flag.code);
    bool ok = std::any_of(c.codes.begin(), c.codes.end(), [&](const std::string& code) {
        return std::find(raised.begin(), raised.end(), code) != raised.end();
    });
    return {ok,
            raised.empty() ? "the reader raised no flags" : "reader flags: " + join(raised, ", ")};
}

Seen check_low_confidence(const Facts& f) {
    if (!f.meta.published)
        return {false, "undated"};
    std::string seen = fmt::format("{} confidence ({})", to_string(f.meta.published_confidence),
                                   f.meta.published_source);
    if (f.meta.published_confidence != Confidence::low)
        return {false, seen};
    bool review = f.policy.low_confidence == LowConfidence::review;
    return {review,
            seen + (review ? "; policy sends such dates to review" : "; policy stamps such dates")};
}

Seen check_policy(const PolicyCondition& c, const Facts& f) {
    return {contains_ci(c.ids, f.policy.id), "policy " + f.policy.id};
}

// `describe()`, or "" when no trace is written (the name is only read there).
template <typename Describe>
std::string name_if(bool named, Describe describe) {
    return named ? describe() : std::string();
}

// What a leaf condition is called in the trace (when `named`), and what it
// saw.
std::pair<std::string, Seen> check_leaf(const Condition& condition, const Facts& f, bool named) {
    struct Visitor {
        const Facts& f;
        bool named;
        std::pair<std::string, Seen> operator()(const PublishedCondition& c) {
            return {name_if(named, [&] { return describe_published(c); }), check_published(c, f)};
        }
        std::pair<std::string, Seen> operator()(const EraCondition& c) {
            return {name_if(named, [&] { return describe_era(c); }), check_era(c, f)};
        }
        std::pair<std::string, Seen> operator()(const OwnerCondition& c) {
            return {c.missing == YesNo::yes ? "owner missing" : "owner present", check_owner(c, f)};
        }
        std::pair<std::string, Seen> operator()(const AgeCondition& c) {
            return {name_if(named, [&] { return describe_age(c); }), check_age(c, f)};
        }
        std::pair<std::string, Seen> operator()(const FieldCondition& c) {
            return {name_if(named, [&] { return describe_field(c); }), check_field(c, f)};
        }
        std::pair<std::string, Seen> operator()(const TagCondition& c) {
            return {name_if(named, [&] { return describe_tag(c); }), check_tag(c, f)};
        }
        std::pair<std::string, Seen> operator()(const PathCondition& c) {
            return {name_if(named, [&] { return "path matches " + c.glob; }),
                    Seen{glob_match(c.glob, f.meta.path), "path " + f.meta.path}};
        }
        std::pair<std::string, Seen> operator()(const FormatCondition& c) {
            return {name_if(named, [&] { return describe_format(c); }), check_format(c, f)};
        }
        std::pair<std::string, Seen> operator()(const MissingCondition& c) {
            return {name_if(named, [&] { return "missing " + c.field; }), check_missing(c, f)};
        }
        std::pair<std::string, Seen> operator()(const OptOutCondition&) {
            return {"opt-out", check_opt_out(f)};
        }
        std::pair<std::string, Seen> operator()(const FlaggedCondition& c) {
            return {name_if(named, [&] { return "flagged " + join(c.codes, " "); }),
                    check_flagged(c, f)};
        }
        std::pair<std::string, Seen> operator()(const PolicyCondition& c) {
            return {name_if(named, [&] { return "policy is " + join(c.ids, " "); }),
                    check_policy(c, f)};
        }
        std::pair<std::string, Seen> operator()(const LowConfidenceCondition&) {
            return {"low-confidence date", check_low_confidence(f)};
        }
        std::pair<std::string, Seen> operator()(const Combinator&) { return {}; }
    };
    return std::visit(Visitor{f, named}, condition.test);
}

std::string_view combinator_name(Combinator::Kind kind) {
    switch (kind) {
        case Combinator::Kind::all:
            return "all of";
        case Combinator::Kind::any:
            return "any of";
        case Combinator::Kind::negation:
            return "not";
    }
    return "?";
}

std::string reason_line(int depth, std::string_view what, bool ok, std::string_view detail) {
    std::string line(static_cast<std::size_t>(depth) * 2, ' ');
    line += fmt::format("{}: {}", what, ok ? "yes" : "no");
    if (!detail.empty())
        line += fmt::format(" ({})", detail);
    return line;
}

}  // namespace

bool holds(const Condition& condition, const Facts& facts, std::vector<std::string>* reasons,
           int depth) {
    if (const auto* c = std::get_if<Combinator>(&condition.test)) {
        std::size_t at = reasons ? reasons->size() : 0;
        if (reasons)
            reasons->emplace_back();  // filled in once the children are known
        // Every child is evaluated, even after the outcome is known, so the
        // trace shows all of them.
        std::size_t true_count = 0;
        for (const Condition& child : c->children)
            true_count += holds(child, facts, reasons, depth + 1) ? 1 : 0;
        bool all = true_count == c->children.size();
        bool ok = c->kind == Combinator::Kind::all   ? all
                  : c->kind == Combinator::Kind::any ? true_count > 0
                                                     : !all;
        if (reasons)
            (*reasons)[at] = reason_line(depth, combinator_name(c->kind), ok, {});
        return ok;
    }
    auto [what, seen] = check_leaf(condition, facts, reasons != nullptr);
    if (reasons)
        reasons->push_back(reason_line(depth, what, seen.holds, seen.detail));
    return seen.holds;
}

}  // namespace archtag::rules
