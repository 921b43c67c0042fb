#pragma once
// The archive's own settings: .archtag.xml at the archive root.
#include <string>
#include <vector>

#include "util/expected.h"

namespace archtag::app {

struct Config {
    std::string path;                       // where it was read from
    std::vector<std::string> policy_paths;  // absolute, or relative to cwd
    std::vector<std::string> rules_paths;
    std::vector<std::string> include;
    std::vector<std::string> exclude;
};

// <archtag version="1">
//   <policies path="policies"/>  <rules path="rules"/>   (relative to the file)
//   <include glob="**/*.md"/>    <exclude glob="drafts/**"/>
// </archtag>
Expected<Config> load_config(const std::string& path);
Expected<Config> parse_config(std::string_view xml, const std::string& path);

}  // namespace archtag::app
