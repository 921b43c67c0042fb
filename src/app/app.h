#pragma once
// The pipelines behind each command. Each returns the process exit code:
// 0 done, 1 pending changes (check) or some article failed, 2 usage,
// configuration or policy error with nothing touched.
#include <ostream>

#include "app/options.h"

namespace archtag::app {

constexpr int k_exit_ok = 0;
constexpr int k_exit_findings = 1;
constexpr int k_exit_usage = 2;

int run_sweep(const Options& options, std::ostream& out, std::ostream& err);
int run_check(const Options& options, std::ostream& out, std::ostream& err);
int run_fix(const Options& options, std::ostream& out, std::ostream& err);
int run_explain(const Options& options, std::ostream& out, std::ostream& err);
int run_unstamp(const Options& options, std::ostream& out, std::ostream& err);
int run_policy_check(const Options& options, std::ostream& out, std::ostream& err);
int run_policy_test(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace archtag::app

namespace archtag {
struct Error;
}

namespace archtag::app {
// Prints "archtag: <error>" and returns k_exit_usage.
int usage_error(std::ostream& err, const Error& e);
}  // namespace archtag::app
