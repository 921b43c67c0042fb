// Atom and RSS 2.0: an article kept as a feed entry or item.
#include <tinyxml2.h>

#include "article/xml/vocabularies.h"

namespace archtag::article::xml {

namespace {

void read_atom_publication(const Node& entry, const Node& root, Reading& r) {
    if (const Node* title = descend(&entry, {"source", "title"}))
        r.field("publication", text_of(title), *title);
    if (&root == &entry || r.has("publication"))
        return;
    // The feed's own name only when the entry does not say where it is from.
    if (const Node* title = child(&root, "title"))
        r.field("publication", text_of(title), *title);
    if (!r.has("publication"))
        if (const Node* generator = child(&root, "generator"))
            r.field("publication", text_of(generator), *generator);
}

void read_atom_entry(const Node& entry, const Node& root, Reading& r) {
    if (const Node* title = child(&entry, "title"))
        r.field("title", text_of(title), *title);
    read_atom_publication(entry, root, r);
    r.field("language", attribute(&entry, "xml:lang"), entry);
    if (!r.has("language"))
        r.field("language", attribute(&root, "xml:lang"), root);
    for (const Node* category : children(&entry, "category"))
        r.field("tags", attribute(category, "term"), *category);
    if (const Node* published = child(&entry, "published"))
        r.date(text_of(published), "atom:published", *published);
    if (const Node* date = child(&entry, "date"))
        r.date(text_of(date), "dc:date", *date);
    if (const Node* updated = child(&entry, "updated"))
        r.date(text_of(updated), "atom:updated", *updated, DateRole::modified);
}

void read_rss_item(const Node& item, const Node& channel, const Node& root, Reading& r) {
    if (const Node* title = child(&item, "title"))
        r.field("title", text_of(title), *title);
    if (const Node* source = child(&item, "source"))
        r.field("publication", text_of(source), *source);
    if (!r.has("publication"))
        if (const Node* title = child(&channel, "title"))
            r.field("publication", text_of(title), *title);
    if (const Node* language = child(&channel, "language"))
        r.field("language", text_of(language), *language);
    if (!r.has("language"))
        r.field("language", attribute(&root, "xml:lang"), root);
    for (const Node* category : children(&item, "category"))
        r.field("tags", text_of(category), *category);
    if (const Node* pub_date = child(&item, "pubDate"))
        r.date(text_of(pub_date), "rss:pubDate", *pub_date);
    if (const Node* date = child(&item, "date"))
        r.date(text_of(date), "dc:date", *date);
}

}  // namespace

void read_atom(const Node& root, Reading& r) {
    std::vector<const Node*> entries =
        local_name(root) == "entry" ? std::vector<const Node*>{&root} : children(&root, "entry");
    for (const Node* entry : entries)
        r.anchor(entry);
    if (note_items("feed", "entries", entries, r))
        read_atom_entry(*entries.front(), root, r);
}

void read_rss(const Node& root, Reading& r) {
    const Node* channel = child(&root, "channel");
    std::vector<const Node*> items = children(channel, "item");
    r.anchor(channel);
    for (const Node* item : items)
        r.anchor(item);
    if (note_items("channel", "items", items, r))
        read_rss_item(*items.front(), *channel, root, r);
}

}  // namespace archtag::article::xml
