// The <policy> root and its small sections: time zone, language,
// recognition, field mappings, lists and placement.
#include <fmt/format.h>
#include <tinyxml2.h>

#include <algorithm>
#include <map>
#include <set>

#include "policy/policy_reader.h"
#include "policy/xml_shape.h"
#include "util/strings.h"

namespace archtag::policy::detail {

namespace {

const Shape k_policy_shape{{"id", "name"},
                           {"version"},
                           {"time-zone", "language", "recognize", "fields", "ownership", "eras",
                            "notices", "lists", "placement", "dates"},
                           false};
const Shape k_text_only{{}, {}, {}, true};

// Text of a text-only element, which must not be empty.
Expected<std::string> required_text(const XmlSource& src, const Element& e, std::string_view what) {
    if (auto s = check_shape(src, e, k_text_only); !s)
        return fail(s.error());
    std::string text = collapsed_text(e);
    if (text.empty())
        return fail(src.at_element(e, fmt::format("empty <{}> (expected {})", e.Name(), what)));
    return text;
}

Status read_root(const XmlSource& src, const Element& root, Policy& policy) {
    if (std::string_view(root.Name()) != "policy")
        return fail(src.at_element(
            root, fmt::format("unexpected root element <{}> (expected <policy>)", root.Name())));
    if (auto s = check_shape(src, root, k_policy_shape); !s)
        return s;
    policy.id = trim(*attribute(root, "id"));
    policy.name = trim(*attribute(root, "name"));
    if (policy.id.find_first_of(" \t\r\n") != std::string::npos)
        return fail(src.at_attribute(
            root, "id",
            fmt::format("policy id '{}' contains white space (expected a short name such as "
                        "\"laist\")",
                        policy.id)));
    std::optional<std::string> version = attribute(root, "version");
    if (version && trim(*version) != "1")
        return fail(src.at_attribute(
            root, "version",
            fmt::format("unsupported policy version \"{}\" (expected 1)", *version)));
    return ok();
}

Status read_time_zone(const XmlSource& src, const Element& root, Policy& policy) {
    auto element = unique_child(src, root, "time-zone");
    if (!element)
        return fail(element.error());
    if (!*element)
        return fail(src.at_element(root,
                                   "missing <time-zone> in <policy> (expected an IANA name such as "
                                   "America/Los_Angeles)"));
    auto name = required_text(src, **element, "an IANA time zone name such as America/Los_Angeles");
    if (!name)
        return fail(name.error());
    auto zone = TimeZone::locate(*name);
    if (!zone)
        return fail(src.at_content(**element, zone.error().message));
    policy.time_zone = *name;
    return ok();
}

Status read_language(const XmlSource& src, const Element& root, Policy& policy) {
    auto element = unique_child(src, root, "language");
    if (!element)
        return fail(element.error());
    if (!*element)
        return ok();
    auto lang = required_text(src, **element, "a language code such as en");
    if (!lang)
        return fail(lang.error());
    policy.default_lang = *lang;
    return ok();
}

Status read_recognize(const XmlSource& src, const Element& recognize, Policy& policy) {
    if (auto s = check_shape(src, recognize, Shape{{}, {}, {"field", "path"}, false}); !s)
        return s;
    for (const Element* f : children_named(recognize, "field")) {
        if (auto s = check_shape(src, *f, Shape{{"key"}, {}, {}, true}); !s)
            return s;
        std::string key(trim(*attribute(*f, "key")));
        std::string value = collapsed_text(*f);
        if (value.empty())
            return fail(src.at_element(
                *f, fmt::format("empty <field key=\"{}\"> (expected a value to match)", key)));
        auto& matches = policy.recognition.fields;
        auto it = std::find_if(matches.begin(), matches.end(),
                               [&](const FieldMatch& m) { return m.key == key; });
        if (it == matches.end())
            it = matches.insert(matches.end(), FieldMatch{key, {}});
        it->values.push_back(value);
    }
    for (const Element* p : children_named(recognize, "path")) {
        if (auto s = check_shape(src, *p, Shape{{"glob"}, {}, {}, false}); !s)
            return s;
        policy.recognition.paths.emplace_back(trim(*attribute(*p, "glob")));
    }
    return ok();
}

Status read_fields(const XmlSource& src, const Element& fields, Policy& policy) {
    FieldMapping& m = policy.fields;
    const std::vector<std::pair<std::string, std::vector<std::string>*>> lists = {
        {"date", &m.date},         {"publication", &m.publication}, {"title", &m.title},
        {"tags", &m.tags},         {"section", &m.section},         {"type", &m.type},
        {"language", &m.language}, {"opt-out", &m.opt_out}};
    Shape shape{{}, {}, {}, false};
    for (const auto& [name, list] : lists)
        shape.children.push_back(name);
    if (auto s = check_shape(src, fields, shape); !s)
        return s;
    for (const auto& [name, list] : lists) {
        auto element = unique_child(src, fields, name);
        if (!element)
            return fail(element.error());
        if (!*element)
            continue;
        if (auto s = check_shape(src, **element, Shape{{"keys"}, {}, {}, false}); !s)
            return s;
        *list = split_words(*attribute(**element, "keys"));
    }
    return ok();
}

Status read_list(const XmlSource& src, const Element& list, Policy& policy) {
    if (auto s = check_shape(src, list, Shape{{"name"}, {}, {"item"}, false}); !s)
        return s;
    std::string name(trim(*attribute(list, "name")));
    if (policy.lists.count(name))
        return fail(src.at_attribute(list, "name", fmt::format("duplicate list name '{}'", name)));
    std::vector<std::string>& items = policy.lists[name];
    for (const Element* item : children_named(list, "item")) {
        auto text = required_text(src, *item, "a value");
        if (!text)
            return fail(text.error());
        items.push_back(*text);
    }
    return ok();
}

Status read_lists(const XmlSource& src, const Element& lists, Policy& policy) {
    if (auto s = check_shape(src, lists, Shape{{}, {}, {"list"}, false}); !s)
        return s;
    for (const Element* list : children_named(lists, "list"))
        if (auto s = read_list(src, *list, policy); !s)
            return s;
    return ok();
}

Status read_markdown_placement(const XmlSource& src, const Element& e, Policy& policy) {
    std::string markdown(trim(attribute(e, "markdown").value_or("body-top")));
    if (markdown == "body-top") {
        policy.placement.markdown = MarkdownPlacement::body_top;
    } else if (markdown == "front-matter") {
        policy.placement.markdown = MarkdownPlacement::front_matter;
    } else {
        return fail(src.at_attribute(
            e, "markdown",
            fmt::format(
                "unknown markdown=\"{}\" on <placement> (expected body-top or front-matter)",
                markdown)));
    }
    for (const auto& [attr, key] : {std::pair{"archival-key", &policy.placement.archival_key},
                                    std::pair{"age-key", &policy.placement.age_key}}) {
        std::optional<std::string> value = attribute(e, attr);
        if (!value)
            continue;
        if (trim(*value).empty())
            return fail(src.at_attribute(
                e, attr,
                fmt::format("empty attribute '{}' on <placement> (expected a key)", attr)));
        *key = trim(*value);
    }
    return ok();
}

bool needs_selector(HtmlAnchor a) {
    return a == HtmlAnchor::before_element || a == HtmlAnchor::after_element ||
           a == HtmlAnchor::element_start;
}

Status read_html_anchor(const XmlSource& src, const Element& e, Policy& policy) {
    static const std::vector<std::pair<std::string, HtmlAnchor>> k_anchors = {
        {"article-start", HtmlAnchor::article_start},
        {"body-start", HtmlAnchor::body_start},
        {"before", HtmlAnchor::before_element},
        {"after", HtmlAnchor::after_element},
        {"inside", HtmlAnchor::element_start}};
    std::string html(trim(attribute(e, "html").value_or("article-start")));
    auto it = std::find_if(k_anchors.begin(), k_anchors.end(),
                           [&](const auto& a) { return a.first == html; });
    if (it == k_anchors.end())
        return fail(src.at_attribute(e, "html",
                                     fmt::format("unknown html=\"{}\" on <placement> (expected "
                                                 "article-start, body-start, before, after or "
                                                 "inside)",
                                                 html)));
    policy.placement.html = it->second;
    std::string selector(trim(attribute(e, "html-selector").value_or("")));
    bool valid = selector.size() > 1 && (selector[0] == '#' || selector[0] == '.') &&
                 selector.find_first_of(" \t>+~[:") == std::string::npos;
    if (!selector.empty() && !valid)
        return fail(src.at_attribute(
            e, "html-selector",
            fmt::format("html-selector \"{}\" is not \"#id\" or \".class\"", selector)));
    if (needs_selector(it->second) && selector.empty())
        return fail(src.at_element(
            e, fmt::format("html=\"{}\" on <placement> needs html-selector=\"#id\" or "
                           "html-selector=\".class\"",
                           html)));
    policy.placement.html_selector = selector;
    return ok();
}

// Names of the {placeholders} in `text`: braces around a lower-case word.
std::vector<std::string> placeholders_of(std::string_view text) {
    std::vector<std::string> names;
    for (std::size_t open = text.find('{'); open != text.npos; open = text.find('{', open + 1)) {
        std::size_t close = text.find('}', open);
        if (close == text.npos)
            break;
        std::string_view name = text.substr(open + 1, close - open - 1);
        bool word = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || c == '_';
        });
        if (word)
            names.emplace_back(name);
    }
    return names;
}

