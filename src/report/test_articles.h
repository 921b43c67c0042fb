#pragma once
// Articles as the pipeline would leave them, for the printers' tests.
#include "model/result.h"

namespace archtag::report::testing {

inline ArticleResult gothamist_article() {
    ArticleResult r;
    r.path = "laist/2014-12-19-obama-sony.md";
    r.format = Format::markdown;
    ArticleMeta m;
    m.path = r.path;
    m.title = "Obama: Sony Made A Mistake";
    m.published = *parse_timestamp("2014-12-19T14:30:00-08:00");
    m.published_source = "front-matter:date";
    r.meta = m;
    r.policy = "laist";
    r.publication = "LAist";
    r.decision.era = "gothamist";
    r.decision.era_name = "Gothamist";
    r.decision.owner = "Gothamist LLC";
    r.decision.owner_now = "Southern California Public Radio";
    r.decision.era_now_start = "2018-02-23";
    r.decision.published_day = "2014-12-19";
    r.decision.age = "11 years";
    r.decision.notices.push_back(
        {NoticeKind::archival, "This is an archival story.", "en", "", ""});
    r.decision.notices.push_back(
        {NoticeKind::age, "This article is more than 11 years old", "en", "", ""});
    r.plan.edits.push_back({0, 0, "x"});
    r.plan.changes.push_back({NoticeKind::archival, Change::add, "This is an archival story."});
    r.plan.changes.push_back(
        {NoticeKind::age, Change::add, "This article is more than 11 years old"});
    return r;
}

inline ArticleResult guardian_article() {
    ArticleResult r;
    r.path = "guardian/2015/may/08/election.md";
    r.format = Format::markdown;
    ArticleMeta m;
    m.title = "Election, \"results\"";
    m.published = *parse_timestamp("2015-05-08T13:05:00+01:00");
    m.published_source = "front-matter:date";
    r.meta = m;
    r.policy = "guardian";
    r.publication = "The Guardian";
    r.decision.era = "guardian";
    r.decision.era_name = "Guardian Media Group";
    r.decision.published_day = "2015-05-08";
    r.decision.age = "11 years";
    r.decision.notices.push_back(
        {NoticeKind::age, "This article is more than 11 years old", "en", "", ""});
    r.plan.edits.push_back({0, 0, "x"});
    r.plan.changes.push_back(
        {NoticeKind::age, Change::update, "This article is more than 11 years old"});
    return r;
}

inline ArticleResult no_owner_article() {
    ArticleResult r = gothamist_article();
    r.path = "laist/2017-12-15-thomas-fire.md";
    r.decision.era = "";
    r.decision.era_name = "";
    r.decision.owner = "";
    r.decision.published_day = "2017-12-15";
    r.decision.age = "8 years";
    r.decision.notices.pop_back();
    r.decision.flags.push_back(
        {FlagLevel::warning, "no-owner", "published on 2017-12-15, when LAist had no owner"});
    return r;
}

inline ArticleResult exempt_article() {
    ArticleResult r;
    r.path = "guardian/2019/nov/16/soup-recipe.md";
    r.format = Format::markdown;
    r.meta = ArticleMeta{};
    r.policy = "guardian";
    r.publication = "The Guardian";
    r.decision.published_day = "2019-11-16";
    r.decision.exempt_reason = "recipes do not go out of date";
    return r;
}

inline ArticleResult broken_article() {
    ArticleResult r;
    r.path = "laist/broken.md";
    r.format = Format::markdown;
    r.error = make_error_at("laist/broken.md", 3, 7, "bad YAML");
    return r;
}

}  // namespace archtag::report::testing
