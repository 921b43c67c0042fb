#pragma once
// The one place that turns results into the report format the user asked
// for, shared by folder sweeps, git sweeps and the hooks.
#include <ostream>
#include <vector>

#include "app/options.h"
#include "app/setup.h"
#include "model/result.h"
#include "report/report.h"

namespace archtag::app {

void print_report(std::ostream& out, const Options& options, const Setup& setup,
                  const report::RunInfo& info, const std::vector<ArticleResult>& results);

}  // namespace archtag::app
