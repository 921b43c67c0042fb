#pragma once
// What the HTML parser found in a page, as plain values in the page's own
// byte offsets: the only place that sees gumbo is page_facts.cc.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/article_meta.h"
#include "util/expected.h"

namespace archtag::article {

// A <meta> (or an element with itemprop) that names a value.
struct MetaTag {
    std::string attribute;  // "name", "property", "itemprop" or "http-equiv"
    std::string key;        // its value as written, e.g. "article:published_time"
    std::string content;    // content= (or value=, datetime= for itemprop)
    int line = 0;
};

// A <time datetime> or an element whose class, id or itemprop says date,
// time, byline, published or posted.
struct DatedElement {
    std::string datetime;     // datetime attribute, or ""
    std::string text;         // its visible text, blanks collapsed
    std::string marks;        // class, id and itemprop joined, lower case
    bool in_article = false;  // inside the page's first <article>
    bool in_main = false;     // inside <main>
    int line = 0;
};

struct Script {
    std::string text;
    int line = 0;
};

struct PageFacts {
    std::vector<ElementSpan> elements;
    bool has_article = false;
    bool has_main = false;
    std::string lang;
    int lang_line = 0;
    std::string title;  // <title>, blanks collapsed
    int title_line = 0;
    std::vector<MetaTag> metas;
    std::string canonical;  // <link rel=canonical href>
    int canonical_line = 0;
    std::vector<Script> json_ld;
    std::vector<DatedElement> times;      // <time datetime>, document order
    std::vector<DatedElement> datelines;  // visible dates, document order
};

// Parses `utf8` (the page as UTF-8, BOM removed) with gumbo. `to_original`
// maps an offset in `utf8` to one in the file's bytes; `file` is those bytes,
// for line numbers. Pages nested too deeply for the parser to finish in
// reasonable time are refused.
using OffsetMap = std::function<std::size_t(std::size_t)>;
Expected<PageFacts> read_page_facts(std::string_view path, std::string_view utf8,
                                    std::string_view file, const OffsetMap& to_original);

}  // namespace archtag::article
