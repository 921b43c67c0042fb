#pragma once
// What the vocabulary readers (NITF, NewsML-G2, JATS, Atom, RSS) share: a
// few questions to ask of a parsed element, and the Reading they fill.
// TinyXML-2 stays in the .cc files; its element type is only named here.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "article/article.h"

namespace tinyxml2 {
class XMLElement;
}

namespace archtag::article::xml {

using Node = tinyxml2::XMLElement;

// The name without its namespace prefix: "newsItem" for "nar:newsItem".
// Vocabularies are recognised by local names; prefixes vary between feeds.
std::string_view local_name(const Node& e);
// The first child element with local name `local`, or null.
const Node* child(const Node* e, std::string_view local);
// Follows a chain of local names from `e`; null when a link is missing.
const Node* descend(const Node* e, std::initializer_list<std::string_view> locals);
std::vector<const Node*> children(const Node* e, std::string_view local);
// Every text inside `e`, runs of white space collapsed to one space, trimmed.
std::string text_of(const Node* e);
// The attribute's value, or "" when `e` is null or has none.
std::string attribute(const Node* e, const char* name);
int line_of(const Node& e);

// The metadata one vocabulary reader found, with where it was found.
class Reading {
  public:
    explicit Reading(Document& doc) : m_doc(doc) {}

    // Adds one value of a canonical field; blank values are skipped.
    void field(const std::string& key, std::string value, const Node& where);
    bool has(const std::string& key) const { return m_doc.fields.contains(key); }

    // A date candidate read from `text`. Unreadable dates become a bad-date
    // flag; partial dates (2014-03) are read as their first day, with
    // medium confidence and a note.
    void date(std::string_view text, std::string source, const Node& where,
              DateRole role = DateRole::published, Confidence confidence = Confidence::high,
              std::string note = {});
    // JATS: a date given as <year>, <month>, <day> children of `where`.
    void date_from_children(std::string source, const Node& where, DateRole role,
                            Confidence confidence, std::string note = {});

    // An element a stamp may be placed in or around; null is ignored.
    void anchor(const Node* e);
    const std::vector<const Node*>& anchors() const { return m_anchors; }

    void flag(FlagLevel level, std::string code, std::string message);

  private:
    Document& m_doc;
    std::vector<const Node*> m_anchors;
};

}  // namespace archtag::article::xml
