#pragma once
// Reading one article: detect its format, split off the front matter, and
// pull out the metadata the rules need, each value with where it came from.
#include <string_view>

#include "model/article_meta.h"
#include "util/expected.h"

namespace archtag::article {

// A parsed file: its layout (for the stamp planner) and every front-matter field.
struct Document {
    DocumentLayout layout;
    // Flattened front matter: nested keys joined with '.', list items as
    // separate values, each with its 1-based line in the file. A key whose
    // value is null or an empty list/map is present with no values.
    //
    // HTML and XML readers put what they found under canonical keys
    // ("title", "publication", "language", "section", "tags", "type"), so
    // the same FieldMapping and rule conditions work for every format.
    FieldMap fields;
    // HTML and XML: every date found, publication and modified dates alike,
    // in the reader's documented order of trust (most trusted first), each
    // with its source and confidence. Empty for Markdown, whose dates come
    // from the front matter keys of the FieldMapping.
    std::vector<DateCandidate> dates;
    // HTML and XML: problems the reader noticed that are not fatal (an
    // invalid JSON-LD block, a placeholder date that was not believed).
    std::vector<Flag> flags;
};

// Detects the format from the path and parses. Never throws; errors name
// `path` and, where known, the file's line and column.
Expected<Document> parse(std::string_view path, std::string_view bytes);

// Picks title, publication, tags, section, type, language, opt-out and the
// publication date using `mapping` (keys tried in order, first present wins),
// plus the date in the file name or directory path. Doubts become flags.
ArticleMeta extract(const Document& doc, std::string_view path, const FieldMapping& mapping);

}  // namespace archtag::article
