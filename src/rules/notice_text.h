#pragma once
// Internal to src/rules: the words of notices and rule texts for one article.
#include <optional>
#include <string>

#include "rules/age.h"
#include "rules/facts.h"
#include "rules/template.h"

namespace archtag::rules {

// Placeholder values for this article; `age` is left for the caller.
TemplateValues template_values(const Facts& facts);

// The template for the article's language, else the policy's default
// language, else the first one; nullptr when the spec has none.
const NoticeTemplate* choose_template(const NoticeSpec& spec, const Facts& facts);

// The age phrase under the policy's arithmetic and minimum, or why there is none.
struct AgeOutcome {
    std::optional<AgePhrase> phrase;
    std::string why_not;
};
AgeOutcome article_age(const Facts& facts);

}  // namespace archtag::rules
