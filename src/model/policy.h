#pragma once
// The facts about one publication, as loaded from policies/*.xml. Plain data:
// loading and validation live in src/policy, decisions in src/rules.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/article_meta.h"
#include "model/notice.h"
#include "model/timezone.h"

namespace archtag {

using Day = std::chrono::year_month_day;

// An owner of the publication for [from, until); open ends are nullopt.
struct Owner {
    std::string id;
    std::string name;
    std::optional<Day> from;
    std::optional<Day> until;
    int line = 0;  // where it is declared in the policy file
};

// An editorial era: a period under one editorial management.
struct Era {
    std::string id;
    std::string name;
    std::string owner;  // Owner::id
    std::optional<Day> from;
    std::optional<Day> until;
    int line = 0;
};

enum class AgeArithmetic { calendar, guardian };

// A calendar span such as "1y", "6m", "30d" (years, months, days).
struct AgeThreshold {
    int years = 0;
    int months = 0;
    int days = 0;
    friend bool operator==(const AgeThreshold&, const AgeThreshold&) = default;
};
std::string_view to_string(AgeArithmetic a);

// A notice template in one language. Placeholders: {publication}, {owner_then},
// {owner_now}, {era_then}, {era_now}, {acquired}, {acquired_long}, {age},
// {published}.
struct NoticeTemplate {
    std::string lang;
    std::string text;
    std::string link_url;
    std::string link_text;
};

// Age words for one language: "year"/"years", "month"/"months".
struct AgeUnits {
    std::string lang;
    std::string year = "year";
    std::string years = "years";
    std::string month = "month";
    std::string months = "months";
};

struct NoticeSpec {
    bool enabled = false;
    std::vector<NoticeTemplate> templates;  // first one is the fallback
};

enum class MarkdownPlacement { body_top, front_matter };

// Where a stamp goes in an HTML page.
enum class HtmlAnchor {
    article_start,   // first thing inside <article> (falls back to body_start)
    body_start,      // first thing inside <body>
    before_element,  // just before the element `html_selector` names
    after_element,   // just after it
    element_start,   // first thing inside it
};

struct Placement {
    MarkdownPlacement markdown = MarkdownPlacement::body_top;
    // Front-matter keys used when markdown == front_matter.
    std::string archival_key = "archival_notice";
    std::string age_key = "age_notice";
    HtmlAnchor html = HtmlAnchor::article_start;
    std::string html_selector;  // "#id" or ".class" for the element anchors
    // Markup of an HTML stamp; {kind}, {text}, {link} are filled in, each
    // HTML-escaped. Empty: the built-in accessible block (docs/stamp-format.md).
    std::string html_template;
};

// What to do with a publication date read with low confidence (for example
// a visible dateline parsed from prose).
enum class LowConfidence { review, stamp };

// How to recognise this publication's articles: any field match or path glob.
struct FieldMatch {
    std::string key;
    std::vector<std::string> values;  // compared case-insensitively
};
struct Recognition {
    std::vector<FieldMatch> fields;
    std::vector<std::string> paths;  // globs relative to the archive root
};

struct Policy {
    std::string id;           // short name, e.g. "laist"
    std::string name;         // display name, e.g. "LAist"
    std::string source_path;  // file it was loaded from
    std::string digest;       // content digest of that file, for trailers/caches
    std::string time_zone;    // IANA name, checked at load time
    std::string default_lang = "en";

    Recognition recognition;
    FieldMapping fields = FieldMapping::defaults();
    std::vector<Owner> owners;  // ordered by `from`
    std::vector<Era> eras;      // ordered by `from`; the last one is current

    NoticeSpec archival;
    NoticeSpec age;
    AgeArithmetic arithmetic = AgeArithmetic::calendar;
    AgeThreshold age_minimum;     // no age notice for articles younger than this
    std::vector<AgeUnits> units;  // per language; "en" built in

    // Named value lists that rules can refer to, e.g. "age-exempt-tags".
    std::map<std::string, std::vector<std::string>> lists;

    Placement placement;
    LowConfidence low_confidence = LowConfidence::review;
    // <dates from-git-history="yes">: in a git sweep, an article whose content
    // states no date takes the date of the commit that first added it.
    bool date_from_git_history = false;

    const Era* current_era() const { return eras.empty() ? nullptr : &eras.back(); }
    const Era* era_at(Day local_day) const;
    const Owner* owner_at(Day local_day) const;
    const Owner* owner_by_id(const std::string& id) const;
};

// One article placed in its publication's history by policy::resolve.
struct Resolution {
    const Policy* policy = nullptr;    // nullptr: no policy claims the article
    std::optional<TimeZone> zone;      // the policy's zone
    std::optional<Instant> published;  // the publication instant, if dated
    std::optional<Day> local_day;      // publication day in the policy's zone
    const Era* era = nullptr;          // era at publication, if any
    const Owner* owner = nullptr;      // owner at publication, if any
};

}  // namespace archtag
