#include "rules/references.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "util/file.h"
#include "util/strings.h"

namespace archtag::rules {

namespace {

// Every name the loaded policies define, by kind.
struct Known {
    std::set<std::string> eras;
    std::set<std::string> lists;
    std::set<std::string> policies;
};

Known known_names(const std::vector<Policy>& policies) {
    Known k;
    for (const Policy& p : policies) {
        k.policies.insert(p.id);
        for (const Era& e : p.eras)
            k.eras.insert(e.id);
        for (const auto& [name, items] : p.lists)
            k.lists.insert(name);
    }
    return k;
}

struct Unknown {
    std::string what;  // "era", "list", "policy"
    std::string name;
    int line = 0;
};

class Finder {
  public:
    explicit Finder(const Known& known) : m_known(known) {}

    std::optional<Unknown> in(const std::vector<Condition>& conditions) {
        for (const Condition& c : conditions) {
            m_line = c.line;
            if (auto u = std::visit(*this, c.test))
                return u;
        }
        return std::nullopt;
    }

    std::optional<Unknown> operator()(const PublishedCondition& c) {
        for (const auto& ref : {c.before, c.after})
            if (ref &&
                (ref->kind == DateRef::Kind::era_start || ref->kind == DateRef::Kind::era_end))
                if (auto u = check("era", ref->era, m_known.eras))
                    return u;
        return std::nullopt;
    }
    std::optional<Unknown> operator()(const EraCondition& c) {
        return check_all("era", c.ids, m_known.eras);
    }
    std::optional<Unknown> operator()(const TagCondition& c) {
        return c.list.empty() ? std::nullopt : check("list", c.list, m_known.lists);
    }
    std::optional<Unknown> operator()(const PolicyCondition& c) {
        return check_all("policy", c.ids, m_known.policies);
    }
    std::optional<Unknown> operator()(const Combinator& c) {
        return Finder(m_known).in(c.children);
    }
    template <typename Other>
    std::optional<Unknown> operator()(const Other&) {
        return std::nullopt;
    }

  private:
    std::optional<Unknown> check(const char* what, const std::string& name,
                                 const std::set<std::string>& known) {
        if (known.count(name))
            return std::nullopt;
        return Unknown{what, name, m_line};
    }
    std::optional<Unknown> check_all(const char* what, const std::vector<std::string>& names,
                                     const std::set<std::string>& known) {
        for (const std::string& n : names)
            if (auto u = check(what, n, known))
                return u;
        return std::nullopt;
    }

    const Known& m_known;
    int m_line = 0;
};

Error unknown_name_error(const Rule& rule, const Unknown& u, const std::set<std::string>& known) {
    auto text = read_file(rule.file, 16 << 20);
    std::string line = text ? line_of(*text, u.line) : std::string();
    std::size_t col = line.find(u.name);
    std::vector<std::string> names(known.begin(), known.end());
    if (u.what == "era")
        names.insert(names.begin(), "current");  // era:current is always valid
    std::string hint = closest_match(u.name, names);
    std::string expected = hint.empty()
                               ? fmt::format("(the loaded policies define: {})", join(names, ", "))
                               : fmt::format("(did you mean '{}'?)", hint);
    return make_error_at(rule.file, u.line,
                         col == std::string::npos ? 0 : static_cast<int>(col) + 1,
                         fmt::format("rule '{}' names {} '{}', which no loaded policy defines {}",
                                     rule.id, u.what, u.name, expected),
                         line);
}

}  // namespace

Status check_references(const RuleSet& rules, const std::vector<Policy>& policies) {
    Known known = known_names(policies);
    for (const Rule& rule : rules.rules) {
        auto u = Finder(known).in(rule.when);
        if (!u)
            continue;
        const auto& names = u->what == std::string("era")    ? known.eras
                            : u->what == std::string("list") ? known.lists
                                                             : known.policies;
        return fail(unknown_name_error(rule, *u, names));
    }
    return ok();
}

}  // namespace archtag::rules
