#pragma once
// What archtag knows about one article after reading it. Every value keeps
// where it came from, so `explain` and the report can say so.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/format.h"
#include "model/notice.h"
#include "model/timestamp.h"

namespace archtag {

// Which front-matter keys hold which facts; policies may override each list.
// Keys are tried in order; the first present wins.
struct FieldMapping {
    std::vector<std::string> date;
    std::vector<std::string> publication;
    std::vector<std::string> title;
    std::vector<std::string> tags;
    std::vector<std::string> section;
    std::vector<std::string> type;
    std::vector<std::string> language;
    std::vector<std::string> opt_out;  // per-article opt-out; value = reason

    static FieldMapping defaults();
};

// One value of a front-matter field. Nested keys are joined with '.', list
// items are separate values of the same key.
struct FieldValue {
    std::string value;
    int line = 0;  // 1-based line in the file, 0 when unknown
};
using FieldMap = std::map<std::string, std::vector<FieldValue>>;

// A publication date found somewhere in the article.
// How far a date's source can be trusted: structured metadata is high, a URL
// or path is medium, a visible dateline read from prose is low.
enum class Confidence { low, medium, high };
std::string_view to_string(Confidence c);

// What a date says: when the article was first published, or when it was
// last modified. Modified dates are kept for `explain` but never chosen.
enum class DateRole { published, modified };

struct DateCandidate {
    Timestamp timestamp;
    std::string source;  // "front-matter:date", "filename", "json-ld:datePublished", ...
    int line = 0;
    std::string note;  // why it was or was not chosen
    Confidence confidence = Confidence::high;
    DateRole role = DateRole::published;
};

struct ArticleMeta {
    std::string path;  // relative to the archive root, '/' separated
    Format format = Format::markdown;

    std::string title;
    std::string publication;
    std::string publication_source;
    std::string language;
    std::string section;
    std::string type;
    std::vector<std::string> tags;

    std::optional<Timestamp> published;
    std::string published_source;  // e.g. "front-matter:date", "filename"
    Confidence published_confidence = Confidence::high;
    std::vector<DateCandidate> date_candidates;

    std::optional<std::string> opt_out_reason;  // set when the article opts out
    std::string opt_out_source;

    FieldMap fields;          // every front-matter field, for rule conditions
    std::vector<Flag> flags;  // what reading found doubtful (no date, mismatch)
};

// Where things are in the file, for the stamp planner. Offsets are bytes.
enum class FrontMatterKind { none, yaml, toml, json };
std::string_view to_string(FrontMatterKind k);

// Where one element sits in the original bytes. An element whose tag was
// implied by the parser (HTML <body> without a tag) has open_begin ==
// open_end; an element without an end tag has close_begin == close_end.
struct ElementSpan {
    std::string tag;              // lower case for HTML, as written for XML
    std::string id;               // id attribute, or ""
    std::string classes;          // class attribute as written, or ""
    std::size_t open_begin = 0;   // '<' of the start tag
    std::size_t open_end = 0;     // one past its '>'
    std::size_t close_begin = 0;  // '<' of the end tag
    std::size_t close_end = 0;    // one past its '>'
    int depth = 0;                // 0 for the root element
};

struct DocumentLayout {
    Format format = Format::markdown;
    FrontMatterKind front_matter = FrontMatterKind::none;
    std::size_t front_matter_begin = 0;  // first byte of the opening delimiter
    std::size_t front_matter_end = 0;    // one past the closing delimiter line
                                         // (after its line ending, if any)
    // Byte span of the front matter content between the delimiter lines.
    std::size_t content_begin = 0;
    std::size_t content_end = 0;
    std::size_t body_begin = 0;  // first byte of the body
    std::string newline = "\n";  // the file's line ending
    bool bom = false;
    // The document's character encoding as declared or detected, lower case
    // ("utf-8", "iso-8859-1", "windows-1252"): stamps are encoded for it.
    std::string encoding = "utf-8";
    // HTML/XML: byte spans of the elements a stamp may be placed around
    // (body, article, main, head, every element with an id or class; for XML
    // the format's own anchors). Empty for Markdown.
    std::vector<ElementSpan> elements;
};

}  // namespace archtag
