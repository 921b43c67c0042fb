#include "rules/notice_text.h"

#include <fmt/format.h>

#include "rules/language.h"

namespace archtag::rules {

namespace {

std::string owner_name(const Policy& policy, const Era* era) {
    if (!era)
        return {};
    const Owner* owner = policy.owner_by_id(era->owner);
    return owner ? owner->name : std::string();
}

bool below_minimum(const Facts& f) {
    AgeThreshold minimum = f.policy.age_minimum;
    if (minimum == AgeThreshold{})
        return false;
    return std::chrono::sys_days{f.as_of_day} <
           std::chrono::sys_days{add_span(*f.published_day, minimum)};
}

std::string minimum_text(const Policy& policy) {
    return policy.age_minimum == AgeThreshold{} ? "1m (no minimum set)"
                                                : format_span(policy.age_minimum);
}

}  // namespace

TemplateValues template_values(const Facts& f) {
    TemplateValues v;
    const Era* now = f.policy.current_era();
    v.publication = f.policy.name;
    v.owner_then = f.where.owner ? f.where.owner->name : "";
    v.owner_now = owner_name(f.policy, now);
    v.era_then = f.where.era ? f.where.era->name : "";
    v.era_now = now ? now->name : "";
    if (now && now->from) {
        v.acquired = format_date(*now->from);
        v.acquired_long = format_date_long(*now->from);
    }
    v.published = f.meta.published ? f.meta.published->iso() : "";
    v.day = f.published_day ? format_date(*f.published_day) : "";
    v.reason = f.meta.opt_out_reason.value_or("");
    return v;
}

const NoticeTemplate* choose_template(const NoticeSpec& spec, const Facts& f) {
    if (spec.templates.empty())
        return nullptr;
    for (const std::string& lang : {f.meta.language, f.policy.default_lang})
        for (const NoticeTemplate& t : spec.templates)
            if (same_language(t.lang, lang))
                return &t;
    return &spec.templates.front();
}

AgeOutcome article_age(const Facts& f) {
    if (!f.published || !f.published_day)
        return {std::nullopt, "the article is undated"};
    std::string span = fmt::format("published {}, as of {}", format_date(*f.published_day),
                                   format_date(f.as_of_day));
    if (f.policy.arithmetic == AgeArithmetic::calendar) {
        auto phrase = calendar_age(*f.published_day, f.as_of_day, f.policy.age_minimum);
        if (!phrase)
            return {std::nullopt, fmt::format("younger than the minimum age {} ({})",
                                              minimum_text(f.policy), span)};
        return {phrase, {}};
    }
    if (below_minimum(f))
        return {std::nullopt, fmt::format("younger than the minimum age {} ({})",
                                          format_span(f.policy.age_minimum), span)};
    auto phrase = guardian_age(*f.published, f.as_of);
    if (!phrase) {
        double elapsed = static_cast<double>((f.as_of - *f.published).count()) / 86400.0;
        return {
            std::nullopt,
            fmt::format("{:.1f} days old; guardian arithmetic needs more than 31 days", elapsed)};
    }
    return {phrase, {}};
}

}  // namespace archtag::rules