// The markup of HTML stamps, in CDATA so it may hold tags.
Status read_html_template(const XmlSource& src, const Element& e, Policy& policy) {
    auto t = unique_child(src, e, "html-template");
    if (!t)
        return fail(t.error());
    if (!*t)
        return ok();
    const char* text = (*t)->GetText();
    std::string markup = text ? std::string(trim(text)) : std::string();
    if (markup.find("{text}") == std::string::npos)
        return fail(src.at_element(**t,
                                   "<html-template> must contain {text} (it may also use "
                                   "{kind} and {link}); write the markup inside "
                                   "<![CDATA[ ... ]]>"));
    for (const std::string& name : placeholders_of(markup))
        if (name != "text" && name != "kind" && name != "link")
            return fail(src.at_element(
                **t, fmt::format("unknown placeholder {{{}}} in <html-template> (expected "
                                 "{{text}}, {{kind}} or {{link}})",
                                 name)));
    policy.placement.html_template = markup;
    return ok();
}

Status read_placement(const XmlSource& src, const Element& e, Policy& policy) {
    const Shape shape{{},
                      {"markdown", "archival-key", "age-key", "html", "html-selector"},
                      {"html-template"},
                      false};
    if (auto s = check_shape(src, e, shape); !s)
        return s;
    if (auto s = read_markdown_placement(src, e, policy); !s)
        return s;
    if (auto s = read_html_anchor(src, e, policy); !s)
        return s;
    return read_html_template(src, e, policy);
}

