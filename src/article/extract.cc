// ArticleMeta from a parsed Document: which front-matter keys say what.
#include "article/article.h"
#include "article/publication_date.h"
#include "util/strings.h"

namespace archtag::article {

namespace {

struct Found {
    std::string source;  // "front-matter:<key>"
    const std::vector<FieldValue>* values = nullptr;
    std::string_view text;  // the first non-blank value, trimmed
};

// The first key of `keys` with a non-blank value.
std::optional<Found> first_present(const FieldMap& fields, const std::vector<std::string>& keys) {
    for (const std::string& key : keys) {
        auto it = fields.find(key);
        if (it == fields.end())
            continue;
        for (const FieldValue& v : it->second) {
            std::string_view text = trim(v.value);
            if (!text.empty())
                return Found{"front-matter:" + key, &it->second, text};
        }
    }
    return std::nullopt;
}

std::string text_of(const FieldMap& fields, const std::vector<std::string>& keys,
                    std::string* source = nullptr) {
    auto found = first_present(fields, keys);
    if (!found)
        return {};
    if (source)
        *source = found->source;
    return std::string(found->text);
}

// A list gives one tag per item; a single string is split on commas.
std::vector<std::string> tags_of(const FieldMap& fields, const std::vector<std::string>& keys) {
    std::vector<std::string> tags;
    auto found = first_present(fields, keys);
    if (!found)
        return tags;
    auto keep = [&tags](std::string_view tag) {
        tag = trim(tag);
        if (!tag.empty())
            tags.emplace_back(tag);
    };
    if (found->values->size() == 1) {
        for (const std::string& piece : split(found->text, ','))
            keep(piece);
    } else {
        for (const FieldValue& v : *found->values)
            keep(v.value);
    }
    return tags;
}

bool is_one_of(std::string_view value, std::initializer_list<std::string_view> words) {
    for (std::string_view w : words)
        if (iequals(value, w))
            return true;
    return false;
}

void read_opt_out(const FieldMap& fields, const std::vector<std::string>& keys, ArticleMeta& meta) {
    auto found = first_present(fields, keys);
    if (!found)
        return;
    std::string_view value = found->text;
    if (is_one_of(value, {"false", "no", "off", "0"}))
        return;
    meta.opt_out_reason = is_one_of(value, {"true", "yes", "on", "1"}) ? std::string("opted out")
                                                                       : std::string(value);
    meta.opt_out_source = found->source;
}

}  // namespace

ArticleMeta extract(const Document& doc, std::string_view path, const FieldMapping& mapping) {
    ArticleMeta meta;
    meta.path = std::string(path);
    meta.format = doc.layout.format;
    const FieldMap& f = doc.fields;
    meta.title = text_of(f, mapping.title);
    meta.publication = text_of(f, mapping.publication, &meta.publication_source);
    meta.section = text_of(f, mapping.section);
    meta.type = text_of(f, mapping.type);
    meta.language = text_of(f, mapping.language);
    meta.tags = tags_of(f, mapping.tags);
    read_opt_out(f, mapping.opt_out, meta);
    meta.flags = doc.flags;
    if (doc.layout.format == Format::markdown)
        choose_publication_date(f, path, mapping.date, meta);
    else
        choose_from_candidates(doc.dates, meta);
    meta.fields = f;
    return meta;
}

}  // namespace archtag::article
