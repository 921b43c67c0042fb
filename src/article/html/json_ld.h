#pragma once
// Reading JSON-LD blocks as pages really write them: wrapped in CDATA or
// comments, with trailing commas, bare NaN, raw line breaks in strings.
#include <string>
#include <string_view>
#include <vector>

#include "util/expected.h"

namespace archtag::article {

// The facts of one article object (NewsArticle, Article, BlogPosting, or any
// type ending in "Article" or "Posting"), top level, in an array, in @graph
// or as a mainEntity. Values as written; "" when absent.
struct JsonLdArticle {
    std::string type;
    std::string headline;
    std::string publisher;  // publisher.name, following an @id into @graph
    std::vector<std::string> keywords;
    std::string section;   // articleSection
    std::string language;  // inLanguage
    std::string date_published;
    std::string date_modified;
};

// The block without <![CDATA[ ]]> or <!-- --> around it.
std::string_view strip_json_ld_wrappers(std::string_view block);

// The same JSON with what strict parsers refuse repaired, outside strings:
// commas before '}' or ']' removed, NaN / Infinity / -Infinity / undefined
// turned into null; inside strings raw line breaks and tabs escaped.
std::string repair_json(std::string_view text);

// The article objects of one block; an error (the parser's message) when
// the block is not JSON even after repair.
Expected<std::vector<JsonLdArticle>> read_json_ld(std::string_view block);

}  // namespace archtag::article
