// The condition elements of a rule's <when>.
#include <fmt/format.h>
#include <tinyxml2.h>

#include <array>
#include <functional>

#include "rules/age.h"
#include "rules/element_parsers.h"
#include "rules/values.h"
#include "util/strings.h"

namespace archtag::rules {

using tinyxml2::XMLAttribute;
using tinyxml2::XMLElement;

namespace {

using ConditionParser = std::function<Expected<Condition>(const XmlSource&, const XMLElement*)>;

// "a=, b= or c="
std::string attribute_choice(std::initializer_list<const char*> names) {
    std::vector<std::string> items;
    for (const char* n : names)
        items.push_back(fmt::format("{}=", n));
    std::string last = items.back();
    items.pop_back();
    return items.empty() ? last : join(items, ", ") + " or " + last;
}

// The one attribute of `names` that is present; fails on none or several.
Expected<const char*> exactly_one_of(const XmlSource& source, const XMLElement* element,
                                     std::initializer_list<const char*> names) {
    const char* found = nullptr;
    for (const char* n : names) {
        const XMLAttribute* a = element->FindAttribute(n);
        if (!a)
            continue;
        if (found)
            return fail(source.error_at(
                element, a,
                fmt::format("{} takes only one of {}", tag(element), attribute_choice(names))));
        found = n;
    }
    if (!found)
        return fail(source.error_at(
            element, fmt::format("{} needs one of {}", tag(element), attribute_choice(names))));
    return found;
}

Status at_least_one_of(const XmlSource& source, const XMLElement* element,
                       std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (element->FindAttribute(n))
            return ok();
    return fail(source.error_at(element,
                                fmt::format("{} needs {}", tag(element), attribute_choice(names))));
}

// Whitespace separated words of a present attribute; fails when there are none.
Expected<std::vector<std::string>> words_of(const XmlSource& source, const XMLElement* element,
                                            const char* name, std::string_view what) {
    std::vector<std::string> words = split_words(attribute_value(element, name));
    if (words.empty())
        return fail(bad_value(source, element, name, fmt::format("expected {}", what)));
    return words;
}

Expected<std::optional<DateRef>> optional_date(const XmlSource& source, const XMLElement* element,
                                               const char* name) {
    const char* text = attribute_value(element, name);
    if (!text)
        return std::optional<DateRef>{};
    auto ref = parse_date_ref(trim(text));
    if (!ref)
        return fail(bad_value(source, element, name, ref.error().message));
    return std::optional<DateRef>{*ref};
}

Expected<std::optional<Span>> optional_span(const XmlSource& source, const XMLElement* element,
                                            const char* name) {
    const char* text = attribute_value(element, name);
    if (!text)
        return std::optional<Span>{};
    auto span = parse_span(trim(text));
    if (!span)
        return fail(bad_value(source, element, name, span.error().message));
    return std::optional<Span>{Span{*span, std::string(trim(text))}};
}

Expected<YesNo> yes_no(const XmlSource& source, const XMLElement* element, const char* name) {
    auto v = parse_yes_no(trim(attribute_value(element, name)));
    if (!v)
        return fail(bad_value(source, element, name, v.error().message));
    return *v;
}

Condition make(auto test, const XMLElement* element) {
    Condition c;
    c.test = std::move(test);
    c.line = element->GetLineNum();
    return c;
}

Expected<Condition> parse_published(const XmlSource& source, const XMLElement* e) {
    if (auto s = at_least_one_of(source, e, {"before", "after"}); !s)
        return fail(s.error());
    PublishedCondition c;
    auto before = optional_date(source, e, "before");
    if (!before)
        return fail(before.error());
    auto after = optional_date(source, e, "after");
    if (!after)
        return fail(after.error());
    c.before = *before;
    c.after = *after;
    return make(std::move(c), e);
}

Expected<Condition> parse_era(const XmlSource& source, const XMLElement* e) {
    auto which = exactly_one_of(source, e, {"is", "current"});
    if (!which)
        return fail(which.error());
    EraCondition c;
    if (std::string_view(*which) == "is") {
        auto ids = words_of(source, e, "is", "era ids separated by spaces");
        if (!ids)
            return fail(ids.error());
        c.ids = *ids;
    } else {
        auto current = yes_no(source, e, "current");
        if (!current)
            return fail(current.error());
        c.current = *current;
    }
    return make(std::move(c), e);
}

Expected<Condition> parse_owner(const XmlSource& source, const XMLElement* e) {
    if (!attribute_value(e, "missing"))
        return fail(source.error_at(e, "<owner> needs missing=\"yes\" or missing=\"no\""));
    auto missing = yes_no(source, e, "missing");
    if (!missing)
        return fail(missing.error());
    return make(OwnerCondition{*missing}, e);
}

Expected<Condition> parse_age(const XmlSource& source, const XMLElement* e) {
    if (auto s = at_least_one_of(source, e, {"at-least", "less-than"}); !s)
        return fail(s.error());
    AgeCondition c;
    auto at_least = optional_span(source, e, "at-least");
    if (!at_least)
        return fail(at_least.error());
    auto less_than = optional_span(source, e, "less-than");
    if (!less_than)
        return fail(less_than.error());
    c.at_least = *at_least;
    c.less_than = *less_than;
    return make(std::move(c), e);
}

Expected<Condition> parse_field(const XmlSource& source, const XMLElement* e) {
    auto key = required_attribute(source, e, "key");
    if (!key)
        return fail(key.error());
    auto which = exactly_one_of(source, e, {"equals", "in", "glob", "present"});
    if (!which)
        return fail(which.error());
    FieldCondition c;
    c.key = *key;
    std::string_view test = *which;
    std::string value = attribute_value(e, *which);
    if (test == "equals") {
        c.test = FieldCondition::Test::equals;
        c.values = {std::string(trim(value))};
    } else if (test == "in") {
        c.test = FieldCondition::Test::in;
        c.values = split_commas(value);
        if (c.values.empty())
            return fail(bad_value(source, e, "in", "expected values separated by commas"));
    } else if (test == "glob") {
        c.test = FieldCondition::Test::glob;
        if (trim(value).empty())
            return fail(bad_value(source, e, "glob", "expected a glob pattern"));
        c.values = {std::string(trim(value))};
    } else {
        c.test = FieldCondition::Test::present;
        auto present = yes_no(source, e, "present");
        if (!present)
            return fail(present.error());
        c.present = *present;
    }
    return make(std::move(c), e);
}

Expected<Condition> parse_tag(const XmlSource& source, const XMLElement* e) {
    auto which = exactly_one_of(source, e, {"in", "in-list"});
    if (!which)
        return fail(which.error());
    TagCondition c;
    if (std::string_view(*which) == "in") {
        auto tags = words_of(source, e, "in", "tags separated by spaces");
        if (!tags)
            return fail(tags.error());
        c.tags = *tags;
    } else {
        c.list = std::string(trim(attribute_value(e, "in-list")));
        if (c.list.empty())
            return fail(
                bad_value(source, e, "in-list", "expected the name of a list in the policy"));
    }
    return make(std::move(c), e);
}

Expected<Condition> parse_path(const XmlSource& source, const XMLElement* e) {
    auto glob = required_attribute(source, e, "glob", " (a pattern such as drafts/**)");
    if (!glob)
        return fail(glob.error());
    return make(PathCondition{*glob}, e);
}

Expected<Condition> parse_format(const XmlSource& source, const XMLElement* e) {
    auto is = required_attribute(source, e, "is", " (markdown, html or xml)");
    if (!is)
        return fail(is.error());
    auto formats = parse_formats(*is);
    if (!formats)
        return fail(bad_value(source, e, "is", formats.error().message));
    return make(FormatCondition{*formats}, e);
}

Expected<Condition> parse_missing(const XmlSource& source, const XMLElement* e) {
    auto field = required_attribute(source, e, "field", " (published, title, tags or a field key)");
    if (!field)
        return fail(field.error());
    return make(MissingCondition{*field}, e);
}

Expected<Condition> parse_opt_out(const XmlSource&, const XMLElement* e) {
    return make(OptOutCondition{}, e);
}

Expected<Condition> parse_flagged(const XmlSource& source, const XMLElement* e) {
    if (!attribute_value(e, "code"))
        return fail(
            source.error_at(e, "<flagged> needs a code=\"...\" attribute (e.g. date-mismatch)"));
    auto codes = words_of(source, e, "code", "flag codes separated by spaces");
    if (!codes)
        return fail(codes.error());
    return make(FlaggedCondition{*codes}, e);
}

Expected<Condition> parse_low_confidence(const XmlSource&, const XMLElement* e) {
    return make(LowConfidenceCondition{}, e);
}

Expected<Condition> parse_policy(const XmlSource& source, const XMLElement* e) {
    if (!attribute_value(e, "is"))
        return fail(source.error_at(e, "<policy> needs an is=\"...\" attribute (policy ids)"));
    auto ids = words_of(source, e, "is", "policy ids separated by spaces");
    if (!ids)
        return fail(ids.error());
    return make(PolicyCondition{*ids}, e);
}

Expected<Condition> parse_combinator(const XmlSource& source, const XMLElement* e,
                                     Combinator::Kind kind) {
    if (!e->FirstChildElement())
        return fail(
            source.error_at(e, fmt::format("{} needs at least one condition inside", tag(e))));
    auto children = parse_conditions(source, e);
    if (!children)
        return fail(children.error());
    return make(Combinator{kind, std::move(*children)}, e);
}

struct ConditionKind {
    std::string_view name;
    std::vector<std::string_view> attributes;
    ConditionParser parse;
};

const std::vector<ConditionKind>& condition_kinds() {
    using K = Combinator::Kind;
    auto combinator = [](K kind) {
        return [kind](const XmlSource& s, const XMLElement* e) {
            return parse_combinator(s, e, kind);
        };
    };
    static const std::vector<ConditionKind> k_kinds = {
        {"published", {"before", "after"}, parse_published},
        {"era", {"is", "current"}, parse_era},
        {"owner", {"missing"}, parse_owner},
        {"age", {"at-least", "less-than"}, parse_age},
        {"field", {"key", "equals", "in", "glob", "present"}, parse_field},
        {"tag", {"in", "in-list"}, parse_tag},
        {"path", {"glob"}, parse_path},
        {"format", {"is"}, parse_format},
        {"missing", {"field"}, parse_missing},
        {"opt-out", {}, parse_opt_out},
        {"flagged", {"code"}, parse_flagged},
        {"policy", {"is"}, parse_policy},
        {"low-confidence-date", {}, parse_low_confidence},
        {"all", {}, combinator(K::all)},
        {"any", {}, combinator(K::any)},
        {"not", {}, combinator(K::negation)},
    };
    return k_kinds;
}

Error unknown_condition(const XmlSource& source, const XMLElement* e) {
    std::vector<std::string> names;
    for (const ConditionKind& k : condition_kinds())
        names.emplace_back(k.name);
    std::string near = closest_match(e->Name(), names);
    if (!near.empty())
        return source.error_at(
            e, fmt::format("unknown condition {} (did you mean <{}>?)", tag(e), near));
    return source.error_at(
        e, fmt::format("unknown condition {} (expected one of <{}>)", tag(e), join(names, ">, <")));
}

Expected<Condition> parse_condition(const XmlSource& source, const XMLElement* e) {
    for (const ConditionKind& kind : condition_kinds()) {
        if (kind.name != e->Name())
            continue;
        if (auto s = source.check_attributes(e, kind.attributes); !s)
            return fail(s.error());
        bool combinator = kind.name == "all" || kind.name == "any" || kind.name == "not";
        if (!combinator) {
            if (auto s = source.check_no_children(e); !s)
                return fail(s.error());
        }
        return kind.parse(source, e);
    }
    return fail(unknown_condition(source, e));
}

}  // namespace

Expected<std::vector<Condition>> parse_conditions(const XmlSource& source,
                                                  const XMLElement* parent) {
    if (auto s = source.check_no_text(parent); !s)
        return fail(s.error());
    std::vector<Condition> conditions;
    for (const XMLElement* e = parent->FirstChildElement(); e; e = e->NextSiblingElement()) {
        auto c = parse_condition(source, e);
        if (!c)
            return fail(c.error());
        conditions.push_back(std::move(*c));
    }
    return conditions;
}

}  // namespace archtag::rules
