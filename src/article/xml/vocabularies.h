#pragma once
// One reader per XML news vocabulary. Each fills canonical fields, date
// candidates in its documented order of trust (most trusted first, modified
// dates last), flags, and the anchor elements a stamp may go into. The
// parse_xml dispatcher anchors the root element itself.
#include "article/xml/xml_tree.h"

namespace archtag::article::xml {

// NITF 3.x (<nitf>). Dates: pubdata@date.publication, docdata/date.issue@norm,
// body.head/dateline/story.date@norm. Anchors: head, docdata, body,
// body.head, body.content.
void read_nitf(const Node& root, Reading& r);

// NewsML-G2 (<newsMessage> wrapping newsItems, or one <newsItem>). Metadata
// from the first item. Dates: firstCreated, contentCreated, then
// versionCreated (medium: a last resort). Anchors: each newsItem, its
// itemMeta and contentMeta.
void read_newsml(const Node& root, Reading& r);

// JATS (<article>). Dates: pub-date by type (electronic; print, medium; plain;
// collection), then update/corrected pub-dates and history rev-recd dates
// as modified. Only journal-meta names the publication, never a reference.
// Anchors: front, article-meta.
void read_jats(const Node& root, Reading& r);

// Atom (<feed> or <entry>). Dates: published, dc:date, then updated
// (modified). Anchors: each entry.
void read_atom(const Node& root, Reading& r);

// RSS 2.0 (<rss><channel><item>). Dates: pubDate (RFC 822), dc:date.
// Anchors: channel, each item.
void read_rss(const Node& root, Reading& r);

// Several items in one file (a newsMessage, a feed): metadata comes from the
// first; says so with an info flag, or warns when there is none.
// False when there is no item at all.
bool note_items(const char* container, const char* items_noun,
                const std::vector<const Node*>& items, Reading& r);

}  // namespace archtag::article::xml
