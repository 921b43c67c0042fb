#include "article/publication_date.h"

#include <fmt/format.h>
#include <chrono>

#include "article/html/date_text.h"
#include "article/path_date.h"
#include "util/strings.h"

namespace archtag::article {

namespace {

using std::chrono::sys_days;

void flag(ArticleMeta& meta, std::string code, std::string message) {
    meta.flags.push_back({FlagLevel::warning, std::move(code), std::move(message)});
}

const FieldValue* first_nonblank(const std::vector<FieldValue>& values) {
    for (const FieldValue& v : values)
        if (!trim(v.value).empty())
            return &v;
    return nullptr;
}

// Every date key that is present becomes a candidate, in mapping order; the
// ones that do not parse are flagged and skipped.
void add_front_matter_candidates(const FieldMap& fields, const std::vector<std::string>& keys,
                                 ArticleMeta& meta) {
    for (const std::string& key : keys) {
        auto it = fields.find(key);
        if (it == fields.end())
            continue;
        const FieldValue* value = first_nonblank(it->second);
        if (!value)
            continue;
        std::string source = "front-matter:" + key;
        auto ts = parse_timestamp(value->value);
        if (!ts) {
            flag(meta, "bad-date", fmt::format("{}: {}", source, ts.error().message));
            continue;
        }
        meta.date_candidates.push_back({std::move(*ts), std::move(source), value->line, {}});
    }
}

std::optional<DateCandidate> path_candidate(std::string_view path, ArticleMeta& meta) {
    auto found = date_from_path(path);
    if (!found)
        return std::nullopt;
    auto ts = parse_timestamp(found->iso);
    if (!ts) {
        flag(meta, "bad-date", fmt::format("{}: {}", found->source, ts.error().message));
        return std::nullopt;
    }
    ts->text = found->text;
    return DateCandidate{std::move(*ts), found->source, 0, {}};
}

long days_between(std::chrono::year_month_day a, std::chrono::year_month_day b) {
    long d = (sys_days(a) - sys_days(b)).count();
    return d < 0 ? -d : d;
}

void check_agreement(const DateCandidate& chosen, const DateCandidate& located, ArticleMeta& meta) {
    if (days_between(chosen.timestamp.date, located.timestamp.date) <= 1)
        return;
    std::string_view where = located.source == "filename" ? "file name" : "path";
    flag(meta, "date-mismatch",
         fmt::format("front matter date {} ({}) and {} date {} disagree by more than a day",
                     format_date(chosen.timestamp.date), chosen.source, where,
                     format_date(located.timestamp.date)));
}

// "chosen: ..." followed by what the reader noted about the date, if anything.
std::string with_reader_note(std::string note, const std::string& reader_note) {
    return reader_note.empty() ? note : note + " (" + reader_note + ")";
}

void flag_conflicts(const std::vector<DateCandidate>& dates, ArticleMeta& meta) {
    const DateCandidate* first = nullptr;
    for (const DateCandidate& c : dates) {
        if (c.role != DateRole::published || c.confidence != Confidence::high ||
            is_placeholder_date(c.timestamp))
            continue;
        if (!first) {
            first = &c;
        } else if (days_between(first->timestamp.date, c.timestamp.date) > 1) {
            flag(meta, "date-conflict",
                 fmt::format("{} says {} but {} says {}", first->source,
                             format_date(first->timestamp.date), c.source,
                             format_date(c.timestamp.date)));
        }
    }
}

}  // namespace

void choose_from_candidates(const std::vector<DateCandidate>& dates, ArticleMeta& meta) {
    const DateCandidate* chosen = nullptr;
    for (const DateCandidate& c : dates) {
        DateCandidate out = c;
        if (c.role == DateRole::modified) {
            out.note = with_reader_note("modified date, never the publication date", c.note);
        } else if (is_placeholder_date(c.timestamp)) {
            out.note = with_reader_note("not used: a placeholder, not a date", c.note);
        } else if (!chosen) {
            chosen = &c;
            out.note = with_reader_note("chosen: the most trusted publication date", c.note);
        } else {
            out.note = with_reader_note("not used: less trusted than " + chosen->source, c.note);
        }
        meta.date_candidates.push_back(std::move(out));
    }
    flag_conflicts(dates, meta);
    if (!chosen) {
        flag(meta, "no-date",
             "no publication date found in the article's metadata, URL, path or text");
        return;
    }
    meta.published = chosen->timestamp;
    meta.published_source = chosen->source;
    meta.published_confidence = chosen->confidence;
    if (chosen->confidence == Confidence::low)
        meta.flags.push_back(
            {FlagLevel::info, "low-confidence-date",
             fmt::format("the publication date {} comes from {}, read with low confidence",
                         format_date(chosen->timestamp.date), chosen->source)});
}

void choose_publication_date(const FieldMap& fields, std::string_view path,
                             const std::vector<std::string>& date_keys, ArticleMeta& meta) {
    add_front_matter_candidates(fields, date_keys, meta);
    std::optional<DateCandidate> located = path_candidate(path, meta);
    bool from_front_matter = !meta.date_candidates.empty();

    if (from_front_matter) {
        DateCandidate& chosen = meta.date_candidates.front();
        chosen.note = "chosen: the first date key present";
        for (std::size_t i = 1; i < meta.date_candidates.size(); ++i)
            meta.date_candidates[i].note = "not used: " + chosen.source + " comes first";
        if (located) {
            located->note = "not used: the front matter states the date";
            check_agreement(chosen, *located, meta);
        }
    } else if (located) {
        located->note = "chosen: the front matter states no date";
    }
    if (located)
        meta.date_candidates.push_back(std::move(*located));

    if (meta.date_candidates.empty()) {
        flag(meta, "no-date", "no publication date found in front matter or file name");
        return;
    }
    meta.published = meta.date_candidates.front().timestamp;
    meta.published_source = meta.date_candidates.front().source;
}

}  // namespace archtag::article
