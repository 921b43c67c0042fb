// The JSON report's rows, written directly, against the same rows built and
// dumped with nlohmann::json: byte for byte, for every shape of article and
// for strings that need escaping or are not UTF-8.
#include "report/json_row.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "report/test_articles.h"

namespace archtag::report {

namespace {

using namespace testing;

std::vector<ArticleResult> shapes() {
    std::vector<ArticleResult> out = {gothamist_article(), guardian_article(), no_owner_article(),
                                      exempt_article(),    broken_article(),   ArticleResult{}};
    ArticleResult no_meta = gothamist_article();
    no_meta.meta.reset();
    no_meta.format.reset();
    out.push_back(no_meta);
    ArticleResult error_line_only = broken_article();
    error_line_only.error = make_error_at("laist/broken.md", 3, 0, "bad YAML");
    out.push_back(error_line_only);
    ArticleResult error_no_place = broken_article();
    error_no_place.error = make_error("laist/broken.md", "cannot read");
    out.push_back(error_no_place);
    ArticleResult flags = no_owner_article();
    flags.decision.flags.push_back({FlagLevel::info, "second", "another flag"});
    out.push_back(flags);
    return out;
}

// Strings a report must carry: quotes, backslashes, control characters,
// UTF-8 (and line separators), bytes that are not UTF-8, DEL, empty.
std::vector<std::string> awkward_strings() {
    std::vector<std::string> out = {"",
                                    "plain",
                                    "\"quoted\" and \\back\\slashed",
                                    "tab\there\nnewline\rreturn\b\f",
                                    std::string("nul\0byte", 8),
                                    "\x01\x1f\x7f",
                                    "caf\xc3\xa9 \xe2\x80\xa8 \xe2\x80\xa9 \xf0\x9f\x93\xb0",
                                    "latin-1 caf\xe9",
                                    "cut \xe2\x80",
                                    "\xff\xfe",
                                    "\xed\xa0\x80 surrogate",
                                    "</script>"};
    std::mt19937 random(7);
    for (int i = 0; i < 200; ++i) {
        std::string s(random() % 12, ' ');
        for (char& c : s)
            c = static_cast<char>(random() % 256);
        out.push_back(s);
    }
    return out;
}

void expect_same(const ArticleResult& r, const std::string& as_of) {
    EXPECT_EQ(detail::article_row(r, as_of), detail::article_row_reference(r, as_of)) << r.path;
}

}  // namespace

TEST(JsonRow, EveryShapeOfArticleIsWrittenAsNlohmannDumpsIt) {
    for (const ArticleResult& r : shapes())
        expect_same(r, "2026-11-23");
}

TEST(JsonRow, EveryStringIsEscapedAsNlohmannEscapesIt) {
    for (const std::string& s : awkward_strings()) {
        ArticleResult r = no_owner_article();
        r.path = s;
        r.policy = s;
        r.publication = s;
        r.decision.era = s;
        r.meta->title = s;
        r.meta->published_source = s;
        r.decision.flags.push_back({FlagLevel::warning, s, s});
        r.plan.changes.push_back({NoticeKind::age, Change::keep, s});
        expect_same(r, "2026-11-23");
        r.error = make_error_at(s, 2, 5, s);
        expect_same(r, s);
    }
}

}  // namespace archtag::report
