#pragma once
// Everything the pipeline learned about one article, for the printers.
#include <optional>
#include <string>

#include "model/article_meta.h"
#include "model/decision.h"
#include "util/error.h"

namespace archtag {

struct ArticleResult {
    std::string path;  // relative to the archive root
    std::optional<Format> format;
    std::optional<ArticleMeta> meta;  // absent when the article could not be read
    std::string policy;               // policy id, or "" when none claimed it
    std::string publication;          // policy display name
    Decision decision;
    Plan plan;
    std::optional<Error> error;  // why this article could not be processed
    bool written = false;        // the plan was applied to the file
    // A unified diff of the plan (report/diff.h), filled only when a printer
    // shows it (--format html); "" otherwise.
    std::string diff;

    bool pending() const { return plan.touches_bytes(); }
};

struct RunSummary {
    std::size_t articles = 0;
    std::size_t errors = 0;
    std::size_t flagged = 0;
    std::size_t pending = 0;  // articles whose bytes would change
    std::size_t added = 0, updated = 0, removed = 0, kept = 0;

    // Counts one more article, so totals need not keep the articles.
    void add(const ArticleResult& result);
};

RunSummary summarize(const std::vector<ArticleResult>& results);

}  // namespace archtag
