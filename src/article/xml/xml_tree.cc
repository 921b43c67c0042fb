#include "article/xml/xml_tree.h"

#include <fmt/format.h>
#include <tinyxml2.h>

#include "article/xml/xml_dates.h"

namespace archtag::article::xml {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void collect_text(const tinyxml2::XMLNode* node, std::string& out) {
    for (const tinyxml2::XMLNode* n = node->FirstChild(); n; n = n->NextSibling()) {
        if (const tinyxml2::XMLText* t = n->ToText()) {
            out += t->Value();
        } else if (n->ToElement()) {
            out += ' ';  // <hl1>One<br/>Two</hl1> is two words
            collect_text(n, out);
        }
    }
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool pending = false;
    for (char c : s) {
        if (is_space(c)) {
            pending = !out.empty();
            continue;
        }
        if (pending)
            out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

Confidence lower(Confidence a, Confidence b) {
    return static_cast<int>(a) < static_cast<int>(b) ? a : b;
}

std::string_view partial_note(DatePrecision p) {
    switch (p) {
        case DatePrecision::month:
            return "no day given; read as the 1st of the month";
        case DatePrecision::year:
            return "only the year given; read as January 1";
        case DatePrecision::day:
            break;
    }
    return {};
}

}  // namespace

std::string_view local_name(const Node& e) {
    std::string_view name = e.Name();
    std::size_t colon = name.find(':');
    return colon == name.npos ? name : name.substr(colon + 1);
}

const Node* child(const Node* e, std::string_view local) {
    if (!e)
        return nullptr;
    for (const Node* c = e->FirstChildElement(); c; c = c->NextSiblingElement())
        if (local_name(*c) == local)
            return c;
    return nullptr;
}

const Node* descend(const Node* e, std::initializer_list<std::string_view> locals) {
    for (std::string_view local : locals)
        e = child(e, local);
    return e;
}

std::vector<const Node*> children(const Node* e, std::string_view local) {
    std::vector<const Node*> out;
    if (!e)
        return out;
    for (const Node* c = e->FirstChildElement(); c; c = c->NextSiblingElement())
        if (local_name(*c) == local)
            out.push_back(c);
    return out;
}

std::string text_of(const Node* e) {
    if (!e)
        return {};
    std::string raw;
    collect_text(e, raw);
    return collapse_spaces(raw);
}

std::string attribute(const Node* e, const char* name) {
    if (!e)
        return {};
    const char* v = e->Attribute(name);
    return v ? collapse_spaces(v) : std::string();
}

int line_of(const Node& e) {
    return e.GetLineNum();
}

void Reading::field(const std::string& key, std::string value, const Node& where) {
    if (value.empty())
        return;
    m_doc.fields[key].push_back(FieldValue{std::move(value), line_of(where)});
}

void Reading::date(std::string_view text, std::string source, const Node& where, DateRole role,
                   Confidence confidence, std::string note) {
    if (text.empty())
        return;
    auto read = read_xml_date(text);
    if (!read) {
        flag(FlagLevel::warning, "bad-date",
             fmt::format("{} at line {}: {}", source, line_of(where), read.error().message));
        return;
    }
    if (read->precision != DatePrecision::day) {
        confidence = lower(confidence, Confidence::medium);
        note = note.empty() ? std::string(partial_note(read->precision))
                            : fmt::format("{}; {}", note, partial_note(read->precision));
    }
    m_doc.dates.push_back(DateCandidate{std::move(read->timestamp), std::move(source),
                                        line_of(where), std::move(note), confidence, role});
}

void Reading::date_from_children(std::string source, const Node& where, DateRole role,
                                 Confidence confidence, std::string note) {
    std::string year = text_of(child(&where, "year"));
    if (year.empty()) {
        // JATS 1.1 may give only the attribute: <pub-date iso-8601-date="2014-03-12">.
        date(attribute(&where, "iso-8601-date"), std::move(source), where, role, confidence,
             std::move(note));
        return;
    }
    auto read =
        date_from_parts(year, text_of(child(&where, "month")), text_of(child(&where, "day")));
    if (!read) {
        flag(FlagLevel::warning, "bad-date",
             fmt::format("{} at line {}: {}", source, line_of(where), read.error().message));
        return;
    }
    date(read->timestamp.text, std::move(source), where, role, confidence, std::move(note));
}

void Reading::anchor(const Node* e) {
    if (e)
        m_anchors.push_back(e);
}

void Reading::flag(FlagLevel level, std::string code, std::string message) {
    m_doc.flags.push_back(Flag{level, std::move(code), std::move(message)});
}

}  // namespace archtag::article::xml
