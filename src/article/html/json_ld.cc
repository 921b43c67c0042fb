#include "article/html/json_ld.h"

#include <nlohmann/json.hpp>

#include "util/strings.h"

namespace archtag::article {

namespace {

using nlohmann::json;

bool ends_with_word(std::string_view type, std::string_view word) {
    return type.size() >= word.size() && type.ends_with(word);
}

bool is_article_type(const json& node) {
    auto it = node.find("@type");
    if (it == node.end())
        return false;
    auto check = [](const json& t) {
        if (!t.is_string())
            return false;
        std::string s = t.get<std::string>();
        return ends_with_word(s, "Article") || ends_with_word(s, "Posting");
    };
    if (it->is_array())
        return std::any_of(it->begin(), it->end(), check);
    return check(*it);
}

std::string type_of(const json& node) {
    const json& t = node["@type"];
    if (t.is_string())
        return t.get<std::string>();
    if (t.is_array() && !t.empty() && t.front().is_string())
        return t.front().get<std::string>();
    return {};
}

// A string, the first string of an array, or an {"@value": "..."}.
std::string string_of(const json& node, const char* key) {
    auto it = node.find(key);
    if (it == node.end())
        return {};
    const json* v = &*it;
    if (v->is_array() && !v->empty())
        v = &v->front();
    if (v->is_object() && v->contains("@value"))
        v = &(*v)["@value"];
    return v->is_string() ? std::string(trim(v->get<std::string>())) : std::string();
}

class Graph {
  public:
    explicit Graph(const json& root) { collect(root, 0); }

    std::vector<JsonLdArticle> articles() const {
        std::vector<JsonLdArticle> out;
        for (const json* node : m_nodes)
            if (is_article_type(*node))
                out.push_back(article_of(*node));
        return out;
    }

  private:
    // Objects at the top, in arrays, under @graph, and as mainEntity; deeper
    // nesting is not where pages put their article.
    void collect(const json& node, int depth) {
        if (depth > 4)
            return;
        if (node.is_array()) {
            for (const json& item : node)
                collect(item, depth + 1);
            return;
        }
        if (!node.is_object())
            return;
        m_nodes.push_back(&node);
        for (const char* key : {"@graph", "mainEntity"})
            if (auto it = node.find(key); it != node.end())
                collect(*it, depth + 1);
    }

    const json* by_id(const std::string& id) const {
        for (const json* node : m_nodes)
            if (node->contains("@id") && (*node)["@id"] == id && node->size() > 1)
                return node;
        return nullptr;
    }

    std::string publisher_of(const json& article) const {
        auto it = article.find("publisher");
        if (it == article.end())
            return {};
        const json* p = &*it;
        if (p->is_array() && !p->empty())
            p = &p->front();
        if (p->is_string())
            return std::string(trim(p->get<std::string>()));
        if (!p->is_object())
            return {};
        std::string name = string_of(*p, "name");
        if (name.empty() && p->contains("@id") && (*p)["@id"].is_string())
            if (const json* target = by_id((*p)["@id"].get<std::string>()))
                name = string_of(*target, "name");
        return name;
    }

    JsonLdArticle article_of(const json& node) const {
        JsonLdArticle a;
        a.type = type_of(node);
        a.headline = string_of(node, "headline");
        if (a.headline.empty())
            a.headline = string_of(node, "name");
        a.publisher = publisher_of(node);
        a.section = string_of(node, "articleSection");
        a.language = string_of(node, "inLanguage");
        a.date_published = string_of(node, "datePublished");
        a.date_modified = string_of(node, "dateModified");
        if (auto it = node.find("keywords"); it != node.end()) {
            auto keep = [&a](std::string_view k) {
                for (const std::string& piece : split(k, ','))
                    if (!trim(piece).empty())
                        a.keywords.emplace_back(trim(piece));
            };
            if (it->is_string())
                keep(it->get<std::string>());
            else if (it->is_array())
                for (const json& k : *it)
                    if (k.is_string())
                        keep(k.get<std::string>());
        }
        return a;
    }

    std::vector<const json*> m_nodes;
};

bool word_at(std::string_view s, std::size_t i, std::string_view word) {
    if (s.substr(i, word.size()) != word)
        return false;
    std::size_t end = i + word.size();
    auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    return (i == 0 || !is_word(s[i - 1])) && (end >= s.size() || !is_word(s[end]));
}

}  // namespace

std::string_view strip_json_ld_wrappers(std::string_view block) {
    std::string_view s = trim(block);
    for (int round = 0; round < 2; ++round) {
        if (s.starts_with("<!--") && s.ends_with("-->"))
            s = trim(s.substr(4, s.size() - 7));
        // "//<![CDATA[ ... //]]>" is how scripts hide from XHTML parsers.
        std::string_view open = s.starts_with("//<![CDATA[") ? "//<![CDATA[" : "<![CDATA[";
        if (s.starts_with(open)) {
            s.remove_prefix(open.size());
            if (s.ends_with("//]]>"))
                s.remove_suffix(5);
            else if (s.ends_with("]]>"))
                s.remove_suffix(3);
            s = trim(s);
        }
    }
    return s;
}

std::string repair_json(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool in_string = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (in_string) {
            if (c == '\\' && i + 1 < s.size()) {
                out += c;
                out += s[++i];
            } else if (c == '"') {
                in_string = false;
                out += c;
            } else if (c == '\n') {
                out += "\\n";
            } else if (c == '\r') {
                out += "\\r";
            } else if (c == '\t') {
                out += "\\t";
            } else {
                out += c;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
            out += c;
        } else if (c == ',') {
            std::size_t next = s.find_first_not_of(" \t\r\n", i + 1);
            if (next == std::string_view::npos || (s[next] != '}' && s[next] != ']'))
                out += c;
        } else if (word_at(s, i, "-Infinity")) {
            out += "null";
            i += 8;
        } else if (word_at(s, i, "NaN") || word_at(s, i, "Infinity") ||
                   word_at(s, i, "undefined")) {
            std::size_t len = s[i] == 'N' ? 3 : (s[i] == 'I' ? 8 : 9);
            out += "null";
            i += len - 1;
        } else {
            out += c;
        }
    }
    return out;
}

Expected<std::vector<JsonLdArticle>> read_json_ld(std::string_view block) {
    std::string_view text = strip_json_ld_wrappers(block);
    json root = json::parse(text, nullptr, false);
    if (root.is_discarded()) {
        std::string repaired = repair_json(text);
        try {
            root = json::parse(repaired);
        } catch (const json::exception& e) {
            return fail(make_error("", e.what()));
        }
    }
    return Graph(root).articles();
}

}  // namespace archtag::article
