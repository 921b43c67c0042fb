#pragma once
// The message of a sweep's commit: a subject that says what happened, a body
// with the breakdown by publication and era, and trailers that say which
// policies and which as-of date decided it. Pure: same input, same message.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/pipeline.h"
#include "model/policy.h"
#include "model/result.h"

namespace archtag::app {

// What a commit changes, counted as the sweep's results go by (only results
// whose bytes change count), so a million-article sweep keeps counts, not
// results. Groups are (publication, policy id, era).
class CommitTally {
  public:
    // How one result was counted, so that it can be taken back (an article
    // left out of the commit because it has uncommitted changes).
    // Counts, not a list: a sweep keeps one for each article it stamps.
    struct Entry {
        std::uint32_t group = 0;
        // [archival, age][add, update, remove]
        std::array<std::array<std::uint16_t, 3>, 2> changes{};
    };
    Entry add(const ArticleResult& r);
    void take_back(const Entry& e);

    struct Counts {
        std::size_t added = 0, updated = 0, removed = 0;
        std::size_t total() const { return added + updated + removed; }
    };
    struct Group {
        std::string publication, policy, era;
        std::size_t articles = 0;
        Counts archival, age;
    };
    // In (publication, policy, era) order.
    std::vector<Group> groups() const;
    Group overall() const;

  private:
    std::vector<Group> m_groups;
};

// The tally of every result in `results` whose bytes change.
CommitTally tally_of(const std::vector<ArticleResult>& results);

struct CommitMessageInput {
    Mode mode = Mode::stamp;
    const CommitTally* tally = nullptr;
    const std::vector<Policy>* policies = nullptr;  // each gives an Archtag-Policy trailer
    std::string as_of;                              // AsOf::label()
    std::optional<std::string> signoff;             // "Name <email>"
};

// Subject line only, e.g. "Stamp archival notices: 1,234 added, 56 updated".
std::string commit_subject(const CommitMessageInput& input);

// The whole message, ending with a newline.
std::string commit_message(const CommitMessageInput& input);

}  // namespace archtag::app
