#pragma once
// The archive's own settings: .archtag.xml at the archive root.
#include <string>
#include <vector>

#include "util/expected.h"

namespace archtag::app {

// What `archtag hook pre-commit` does with staged articles that need stamps.
enum class HookMode { check, fix };

struct Config {
    std::string path;                       // where it was read from
    std::vector<std::string> policy_paths;  // absolute, or relative to cwd
    std::vector<std::string> rules_paths;
    std::vector<std::string> include;
    std::vector<std::string> exclude;
    HookMode hook_mode = HookMode::check;  // <hook mode="check|fix"/>
    // <hook protect="refs/heads/main ..."/>: branches pre-receive guards;
    // empty: the default branch.
    std::vector<std::string> protect;
};

// <archtag version="1">
//   <policies path="policies"/>  <rules path="rules"/>   (relative to the file)
//   <include glob="**/*.md"/>    <exclude glob="drafts/**"/>
//   <hook mode="check|fix" protect="refs/heads/main refs/heads/published"/>
// </archtag>
Expected<Config> load_config(const std::string& path);
Expected<Config> parse_config(std::string_view xml, const std::string& path);

}  // namespace archtag::app
