#pragma once
// What the writers share beyond report.h. Internal to src/report.
#include <cstddef>
#include <memory>
#include <ostream>
#include <vector>

#include "report/report.h"
#include "util/spool.h"

namespace archtag::report {

// The print_* functions over a list: every result, then finish().
inline void write_all(std::unique_ptr<ReportWriter> writer,
                      const std::vector<ArticleResult>& results) {
    for (const ArticleResult& r : results)
        writer->add(r);
    writer->finish();
}

// text_writer with its spools' memory limit and temporary file chosen, so
// tests can make them spill (and fail) with a few lines.
std::unique_ptr<ReportWriter> text_writer(std::ostream& out, const RunInfo& run,
                                          Verbosity verbosity, Colour colour,
                                          std::size_t spool_limit, Spool::OpenFile open_file);

}  // namespace archtag::report
