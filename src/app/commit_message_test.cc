#include "app/commit_message.h"

#include <gtest/gtest.h>

namespace archtag::app {

namespace {

ArticleResult article(std::string policy, std::string publication, std::string era,
                      std::vector<std::pair<NoticeKind, Change>> changes) {
    ArticleResult r;
    r.path = "a.md";
    r.policy = std::move(policy);
    r.publication = std::move(publication);
    r.decision.era = std::move(era);
    for (auto [kind, change] : changes) {
        r.plan.changes.push_back({kind, change, "text"});
        if (change != Change::keep)
            r.plan.edits.push_back({0, 0, "stamp"});
    }
    return r;
}

ArticleResult laist(Change c, std::string era = "gothamist") {
    return article("laist", "LAist", std::move(era), {{NoticeKind::archival, c}});
}

std::vector<ArticleResult> many(std::size_t n, const ArticleResult& r) {
    return std::vector<ArticleResult>(n, r);
}

std::vector<ArticleResult> concat(std::vector<std::vector<ArticleResult>> parts) {
    std::vector<ArticleResult> out;
    for (auto& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

Policy policy(std::string id, std::string digest) {
    Policy p;
    p.id = std::move(id);
    p.digest = std::move(digest);
    return p;
}

}  // namespace

TEST(CommitMessage, SubjectHasThousandsSeparators) {
    auto results = concat({many(1234, laist(Change::add)), many(56, laist(Change::update)),
                           many(7, laist(Change::remove))});
    CommitTally tally = tally_of(results);
    CommitMessageInput in{Mode::stamp, &tally, nullptr, "2026-11-23", std::nullopt};
    EXPECT_EQ(commit_subject(in), "Stamp archival notices: 1,234 added, 56 updated, 7 removed");
}

TEST(CommitMessage, SubjectNamesOnlyWhatHappened) {
    std::vector<ArticleResult> results{
        article("guardian", "The Guardian", "", {{NoticeKind::age, Change::update}}),
        laist(Change::keep),  // unchanged: not counted
    };
    CommitTally tally = tally_of(results);
    CommitMessageInput in{Mode::stamp, &tally, nullptr, "2026-11-23", std::nullopt};
    EXPECT_EQ(commit_subject(in), "Stamp age notices: 1 updated");
    results.push_back(laist(Change::add));
    tally = tally_of(results);
    EXPECT_EQ(commit_subject(in), "Stamp archival and age notices: 1 added, 1 updated");
}

TEST(CommitMessage, AnArticleTakenBackIsNoLongerCounted) {
    CommitTally tally;
    tally.add(laist(Change::add));
    auto entry = tally.add(laist(Change::update, "scpr"));
    tally.take_back(entry);
    CommitMessageInput in{Mode::stamp, &tally, nullptr, "2026-11-23", std::nullopt};
    EXPECT_EQ(commit_subject(in), "Stamp archival notices: 1 added");
    EXPECT_EQ(commit_message(in).find("scpr"), std::string::npos);
}

TEST(CommitMessage, FailedArticlesAreNotCounted) {
    std::vector<ArticleResult> results{laist(Change::add), laist(Change::add)};
    results[1].error = make_error("a.md", "broken");
    CommitTally tally = tally_of(results);
    CommitMessageInput in{Mode::stamp, &tally, nullptr, "2026-11-23", std::nullopt};
    EXPECT_EQ(commit_subject(in), "Stamp archival notices: 1 added");
}

TEST(CommitMessage, UnstampSubject) {
    std::vector<ArticleResult> results{
        article("laist", "LAist", "gothamist",
                {{NoticeKind::archival, Change::remove}, {NoticeKind::age, Change::remove}})};
    CommitTally tally = tally_of(results);
    CommitMessageInput in{Mode::unstamp, &tally, nullptr, "2026-11-23", std::nullopt};
    EXPECT_EQ(commit_subject(in), "Unstamp archival and age notices: 2 removed");
}

TEST(CommitMessage, BodyBreaksDownByPublicationAndEraThenTrailers) {
    auto results = concat({
        many(1200, laist(Change::add)),
        {article("laist", "LAist", "gothamist",
                 {{NoticeKind::archival, Change::keep}, {NoticeKind::age, Change::update}})},
        many(2, laist(Change::update, "laist-original")),
        {article("guardian", "The Guardian", "", {{NoticeKind::age, Change::add}})},
        {article("", "", "", {{NoticeKind::archival, Change::remove}})},
    });
    std::vector<Policy> policies{policy("laist", "0123456789abcdef"),
                                 policy("guardian", "fedcba9876543210")};
    CommitTally tally = tally_of(results);
    CommitMessageInput in{Mode::stamp, &tally, &policies, "2026-11-23",
                          std::string("Ed Itor <ed@example.com>")};
    EXPECT_EQ(commit_message(in),
              "Stamp archival and age notices: 1,201 added, 3 updated, 1 removed\n"
              "\n"
              "1,205 articles changed, by publication and era:\n"
              "  (no publication), no era: 1 article; archival 1 removed\n"
              "  LAist (laist), era gothamist: 1,201 articles; archival 1,200 added; age 1 "
              "updated\n"
              "  LAist (laist), era laist-original: 2 articles; archival 2 updated\n"
              "  The Guardian (guardian), no era: 1 article; age 1 added\n"
              "\n"
              "Archtag-Policy: laist@0123456789abcdef\n"
              "Archtag-Policy: guardian@fedcba9876543210\n"
              "Archtag-As-Of: 2026-11-23\n"
              "Signed-off-by: Ed Itor <ed@example.com>\n");
}

}  // namespace archtag::app
