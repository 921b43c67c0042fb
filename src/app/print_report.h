#pragma once
// The one place that turns results into the report format the user asked
// for, shared by folder sweeps, git sweeps and the hooks.
#include <memory>
#include <ostream>
#include <vector>

#include "app/options.h"
#include "app/setup.h"
#include "model/result.h"
#include "report/report.h"

namespace archtag::app {

// A writer for the format the user asked for, to be fed results in order.
std::unique_ptr<report::ReportWriter> report_writer(std::ostream& out, const Options& options,
                                                    const Setup& setup,
                                                    const report::RunInfo& info);

}  // namespace archtag::app
