#include "rules/decide.h"

#include <fmt/format.h>

#include <array>

#include "rules/conditions.h"
#include "rules/notice_text.h"
#include "rules/template.h"
#include "util/strings.h"

namespace archtag::rules {

namespace {

// Who decided one notice kind so far, and the notice if one is due.
struct KindState {
    std::string decided_by;  // rule id; empty while undecided
    std::optional<Notice> notice;
};

class Evaluation {
  public:
    Evaluation(const Facts& facts, Decision& decision) : m_facts(facts), m_decision(decision) {
        m_values = template_values(facts);
        m_age = article_age(facts);
        if (m_age.phrase)
            m_values.age = format_age(*m_age.phrase, units_for(facts.policy, "en"));
    }

    // Runs the actions of a matched rule; returns the trace effects.
    std::vector<std::string> apply(const Rule& rule) {
        std::vector<std::string> effects;
        for (const Action& action : rule.then)
            std::visit([&](const auto& a) { run(a, rule, effects); }, action.what);
        return effects;
    }

    const TemplateValues& values() const { return m_values; }

    void finish() {
        for (KindState& s : m_kinds)
            if (s.notice)
                m_decision.notices.push_back(std::move(*s.notice));
    }

  private:
    KindState& state(NoticeKind kind) { return m_kinds[kind == NoticeKind::archival ? 0 : 1]; }
    const NoticeSpec& spec(NoticeKind kind) const {
        return kind == NoticeKind::archival ? m_facts.policy.archival : m_facts.policy.age;
    }

    void run(const NoticeAction& a, const Rule& rule, std::vector<std::string>& effects) {
        std::string_view kind = to_string(a.kind);
        KindState& s = state(a.kind);
        if (!s.decided_by.empty()) {
            effects.push_back(fmt::format("{} notice: shadowed by rule {}", kind, s.decided_by));
            return;
        }
        const NoticeSpec& notice_spec = spec(a.kind);
        const NoticeTemplate* tmpl =
            notice_spec.enabled ? choose_template(notice_spec, m_facts) : nullptr;
        if (!tmpl) {
            effects.push_back(fmt::format("policy has no {} notice; decides nothing", kind));
            return;
        }
        if (a.kind == NoticeKind::age && !m_age.phrase) {
            effects.push_back(fmt::format("no age notice: {}; decides nothing", m_age.why_not));
            return;
        }
        s.decided_by = rule.id;
        s.notice = render(a.kind, *tmpl);
        effects.push_back(
            fmt::format("adds {} notice ({}): \"{}\"", kind, tmpl->lang, s.notice->text));
    }

    void run(const ExemptAction& a, const Rule& rule, std::vector<std::string>& effects) {
        std::string reason = render_template(a.reason, m_values);
        for (NoticeKind kind : {NoticeKind::archival, NoticeKind::age}) {
            if (a.scope == ExemptAction::Scope::archival && kind != NoticeKind::archival)
                continue;
            if (a.scope == ExemptAction::Scope::age && kind != NoticeKind::age)
                continue;
            KindState& s = state(kind);
            if (!s.decided_by.empty()) {
                effects.push_back(fmt::format("{} exemption: shadowed by rule {}", to_string(kind),
                                              s.decided_by));
                continue;
            }
            s.decided_by = rule.id;
            if (m_decision.exempt_reason.empty())
                m_decision.exempt_reason = reason;
            effects.push_back(fmt::format("exempt from {} notice: {}", to_string(kind), reason));
        }
    }

    void run(const FlagAction& a, const Rule&, std::vector<std::string>& effects) {
        Flag flag = a.flag;
        flag.message = render_template(a.flag.message, m_values);
        effects.push_back(
            fmt::format("flags {} {}: {}", to_string(flag.level), flag.code, flag.message));
        m_decision.flags.push_back(std::move(flag));
    }

    Notice render(NoticeKind kind, const NoticeTemplate& tmpl) const {
        TemplateValues values = m_values;
        if (m_age.phrase)
            values.age = format_age(*m_age.phrase, units_for(m_facts.policy, tmpl.lang));
        return Notice{kind, render_template(tmpl.text, values), tmpl.lang, tmpl.link_url,
                      tmpl.link_text};
    }

    const Facts& m_facts;
    Decision& m_decision;
    TemplateValues m_values;
    AgeOutcome m_age;
    std::array<KindState, 2> m_kinds;  // archival, age
};

TraceStep step_for(const Rule& rule) {
    TraceStep step;
    step.rule = rule.id;
    step.where = rule.where();
    return step;
}

Decision unclaimed(const ArticleMeta& meta) {
    Decision d;
    d.flags = meta.flags;
    TraceStep step;
    step.reasons.push_back("no policy claims this article");
    step.effect = "no rules evaluated";
    d.trace.push_back(std::move(step));
    return d;
}

}  // namespace

Decision decide(const RuleSet& rules, const ArticleMeta& meta, const Resolution& where,
                Instant as_of, Trace trace) {
    if (!where.policy)
        return unclaimed(meta);
    Decision decision;
    decision.flags = meta.flags;
    decision.era = where.era ? where.era->id : "";
    decision.owner = where.owner ? where.owner->name : "";

    Facts facts = gather_facts(meta, where, *where.policy, as_of);
    Evaluation evaluation(facts, decision);
    const Rule* final_rule = nullptr;
    const bool tracing = trace == Trace::yes;
    for (const Rule& rule : rules.rules) {
        if (final_rule && !tracing)
            break;
        TraceStep step = tracing ? step_for(rule) : TraceStep{};
        if (final_rule) {
            step.effect = fmt::format("not evaluated: rule {} is final", final_rule->id);
            decision.trace.push_back(std::move(step));
            continue;
        }
        step.matched = true;
        for (const Condition& c : rule.when)
            step.matched = holds(c, facts, tracing ? &step.reasons : nullptr) && step.matched;
        if (rule.when.empty())
            step.reasons.push_back("no conditions: always matches");
        std::vector<std::string> effects;
        if (step.matched) {
            effects = evaluation.apply(rule);
            if (rule.final == YesNo::yes) {
                final_rule = &rule;
                effects.push_back("final: later rules are not evaluated");
            }
        }
        if (!tracing)
            continue;
        step.effect = step.matched ? join(effects, "; ") : "no match";
        decision.trace.push_back(std::move(step));
    }
    evaluation.finish();
    const TemplateValues& v = evaluation.values();
    decision.era_name = v.era_then;
    decision.owner_now = v.owner_now;
    decision.era_now_start = v.acquired;
    decision.published_day = v.day;
    decision.age = v.age;
    return decision;
}

}  // namespace archtag::rules
