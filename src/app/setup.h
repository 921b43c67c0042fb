#pragma once
// Everything loaded before the first article is read: the archive root, its
// config, the policies and the rules. Any error here stops the run with
// nothing touched (exit 2).
#include <string>
#include <vector>

#include "app/as_of.h"
#include "app/options.h"
#include "model/policy.h"
#include "rules/rules.h"

namespace archtag::app {

struct Setup {
    std::string root;  // archive root; report paths are relative to it
    std::vector<Policy> policies;
    rules::RuleSet rules;
    std::vector<std::string> include;
    std::vector<std::string> exclude;
    AsOf as_of;
    // The policy and rules files and folders this run loaded: when they sit
    // inside the archive they are data, never articles.
    std::vector<std::string> data_paths;
    // Only `explain` shows the rules' trace; every other command skips it.
    rules::Trace rule_trace = rules::Trace::no;
};

// `root` is the archive root; the config is `options.config_path` or
// `<root>/.archtag.xml` when that exists; policies and rules come from the
// options, else the config, else the bundled data directory.
Expected<Setup> load_setup(const Options& options, const std::string& root);

// The directory holding the bundled policies/ and rules/.
std::string data_dir();

}  // namespace archtag::app
