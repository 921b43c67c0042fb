#pragma once
// Why an article gets (or loses) its notices, in words an editor reads:
// "published 2014-12-19 in the Gothamist era (Gothamist LLC), before Southern
// California Public Radio took over on 2018-02-23; more than 11 years old on
// 2026-11-23". Pure: built from what the pipeline already decided.
#include <string>
#include <string_view>

#include "model/result.h"

namespace archtag::report {

// `as_of` is the run's as-of label (RunInfo::as_of).
std::string reason(const ArticleResult& r, std::string_view as_of);

}  // namespace archtag::report
