#include "app/history_date.h"

#include <fmt/format.h>

#include <algorithm>

namespace archtag::app {

DateCandidate history_date(const repo::FirstCommit& first) {
    using namespace std::chrono;
    auto local = first.when + minutes{first.offset_minutes};
    auto day = floor<days>(local);
    Timestamp t;
    t.date = year_month_day{day};
    t.time_of_day = duration_cast<seconds>(local - day);
    t.offset = minutes{first.offset_minutes};
    t.text = t.iso();
    DateCandidate c;
    c.timestamp = t;
    c.source = k_history_source;
    c.confidence = Confidence::medium;
    c.note = fmt::format("no date in the article: the commit {} that first added it",
                         first.commit.short_hex());
    return c;
}

void date_from_history(ArticleMeta& meta, const DateCandidate& date) {
    if (meta.published)
        return;
    meta.published = date.timestamp;
    meta.published_source = date.source;
    meta.published_confidence = date.confidence;
    meta.date_candidates.push_back(date);
    std::erase_if(meta.flags, [](const Flag& f) { return f.code == "no-date"; });
}

}  // namespace archtag::app
