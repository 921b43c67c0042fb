// Owners and eras: periods [from, until) in declaration order that must be
// chronological and must not overlap. Gaps are allowed (a publication can be
// without an owner for a while).
#include <fmt/format.h>
#include <tinyxml2.h>

#include <map>

#include "model/timestamp.h"
#include "policy/policy_reader.h"
#include "policy/xml_shape.h"

namespace archtag::policy::detail {

namespace {

template <typename Period>
Status read_period(const XmlSource& src, const Element& e, Period& p) {
    p.id = attribute(e, "id").value_or("");
    p.name = attribute(e, "name").value_or("");
    p.line = e.GetLineNum();
    auto from = date_attribute(src, e, "from");
    if (!from)
        return fail(from.error());
    auto until = date_attribute(src, e, "until");
    if (!until)
        return fail(until.error());
    p.from = *from;
    p.until = *until;
    if (p.from && p.until && !(*p.from < *p.until))
        return fail(src.at_attribute(
            e, "until",
            fmt::format("{} '{}' ends before it starts (until=\"{}\" is not after from=\"{}\")",
                        e.Name(), p.id, format_date(*p.until), format_date(*p.from))));
    return ok();
}

template <typename Period>
Status check_unique_ids(const XmlSource& src, const std::vector<const Element*>& elements,
                        const std::vector<Period>& periods) {
    std::map<std::string, int> seen;
    for (std::size_t i = 0; i < periods.size(); ++i) {
        auto [it, fresh] = seen.emplace(periods[i].id, periods[i].line);
        if (!fresh)
            return fail(
                src.at_attribute(*elements[i], "id",
                                 fmt::format("duplicate {} id '{}' (first declared on line {})",
                                             elements[i]->Name(), periods[i].id, it->second)));
    }
    return ok();
}

// Each period must start where or after the previous one ends.
template <typename Period>
Status check_chronology(const XmlSource& src, const std::vector<const Element*>& elements,
                        const std::vector<Period>& periods) {
    for (std::size_t i = 1; i < periods.size(); ++i) {
        const Period& prev = periods[i - 1];
        const Period& cur = periods[i];
        const Element& e = *elements[i];
        std::string what = e.Name();
        if (!cur.from)
            return fail(src.at_element(
                e, fmt::format("{} '{}' has no from= date (only the first {} may start open-ended)",
                               what, cur.id, what)));
        if (prev.from && *cur.from < *prev.from)
            return fail(src.at_attribute(
                e, "from",
                fmt::format("{} '{}' starts {}, before {} '{}' (from {}) (expected {}s in "
                            "chronological order)",
                            what, cur.id, format_date(*cur.from), what, prev.id,
                            format_date(*prev.from), what)));
        if (!prev.until)
            return fail(src.at_element(
                *elements[i - 1],
                fmt::format("{} '{}' has no until= date but is followed by {} '{}' (only the last "
                            "{} may be open-ended)",
                            what, prev.id, what, cur.id, what)));
        if (*cur.from < *prev.until)
            return fail(src.at_attribute(
                e, "from",
                fmt::format(
                    "{} '{}' starts {}, before {} '{}' ends on {} (expected periods that do "
                    "not overlap)",
                    what, cur.id, format_date(*cur.from), what, prev.id,
                    format_date(*prev.until))));
    }
    return ok();
}

template <typename Period>
Expected<std::vector<Period>> read_periods(const XmlSource& src, const Element& parent,
                                           const char* child, const Shape& shape) {
    if (auto s = check_shape(src, parent, Shape{{}, {}, {child}, false}); !s)
        return fail(s.error());
    std::vector<const Element*> elements = children_named(parent, child);
    std::vector<Period> periods;
    for (const Element* e : elements) {
        if (auto s = check_shape(src, *e, shape); !s)
            return fail(s.error());
        Period p;
        if (auto s = read_period(src, *e, p); !s)
            return fail(s.error());
        periods.push_back(std::move(p));
    }
    if (auto s = check_unique_ids(src, elements, periods); !s)
        return fail(s.error());
    if (auto s = check_chronology(src, elements, periods); !s)
        return fail(s.error());
    return periods;
}

std::string owner_hint(const std::string& wanted, const std::vector<Owner>& owners) {
    if (owners.empty())
        return "(no <owner> is declared in <ownership>)";
    std::vector<std::string> ids;
    for (const Owner& o : owners)
        ids.push_back(o.id);
    return suggestion(wanted, ids, "'", "'");
}

}  // namespace

Status read_ownership(const XmlSource& src, const Element& ownership, Policy& policy) {
    auto owners = read_periods<Owner>(src, ownership, "owner",
                                      Shape{{"id", "name"}, {"from", "until"}, {}, false});
    if (!owners)
        return fail(owners.error());
    policy.owners = std::move(*owners);
    return ok();
}

Status read_eras(const XmlSource& src, const Element& eras_element, Policy& policy) {
    auto eras = read_periods<Era>(src, eras_element, "era",
                                  Shape{{"id", "name", "owner"}, {"from", "until"}, {}, false});
    if (!eras)
        return fail(eras.error());
    std::vector<const Element*> elements = children_named(eras_element, "era");
    for (std::size_t i = 0; i < eras->size(); ++i) {
        Era& era = (*eras)[i];
        era.owner = attribute(*elements[i], "owner").value_or("");
        if (policy.owner_by_id(era.owner))
            continue;
        return fail(src.at_attribute(*elements[i], "owner",
                                     fmt::format("era '{}' refers to unknown owner '{}' {}", era.id,
                                                 era.owner, owner_hint(era.owner, policy.owners))));
    }
    policy.eras = std::move(*eras);
    return ok();
}

}  // namespace archtag::policy::detail
