// NITF 3.x: what the IPTC News Industry Text Format says about a story.
#include <tinyxml2.h>

#include "article/xml/vocabularies.h"

namespace archtag::article::xml {

namespace {

void read_title(const Node* head, const Node* body_head, Reading& r) {
    if (const Node* hl1 = descend(body_head, {"hedline", "hl1"}))
        r.field("title", text_of(hl1), *hl1);
    if (!r.has("title"))
        if (const Node* title = child(head, "title"))
            r.field("title", text_of(title), *title);
}

void read_publication(const Node* docdata, const Node* pubdata, Reading& r) {
    if (const Node* copyright = child(docdata, "doc.copyright"))
        r.field("publication", attribute(copyright, "holder"), *copyright);
    if (!r.has("publication") && pubdata)
        r.field("publication", attribute(pubdata, "name"), *pubdata);
}

void read_dates(const Node* docdata, const Node* pubdata, const Node* body_head, Reading& r) {
    if (pubdata)
        r.date(attribute(pubdata, "date.publication"), "nitf:pubdata@date.publication", *pubdata);
    if (const Node* issue = child(docdata, "date.issue"))
        r.date(attribute(issue, "norm"), "nitf:date.issue@norm", *issue);
    // The dateline's visible text ("Oct. 20") is prose; only norm is read.
    if (const Node* story = descend(body_head, {"dateline", "story.date"}))
        r.date(attribute(story, "norm"), "nitf:story.date@norm", *story);
}

}  // namespace

void read_nitf(const Node& nitf, Reading& r) {
    const Node* head = child(&nitf, "head");
    const Node* docdata = child(head, "docdata");
    const Node* pubdata = child(head, "pubdata");
    const Node* body = child(&nitf, "body");
    const Node* body_head = child(body, "body.head");
    for (const Node* e : {head, docdata, body, body_head, child(body, "body.content")})
        r.anchor(e);

    read_title(head, body_head, r);
    read_publication(docdata, pubdata, r);
    r.field("language", attribute(&nitf, "xml:lang"), nitf);
    if (pubdata)
        r.field("section", attribute(pubdata, "position.section"), *pubdata);
    for (const Node* keyword : children(child(docdata, "key-list"), "keyword"))
        r.field("tags", attribute(keyword, "key"), *keyword);
    if (const Node* tobject = child(head, "tobject"))
        r.field("type", attribute(tobject, "tobject.type"), *tobject);
    read_dates(docdata, pubdata, body_head, r);
}

}  // namespace archtag::article::xml
