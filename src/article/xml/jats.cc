// JATS: the Journal Article Tag Suite (NLM/NISO), as journals publish it.
#include <fmt/format.h>
#include <tinyxml2.h>

#include <algorithm>

#include "article/xml/vocabularies.h"

namespace archtag::article::xml {

namespace {

// How much a <pub-date> is trusted as the article's publication date, by
// its pub-type (JATS 1.0) or date-type + publication-format (JATS 1.1+).
struct PubDateKind {
    int rank = 0;  // lower is more trusted
    DateRole role = DateRole::published;
    Confidence confidence = Confidence::high;
    std::string note;
};

PubDateKind classify(const std::string& pub_type, const std::string& date_type,
                     const std::string& format) {
    const std::string& type = date_type.empty() ? pub_type : date_type;
    if (type == "update" || type == "corrected")
        return {4, DateRole::modified, Confidence::high, {}};
    if (type == "epub" || (type == "pub" && format == "electronic"))
        return {0, DateRole::published, Confidence::high, {}};
    // Print follows online by weeks; high confidence would make every
    // journal article's two dates look like a conflict.
    if (type == "ppub" || (type == "pub" && format == "print"))
        return {1, DateRole::published, Confidence::medium,
                "the print date; online publication usually comes first"};
    if (type == "pub" || type == "epub-ppub" || type.empty())
        return {2, DateRole::published, Confidence::high, {}};
    if (type == "collection")
        return {3, DateRole::published, Confidence::medium, "the issue's date, not the article's"};
    return {3, DateRole::published, Confidence::medium,
            fmt::format("pub-date of type '{}', not a plain publication date", type)};
}

std::string pub_date_source(const std::string& pub_type, const std::string& date_type,
                            const std::string& format) {
    std::string source = "jats:pub-date";
    if (!pub_type.empty())
        source += fmt::format("[pub-type={}]", pub_type);
    if (!date_type.empty())
        source += fmt::format("[date-type={}]", date_type);
    if (!format.empty())
        source += fmt::format("[publication-format={}]", format);
    return source;
}

void read_dates(const Node* meta, Reading& r) {
    struct Ranked {
        const Node* element;
        PubDateKind kind;
        std::string source;
    };
    std::vector<Ranked> ranked;
    for (const Node* d : children(meta, "pub-date")) {
        std::string pub_type = attribute(d, "pub-type"), date_type = attribute(d, "date-type"),
                    format = attribute(d, "publication-format");
        ranked.push_back({d, classify(pub_type, date_type, format),
                          pub_date_source(pub_type, date_type, format)});
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const Ranked& a, const Ranked& b) { return a.kind.rank < b.kind.rank; });
    for (Ranked& d : ranked)
        r.date_from_children(std::move(d.source), *d.element, d.kind.role, d.kind.confidence,
                             std::move(d.kind.note));
    for (const Node* d : children(child(meta, "history"), "date")) {
        if (attribute(d, "date-type") == "rev-recd")
            r.date_from_children("jats:history/date[date-type=rev-recd]", *d, DateRole::modified,
                                 Confidence::high);
    }
}

// The journal names the publication; <publisher-name> inside a reference
// names someone else's, so only journal-meta is looked at.
void read_publication(const Node* journal_meta, Reading& r) {
    const Node* title = descend(journal_meta, {"journal-title-group", "journal-title"});
    if (!title)
        title = child(journal_meta, "journal-title");
    if (title)
        r.field("publication", text_of(title), *title);
    if (!r.has("publication"))
        if (const Node* publisher = descend(journal_meta, {"publisher", "publisher-name"}))
            r.field("publication", text_of(publisher), *publisher);
}

void read_section(const Node* meta, Reading& r) {
    std::vector<const Node*> groups = children(child(meta, "article-categories"), "subj-group");
    auto heading = std::find_if(groups.begin(), groups.end(), [](const Node* g) {
        return attribute(g, "subj-group-type") == "heading";
    });
    const Node* group =
        heading != groups.end() ? *heading : (groups.empty() ? nullptr : groups.front());
    if (const Node* subject = child(group, "subject"))
        r.field("section", text_of(subject), *subject);
}

}  // namespace

void read_jats(const Node& article, Reading& r) {
    const Node* front = child(&article, "front");
    const Node* meta = child(front, "article-meta");
    r.anchor(front);
    r.anchor(meta);
    if (const Node* title = descend(meta, {"title-group", "article-title"}))
        r.field("title", text_of(title), *title);
    read_publication(child(front, "journal-meta"), r);
    r.field("language", attribute(&article, "xml:lang"), article);
    read_section(meta, r);
    for (const Node* group : children(meta, "kwd-group"))
        for (const Node* kwd : children(group, "kwd"))
            r.field("tags", text_of(kwd), *kwd);
    r.field("type", attribute(&article, "article-type"), article);
    read_dates(meta, r);
}

}  // namespace archtag::article::xml
