#include "rules/rule_set.h"

#include <fmt/format.h>

namespace archtag::rules {

std::string Rule::where() const {
    return fmt::format("{}:{}", file, line);
}

std::size_t size(const RuleSet& set) {
    return set.rules.size();
}

void append(RuleSet& into, RuleSet more) {
    for (Rule& r : more.rules)
        into.rules.push_back(std::move(r));
    for (std::string& f : more.files)
        into.files.push_back(std::move(f));
}

Status merge(RuleSet& into, RuleSet more) {
    for (const Rule& r : more.rules) {
        for (const Rule& earlier : into.rules) {
            if (earlier.id == r.id)
                return fail(make_error_at(r.file, r.line, 0,
                                          fmt::format("duplicate rule id \"{}\" (first used at {})",
                                                      r.id, earlier.where())));
        }
    }
    append(into, std::move(more));
    return ok();
}

}  // namespace archtag::rules
