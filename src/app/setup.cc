#include "app/setup.h"

#include <fmt/format.h>
#include <cstdlib>
#include <set>

#include <boost/filesystem.hpp>

#include "app/config.h"
#include "policy/policy.h"

namespace archtag::app {

namespace {

namespace fs = boost::filesystem;

std::string join_paths(const std::vector<std::string>& paths) {
    std::string out;
    for (const auto& p : paths)
        out += (out.empty() ? "" : ", ") + p;
    return out;
}

Expected<std::vector<Policy>> load_policies(const std::vector<std::string>& paths) {
    std::vector<Policy> all;
    std::set<std::string> ids;
    for (const std::string& p : paths) {
        auto loaded = policy::load(p);
        if (!loaded)
            return fail(loaded.error());
        for (Policy& pol : *loaded) {
            if (!ids.insert(pol.id).second)
                return fail(
                    make_error(pol.source_path, fmt::format("policy id '{}' is already used by "
                                                            "another policy file",
                                                            pol.id)));
            all.push_back(std::move(pol));
        }
    }
    if (all.empty())
        return fail(make_error(join_paths(paths), "no policy found (expected *.xml policy files)"));
    return all;
}

Expected<rules::RuleSet> load_rules(const std::vector<std::string>& paths) {
    rules::RuleSet all;
    for (const std::string& p : paths) {
        auto loaded = rules::load(p);
        if (!loaded)
            return fail(loaded.error());
        Status merged = rules::merge(all, std::move(*loaded));
        if (!merged)
            return fail(merged.error());
    }
    return all;
}

Expected<std::optional<Config>> find_config(const Options& options, const std::string& root) {
    if (options.config_path) {
        auto c = load_config(*options.config_path);
        if (!c)
            return fail(c.error());
        return std::optional<Config>(*c);
    }
    fs::path candidate = fs::path(root) / ".archtag.xml";
    boost::system::error_code ec;
    if (!fs::exists(candidate, ec))
        return std::optional<Config>();
    auto c = load_config(candidate.string());
    if (!c)
        return fail(c.error());
    return std::optional<Config>(*c);
}

}  // namespace

std::string data_dir() {
    if (const char* env = std::getenv("ARCHTAG_DATA_DIR"); env && *env)
        return env;
    return ARCHTAG_DEFAULT_DATA_DIR;
}

Expected<Setup> load_setup(const Options& options, const std::string& root) {
    auto config = find_config(options, root);
    if (!config)
        return fail(config.error());
    auto as_of = AsOf::make(options.as_of, options.now);
    if (!as_of)
        return fail(as_of.error());

    std::vector<std::string> policy_paths = options.policy_paths;
    std::vector<std::string> rules_paths = options.rules_paths;
    if (policy_paths.empty())
        policy_paths = *config ? (*config)->policy_paths : std::vector<std::string>{};
    if (rules_paths.empty())
        rules_paths = *config ? (*config)->rules_paths : std::vector<std::string>{};
    if (policy_paths.empty())
        policy_paths.push_back((fs::path(data_dir()) / "policies").string());
    if (rules_paths.empty())
        rules_paths.push_back((fs::path(data_dir()) / "rules").string());

    auto policies = load_policies(policy_paths);
    if (!policies)
        return fail(policies.error());
    auto rules = load_rules(rules_paths);
    if (!rules)
        return fail(rules.error());
    if (Status s = rules::check_references(*rules, *policies); !s)
        return fail(s.error());

    Setup s{root,   std::move(*policies), std::move(*rules), options.include, options.exclude,
            *as_of, policy_paths};
    s.data_paths.insert(s.data_paths.end(), rules_paths.begin(), rules_paths.end());
    if (*config) {
        // --include narrows to what the user asks for now; excludes only add up.
        if (s.include.empty())
            s.include = (*config)->include;
        s.exclude.insert(s.exclude.end(), (*config)->exclude.begin(), (*config)->exclude.end());
    }
    return s;
}

}  // namespace archtag::app
