// Small definitions for the plain value types of src/model.
#include <algorithm>

#include "model/article_meta.h"
#include "model/decision.h"
#include "model/edit.h"
#include "model/format.h"
#include "model/notice.h"
#include "model/policy.h"
#include "model/result.h"
#include "util/strings.h"

namespace archtag {

std::string_view to_string(Format f) {
    switch (f) {
        case Format::markdown:
            return "markdown";
        case Format::html:
            return "html";
        case Format::xml:
            return "xml";
    }
    return "?";
}

std::optional<Format> format_from_path(std::string_view path) {
    std::size_t slash = path.rfind('/');
    std::string_view name = slash == path.npos ? path : path.substr(slash + 1);
    std::size_t dot = name.rfind('.');
    if (dot == name.npos || dot == 0)
        return std::nullopt;
    std::string ext = to_lower(name.substr(dot + 1));
    if (ext == "md" || ext == "markdown" || ext == "mdown" || ext == "mkd")
        return Format::markdown;
    if (ext == "html" || ext == "htm" || ext == "shtml" || ext == "xhtml")
        return Format::html;
    if (ext == "xml" || ext == "nitf" || ext == "newsml")
        return Format::xml;
    return std::nullopt;
}

std::string apply_edits(std::string_view bytes, std::vector<Edit> edits) {
    std::sort(edits.begin(), edits.end(),
              [](const Edit& a, const Edit& b) { return a.offset < b.offset; });
    std::string out;
    out.reserve(bytes.size() + 256);
    std::size_t pos = 0;
    for (const Edit& e : edits) {
        out.append(bytes.substr(pos, e.offset - pos));
        out += e.text;
        pos = e.offset + e.length;
    }
    out.append(bytes.substr(std::min(pos, bytes.size())));
    return out;
}

std::string_view to_string(NoticeKind k) {
    return k == NoticeKind::archival ? "archival" : "age";
}

std::string_view to_string(FlagLevel l) {
    switch (l) {
        case FlagLevel::info:
            return "info";
        case FlagLevel::warning:
            return "warning";
        case FlagLevel::error:
            return "error";
    }
    return "?";
}

std::string_view to_string(Change c) {
    switch (c) {
        case Change::add:
            return "add";
        case Change::update:
            return "update";
        case Change::remove:
            return "remove";
        case Change::keep:
            return "keep";
    }
    return "?";
}

std::string_view to_string(FrontMatterKind k) {
    switch (k) {
        case FrontMatterKind::none:
            return "none";
        case FrontMatterKind::yaml:
            return "yaml";
        case FrontMatterKind::toml:
            return "toml";
        case FrontMatterKind::json:
            return "json";
    }
    return "?";
}

std::string_view to_string(Confidence c) {
    switch (c) {
        case Confidence::low:
            return "low";
        case Confidence::medium:
            return "medium";
        case Confidence::high:
            return "high";
    }
    return "?";
}

std::string_view to_string(AgeArithmetic a) {
    return a == AgeArithmetic::calendar ? "calendar" : "guardian";
}

FieldMapping FieldMapping::defaults() {
    FieldMapping m;
    m.date = {"date",    "published",    "publishDate",  "publish_date",
              "pubDate", "published_at", "datePublished"};
    m.publication = {"publication", "brand", "publisher", "site", "source"};
    m.title = {"title", "headline"};
    m.tags = {"tags", "keywords", "categories"};
    m.section = {"section", "category"};
    m.type = {"type", "kind", "layout"};
    m.language = {"lang", "language", "locale"};
    m.opt_out = {"archtag_skip", "archtag.skip"};
    return m;
}

namespace {
bool within(std::chrono::year_month_day day, const std::optional<Day>& from,
            const std::optional<Day>& until) {
    return (!from || day >= *from) && (!until || day < *until);
}
}  // namespace

const Era* Policy::era_at(Day local_day) const {
    for (const Era& e : eras)
        if (within(local_day, e.from, e.until))
            return &e;
    return nullptr;
}

const Owner* Policy::owner_at(Day local_day) const {
    for (const Owner& o : owners)
        if (within(local_day, o.from, o.until))
            return &o;
    return nullptr;
}

const Owner* Policy::owner_by_id(const std::string& id) const {
    for (const Owner& o : owners)
        if (o.id == id)
            return &o;
    return nullptr;
}

void RunSummary::add(const ArticleResult& r) {
    ++articles;
    if (r.error)
        ++errors;
    if (r.decision.review())
        ++flagged;
    if (r.pending())
        ++pending;
    for (const StampChange& c : r.plan.changes) {
        switch (c.change) {
            case Change::add:
                ++added;
                break;
            case Change::update:
                ++updated;
                break;
            case Change::remove:
                ++removed;
                break;
            case Change::keep:
                ++kept;
                break;
        }
    }
}

RunSummary summarize(const std::vector<ArticleResult>& results) {
    RunSummary s;
    for (const ArticleResult& r : results)
        s.add(r);
    return s;
}

}  // namespace archtag
