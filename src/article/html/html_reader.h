#pragma once
// The HTML article reader: the page's metadata under canonical field keys,
// every date it states with its source and confidence, and the byte spans
// of the elements a stamp may be placed around.
//
// Dates, most trusted first (published dates, then modified dates in the
// same order):
//   1. JSON-LD datePublished / dateModified of an article object
//      (NewsArticle, Article, BlogPosting, ..., also inside @graph)   high
//   2. <meta>: article:published_time, pubdate, publishdate, date,
//      DC.date.issued, dcterms.issued, dcterms.created, DC.date,
//      sailthru.date, parsely-pub-date, og:published_time,
//      itemprop=datePublished (and their modified counterparts)      high
//   3. the first <time datetime> inside the article                   high
//   4. the canonical URL or og:url (/2014/12/19/)                     medium
//   5. the file's path or name                                        medium
//   6. the visible dateline or byline: an element whose class, id or
//      itemprop says date, time, byline, published or posted          low
// A numeric date whose day/month order the page's language does not
// settle is low confidence whatever its source, with a note.
#include <string_view>

#include "article/article.h"
#include "util/expected.h"

namespace archtag::article {

// Pages larger than this are refused rather than parsed.
inline constexpr std::size_t k_max_html_bytes = 16 * 1024 * 1024;

Expected<Document> parse_html(std::string_view path, std::string_view bytes);

}  // namespace archtag::article