// <dates low-confidence="review|stamp" from-git-history="yes|no"/>: what to
// do with a publication date read from prose (a visible dateline) rather than
// from metadata, and whether git sweeps date undated articles by history.
Status read_dates(const XmlSource& src, const Element& e, Policy& policy) {
    if (auto s = check_shape(src, e, Shape{{}, {"low-confidence", "from-git-history"}, {}, false});
        !s)
        return s;
    std::string history(trim(attribute(e, "from-git-history").value_or("no")));
    if (history != "yes" && history != "no")
        return fail(src.at_attribute(
            e, "from-git-history",
            fmt::format("unknown from-git-history=\"{}\" on <dates> (expected yes or no)",
                        history)));
    policy.date_from_git_history = history == "yes";
    std::string value(trim(attribute(e, "low-confidence").value_or("review")));
    if (value == "review") {
        policy.low_confidence = LowConfidence::review;
    } else if (value == "stamp") {
        policy.low_confidence = LowConfidence::stamp;
    } else {
        return fail(src.at_attribute(
            e, "low-confidence",
            fmt::format("unknown low-confidence=\"{}\" on <dates> (expected review or stamp)",
                        value)));
    }
    return ok();
}

// Runs `read` on the optional child `name` of the root.
template <typename Read>
Status optional_section(const XmlSource& src, const Element& root, std::string_view name,
                        Policy& policy, Read read) {
    auto element = unique_child(src, root, name);
    if (!element)
        return fail(element.error());
    if (!*element)
        return ok();
    return read(src, **element, policy);
}

}  // namespace

Expected<Policy> read_policy(const XmlSource& src) {
    Policy policy;
    policy.source_path = src.path();
    const Element& root = src.root();
    if (auto s = read_root(src, root, policy); !s)
        return fail(s.error());
    if (auto s = read_time_zone(src, root, policy); !s)
        return fail(s.error());
    if (auto s = read_language(src, root, policy); !s)
        return fail(s.error());
    using Reader = Status (*)(const XmlSource&, const Element&, Policy&);
    const std::vector<std::pair<std::string_view, Reader>> sections = {
        {"recognize", read_recognize}, {"fields", read_fields},   {"ownership", read_ownership},
        {"eras", read_eras},           {"notices", read_notices}, {"lists", read_lists},
        {"placement", read_placement}, {"dates", read_dates}};
    for (const auto& [name, read] : sections)
        if (auto s = optional_section(src, root, name, policy, read); !s)
            return fail(s.error());
    if (policy.units.empty())
        policy.units.push_back(AgeUnits{"en"});
    return policy;
}

}  // namespace archtag::policy::detail
