// NewsML-G2: IPTC's news exchange format, as Reuters, AFP and others send it.
#include <fmt/format.h>
#include <tinyxml2.h>

#include "article/xml/vocabularies.h"

namespace archtag::article::xml {

namespace {

void read_publication(const Node* item_meta, const Node* item, Reading& r) {
    if (const Node* provider = child(item_meta, "provider")) {
        r.field("publication", attribute(provider, "literal"), *provider);
        if (!r.has("publication"))
            if (const Node* name = child(provider, "name"))
                r.field("publication", text_of(name), *name);
    }
    if (r.has("publication"))
        return;
    if (const Node* holder = descend(item, {"rightsInfo", "copyrightHolder"})) {
        r.field("publication", attribute(holder, "literal"), *holder);
        if (!r.has("publication"))
            if (const Node* name = child(holder, "name"))
                r.field("publication", text_of(name), *name);
    }
}

void read_language(const Node* content_meta, const Node& item, const Node& root, Reading& r) {
    if (const Node* language = child(content_meta, "language"))
        r.field("language", attribute(language, "tag"), *language);
    if (!r.has("language"))
        r.field("language", attribute(&item, "xml:lang"), item);
    if (!r.has("language"))
        r.field("language", attribute(&root, "xml:lang"), root);
}

void read_type(const Node* content_meta, const Node* item_meta, Reading& r) {
    if (const Node* genre = descend(content_meta, {"genre", "name"}))
        r.field("type", text_of(genre), *genre);
    if (!r.has("type"))
        if (const Node* item_class = child(item_meta, "itemClass"))
            r.field("type", attribute(item_class, "qcode"), *item_class);
}

void read_dates(const Node* content_meta, const Node* item_meta, Reading& r) {
    if (const Node* first = child(item_meta, "firstCreated"))
        r.date(text_of(first), "newsml:firstCreated", *first);
    if (const Node* created = child(content_meta, "contentCreated"))
        r.date(text_of(created), "newsml:contentCreated", *created);
    if (const Node* version = child(item_meta, "versionCreated")) {
        r.date(text_of(version), "newsml:versionCreated", *version, DateRole::published,
               Confidence::medium,
               "last resort: when this version was made, which may be later than first "
               "publication");
    }
}

void read_item(const Node& item, const Node& root, Reading& r) {
    const Node* item_meta = child(&item, "itemMeta");
    const Node* content_meta = child(&item, "contentMeta");
    if (const Node* headline = child(content_meta, "headline"))
        r.field("title", text_of(headline), *headline);
    read_publication(item_meta, &item, r);
    read_language(content_meta, item, root, r);
    for (const Node* subject : children(content_meta, "subject"))
        if (const Node* name = child(subject, "name"))
            r.field("tags", text_of(name), *name);
    read_type(content_meta, item_meta, r);
    read_dates(content_meta, item_meta, r);
}

}  // namespace

bool note_items(const char* container, const char* items_noun,
                const std::vector<const Node*>& items, Reading& r) {
    if (items.empty()) {
        r.flag(FlagLevel::warning, "no-items",
               fmt::format("the {} holds no {}; there is no article metadata to read", container,
                           items_noun));
        return false;
    }
    if (items.size() > 1) {
        r.flag(FlagLevel::info, "several-items",
               fmt::format("the {} holds {} {}; metadata is read from the first (line {}), and "
                           "each one is stamped",
                           container, items.size(), items_noun, line_of(*items.front())));
    }
    return true;
}

void read_newsml(const Node& root, Reading& r) {
    std::vector<const Node*> items = local_name(root) == "newsItem"
                                         ? std::vector<const Node*>{&root}
                                         : children(child(&root, "itemSet"), "newsItem");
    for (const Node* item : items) {
        r.anchor(item);
        r.anchor(child(item, "itemMeta"));
        r.anchor(child(item, "contentMeta"));
    }
    if (note_items("newsMessage", "news items", items, r))
        read_item(*items.front(), root, r);
}

}  // namespace archtag::article::xml
