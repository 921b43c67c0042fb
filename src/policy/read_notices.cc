// <notices>: the archival and age notice templates, age arithmetic, minimum
// and unit words.
#include <fmt/format.h>
#include <tinyxml2.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "policy/policy_reader.h"
#include "policy/xml_shape.h"
#include "util/strings.h"

namespace archtag::policy::detail {

namespace {

const std::vector<std::string> k_placeholders = {"publication",   "owner_then", "owner_now",
                                                 "era_then",      "era_now",    "acquired",
                                                 "acquired_long", "age",        "published"};

Status check_placeholders(const XmlSource& src, const Element& e, const std::string& text) {
    for (std::size_t open = text.find('{'); open != text.npos; open = text.find('{', open + 1)) {
        std::size_t close = text.find('}', open);
        if (close == text.npos)
            return fail(src.at_content_text(
                e, "{",
                fmt::format(
                    "unclosed '{{' in <template> (expected a placeholder such as {{owner_now}})")));
        std::string name = text.substr(open + 1, close - open - 1);
        if (std::find(k_placeholders.begin(), k_placeholders.end(), name) != k_placeholders.end())
            continue;
        std::string placeholder = "{" + name + "}";
        return fail(
            src.at_content_text(e, placeholder,
                                fmt::format("unknown placeholder {} in <template> {}", placeholder,
                                            suggestion(name, k_placeholders, "{", "}"))));
    }
    return ok();
}

Expected<NoticeTemplate> read_template(const XmlSource& src, const Element& e, const Shape& shape,
                                       const Policy& policy) {
    if (auto s = check_shape(src, e, shape); !s)
        return fail(s.error());
    NoticeTemplate t;
    t.lang = attribute(e, "lang").value_or(policy.default_lang);
    t.link_url = attribute(e, "link").value_or("");
    t.link_text = join(split_words(attribute(e, "link-text").value_or("")), " ");
    t.text = collapsed_text(e);
    if (t.text.empty())
        return fail(
            src.at_element(e, fmt::format("empty <template> in <{}> (expected the notice text)",
                                          e.Parent()->Value())));
    if (!t.link_text.empty() && t.link_url.empty())
        return fail(
            src.at_attribute(e, "link-text",
                             "link-text on <template> needs a link= as well (expected the URL "
                             "the words point to)"));
    if (auto s = check_placeholders(src, e, t.text); !s)
        return fail(s.error());
    return t;
}

// The templates of one notice, each language at most once.
Expected<NoticeSpec> read_notice(const XmlSource& src, const Element& e,
                                 const Shape& template_shape, const Policy& policy) {
    NoticeSpec spec;
    auto enabled = yes_no_attribute(src, e, "enabled");
    if (!enabled)
        return fail(enabled.error());
    spec.enabled = *enabled;
    std::set<std::string> langs;
    for (const Element* t : children_named(e, "template")) {
        auto tpl = read_template(src, *t, template_shape, policy);
        if (!tpl)
            return fail(tpl.error());
        if (!langs.insert(tpl->lang).second)
            return fail(
                src.at_element(*t, fmt::format("duplicate <template> for language '{}' in <{}>",
                                               tpl->lang, e.Name())));
        spec.templates.push_back(std::move(*tpl));
    }
    if (spec.enabled && spec.templates.empty())
        return fail(src.at_element(
            e, fmt::format("<{}> is enabled but has no <template> (expected at least one)",
                           e.Name())));
    return spec;
}

Status read_archival(const XmlSource& src, const Element& e, Policy& policy) {
    if (auto s = check_shape(src, e, Shape{{"enabled"}, {}, {"template"}, false}); !s)
        return s;
    auto spec = read_notice(src, e, Shape{{}, {"lang", "link", "link-text"}, {}, true}, policy);
    if (!spec)
        return fail(spec.error());
    if (spec->enabled && policy.eras.empty())
        return fail(
            src.at_element(e,
                           "the archival notice is enabled but no <era> is declared (expected "
                           "<eras> with at least one <era>; the last one is current)"));
    policy.archival = std::move(*spec);
    return ok();
}

Status read_arithmetic(const XmlSource& src, const Element& e, Policy& policy) {
    std::string raw = attribute(e, "arithmetic").value_or("calendar");
    std::string word = std::string(trim(raw));
    if (word == "calendar") {
        policy.arithmetic = AgeArithmetic::calendar;
    } else if (word == "guardian") {
        policy.arithmetic = AgeArithmetic::guardian;
    } else {
        return fail(src.at_attribute(
            e, "arithmetic",
            fmt::format("unknown arithmetic=\"{}\" on <age> (expected calendar or guardian)",
                        raw)));
    }
    return ok();
}

Status read_minimum(const XmlSource& src, const Element& e, Policy& policy) {
    std::optional<std::string> raw = attribute(e, "minimum");
    if (!raw)
        return ok();
    std::optional<AgeThreshold> span = parse_age_span(trim(*raw));
    if (!span)
        return fail(src.at_attribute(
            e, "minimum",
            fmt::format("bad minimum=\"{}\" on <age> (expected a span like 1y, 6m, 30d or 1y6m)",
                        *raw)));
    policy.age_minimum = *span;
    return ok();
}

Expected<AgeUnits> read_units(const XmlSource& src, const Element& e, const Policy& policy) {
    if (auto s =
            check_shape(src, e, Shape{{"year", "years", "month", "months"}, {"lang"}, {}, false});
        !s)
        return fail(s.error());
    AgeUnits u;
    u.lang = attribute(e, "lang").value_or(policy.default_lang);
    u.year = trim(*attribute(e, "year"));
    u.years = trim(*attribute(e, "years"));
    u.month = trim(*attribute(e, "month"));
    u.months = trim(*attribute(e, "months"));
    return u;
}

bool has_units(const std::vector<AgeUnits>& units, const std::string& lang) {
    return std::any_of(units.begin(), units.end(),
                       [&](const AgeUnits& u) { return u.lang == lang; });
}

Status read_all_units(const XmlSource& src, const Element& e, Policy& policy) {
    for (const Element* u : children_named(e, "units")) {
        auto units = read_units(src, *u, policy);
        if (!units)
            return fail(units.error());
        if (has_units(policy.units, units->lang))
            return fail(src.at_element(
                *u, fmt::format("duplicate <units> for language '{}' in <age>", units->lang)));
        policy.units.push_back(std::move(*units));
    }
    // English words are built in, so an English-only policy needs no <units>.
    if (!has_units(policy.units, "en"))
        policy.units.push_back(AgeUnits{"en"});
    return ok();
}

Status check_age_templates(const XmlSource& src, const Element& e, const Policy& policy) {
    std::vector<const Element*> elements = children_named(e, "template");
    for (std::size_t i = 0; i < policy.age.templates.size(); ++i) {
        const NoticeTemplate& t = policy.age.templates[i];
        if (t.text.find("{age}") == std::string::npos)
            return fail(src.at_content(
                *elements[i],
                fmt::format("age notice template for language '{}' has no {{age}} placeholder "
                            "(expected text such as \"This article is more than {{age}} old\")",
                            t.lang)));
        if (!has_units(policy.units, t.lang))
            return fail(src.at_element(
                *elements[i],
                fmt::format("no <units> for language '{}' in <age> (expected <units lang=\"{}\" "
                            "year=\"...\" years=\"...\" month=\"...\" months=\"...\"/>)",
                            t.lang, t.lang)));
    }
    return ok();
}

Status read_age(const XmlSource& src, const Element& e, Policy& policy) {
    if (auto s = check_shape(
            src, e, Shape{{"enabled"}, {"arithmetic", "minimum"}, {"template", "units"}, false});
        !s)
        return s;
    if (auto s = read_arithmetic(src, e, policy); !s)
        return s;
    if (auto s = read_minimum(src, e, policy); !s)
        return s;
    auto spec = read_notice(src, e, Shape{{}, {"lang"}, {}, true}, policy);
    if (!spec)
        return fail(spec.error());
    policy.age = std::move(*spec);
    if (auto s = read_all_units(src, e, policy); !s)
        return s;
    return check_age_templates(src, e, policy);
}

}  // namespace

std::optional<AgeThreshold> parse_age_span(std::string_view text) {
    AgeThreshold span;
    const std::string_view units = "ymd";
    std::size_t next_unit = 0;  // units must come in the order y, m, d
    std::size_t i = 0;
    if (text.empty())
        return std::nullopt;
    while (i < text.size()) {
        std::size_t digits_begin = i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
            ++i;
        if (i == digits_begin || i - digits_begin > 4 || i == text.size())
            return std::nullopt;
        int value = std::stoi(std::string(text.substr(digits_begin, i - digits_begin)));
        std::size_t unit = units.find(text[i], next_unit);
        if (unit == units.npos)
            return std::nullopt;
        (unit == 0 ? span.years : unit == 1 ? span.months : span.days) = value;
        next_unit = unit + 1;
        ++i;
    }
    return span;
}

Status read_notices(const XmlSource& src, const Element& notices, Policy& policy) {
    if (auto s = check_shape(src, notices, Shape{{}, {}, {"archival", "age"}, false}); !s)
        return s;
    auto archival = unique_child(src, notices, "archival");
    if (!archival)
        return fail(archival.error());
    auto age = unique_child(src, notices, "age");
    if (!age)
        return fail(age.error());
    if (*archival)
        if (auto s = read_archival(src, **archival, policy); !s)
            return s;
    if (*age)
        if (auto s = read_age(src, **age, policy); !s)
            return s;
    return ok();
}

}  // namespace archtag::policy::detail
