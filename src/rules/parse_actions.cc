// The action elements of a rule's <then>.
#include <fmt/format.h>
#include <tinyxml2.h>

#include <algorithm>

#include "rules/element_parsers.h"
#include "rules/template.h"
#include "util/strings.h"

namespace archtag::rules {

using tinyxml2::XMLElement;

namespace {

Action make(auto what, const XMLElement* element) {
    Action a;
    a.what = std::move(what);
    a.line = element->GetLineNum();
    return a;
}

// Rule texts may only use the placeholders the evaluator fills in.
Status check_placeholders(const XmlSource& source, const XMLElement* e, const char* name,
                          const std::string& text) {
    const std::vector<std::string>& known = rule_text_placeholders();
    for (const std::string& p : placeholders_in(text)) {
        if (std::find(known.begin(), known.end(), p) != known.end())
            continue;
        std::string near = closest_match(p, known);
        std::string hint = near.empty() ? fmt::format("expected one of {{{}}}", join(known, "}, {"))
                                        : fmt::format("did you mean {{{}}}?", near);
        return fail(
            source.error_at(e, e->FindAttribute(name),
                            fmt::format("unknown placeholder {{{}}} in {}= ({})", p, name, hint)));
    }
    return ok();
}

Expected<std::string> text_attribute(const XmlSource& source, const XMLElement* e,
                                     const char* name) {
    auto text = required_attribute(source, e, name);
    if (!text)
        return text;
    if (auto s = check_placeholders(source, e, name, *text); !s)
        return fail(s.error());
    return text;
}

Expected<Action> parse_exempt(const XmlSource& source, const XMLElement* e) {
    auto kind = required_attribute(source, e, "kind", " (archival, age or all)");
    if (!kind)
        return fail(kind.error());
    ExemptAction a;
    if (*kind == "archival") {
        a.scope = ExemptAction::Scope::archival;
    } else if (*kind == "age") {
        a.scope = ExemptAction::Scope::age;
    } else if (*kind == "all") {
        a.scope = ExemptAction::Scope::all;
    } else {
        return fail(bad_value(source, e, "kind", "expected archival, age or all"));
    }
    auto reason = text_attribute(source, e, "reason");
    if (!reason)
        return fail(reason.error());
    a.reason = *reason;
    return make(std::move(a), e);
}

Expected<FlagLevel> flag_level(const XmlSource& source, const XMLElement* e) {
    const char* text = e->Attribute("level");
    if (!text)
        return FlagLevel::warning;
    std::string_view level = trim(text);
    if (level == "info")
        return FlagLevel::info;
    if (level == "warning")
        return FlagLevel::warning;
    if (level == "error")
        return FlagLevel::error;
    return fail(bad_value(source, e, "level", "expected info, warning or error"));
}

Expected<Action> parse_flag(const XmlSource& source, const XMLElement* e) {
    FlagAction a;
    auto level = flag_level(source, e);
    if (!level)
        return fail(level.error());
    auto code = required_attribute(source, e, "code", " (e.g. no-owner)");
    if (!code)
        return fail(code.error());
    if (split_words(*code).size() != 1)
        return fail(bad_value(source, e, "code", "expected one code without spaces"));
    auto message = text_attribute(source, e, "message");
    if (!message)
        return fail(message.error());
    a.flag = Flag{*level, *code, *message};
    return make(std::move(a), e);
}

struct ActionKind {
    std::string_view name;
    std::vector<std::string_view> attributes;
};

const std::vector<ActionKind>& action_kinds() {
    static const std::vector<ActionKind> k_kinds = {
        {"archival-notice", {}},
        {"age-notice", {}},
        {"exempt", {"kind", "reason"}},
        {"flag", {"level", "code", "message"}},
    };
    return k_kinds;
}

Error unknown_action(const XmlSource& source, const XMLElement* e) {
    std::vector<std::string> names;
    for (const ActionKind& k : action_kinds())
        names.emplace_back(k.name);
    std::string near = closest_match(e->Name(), names);
    if (!near.empty())
        return source.error_at(e,
                               fmt::format("unknown action {} (did you mean <{}>?)", tag(e), near));
    return source.error_at(
        e, fmt::format("unknown action {} (expected one of <{}>)", tag(e), join(names, ">, <")));
}

Expected<Action> parse_action(const XmlSource& source, const XMLElement* e) {
    std::string_view name = e->Name();
    const ActionKind* kind = nullptr;
    for (const ActionKind& k : action_kinds())
        if (k.name == name)
            kind = &k;
    if (!kind)
        return fail(unknown_action(source, e));
    if (auto s = source.check_attributes(e, kind->attributes); !s)
        return fail(s.error());
    if (auto s = source.check_no_children(e); !s)
        return fail(s.error());
    if (name == "archival-notice")
        return make(NoticeAction{NoticeKind::archival}, e);
    if (name == "age-notice")
        return make(NoticeAction{NoticeKind::age}, e);
    if (name == "exempt")
        return parse_exempt(source, e);
    return parse_flag(source, e);
}

}  // namespace

Expected<std::vector<Action>> parse_actions(const XmlSource& source, const XMLElement* then) {
    if (auto s = source.check_no_text(then); !s)
        return fail(s.error());
    std::vector<Action> actions;
    for (const XMLElement* e = then->FirstChildElement(); e; e = e->NextSiblingElement()) {
        auto a = parse_action(source, e);
        if (!a)
            return fail(a.error());
        actions.push_back(std::move(*a));
    }
    if (actions.empty())
        return fail(source.error_at(then,
                                    "<then> needs at least one action (<archival-notice/>, "
                                    "<age-notice/>, <exempt/> or <flag/>)"));
    return actions;
}

}  // namespace archtag::rules
