#pragma once
// The message of a sweep's commit: a subject that says what happened, a body
// with the breakdown by publication and era, and trailers that say which
// policies and which as-of date decided it. Pure: same input, same message.
#include <optional>
#include <string>
#include <vector>

#include "app/pipeline.h"
#include "model/policy.h"
#include "model/result.h"

namespace archtag::app {

struct CommitMessageInput {
    Mode mode = Mode::stamp;
    const std::vector<ArticleResult>* results = nullptr;  // only those that change count
    const std::vector<Policy>* policies = nullptr;        // each gives an Archtag-Policy trailer
    std::string as_of;                                    // AsOf::label()
    std::optional<std::string> signoff;                   // "Name <email>"
};

// Subject line only, e.g. "Stamp archival notices: 1,234 added, 56 updated".
std::string commit_subject(const CommitMessageInput& input);

// The whole message, ending with a newline.
std::string commit_message(const CommitMessageInput& input);

}  // namespace archtag::app
