#pragma once
// Dates from git history: in a git sweep, a policy with
// <dates from-git-history="yes"/> dates an article whose content states no
// date by the commit that first added it (repo::Repository::first_commits).
#include "model/article_meta.h"
#include "repo/repo.h"

namespace archtag::app {

constexpr const char* k_history_source = "git:first-commit";

// The commit's author time, in the author's offset, as a medium-confidence
// publication date.
DateCandidate history_date(const repo::FirstCommit& first);

// Gives an undated `meta` the history date: it becomes the publication date
// and a candidate, and the reader's "no-date" flag goes. A dated `meta` is
// left alone.
void date_from_history(ArticleMeta& meta, const DateCandidate& date);

}  // namespace archtag::app
