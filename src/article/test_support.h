#pragma once
// Helpers shared by the article tests.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "article/article.h"

namespace archtag::article::testing {

// Parses or fails the calling test with the error text.
inline Document parsed(std::string_view bytes, std::string_view path = "post.md") {
    auto doc = parse(path, bytes);
    EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error().describe());
    return doc ? std::move(*doc) : Document{};
}

// The error headline ("path:line:col: message"), or "parsed" when it parsed.
inline std::string error_of(std::string_view bytes, std::string_view path = "post.md") {
    auto doc = parse(path, bytes);
    return doc ? std::string("parsed") : doc.error().headline();
}

// The values of `key` joined as "value@line|value@line".
inline std::string values(const Document& doc, const std::string& key) {
    auto it = doc.fields.find(key);
    if (it == doc.fields.end())
        return "<absent>";
    std::string out;
    for (const FieldValue& v : it->second) {
        if (!out.empty())
            out += "|";
        out += v.value + "@" + std::to_string(v.line);
    }
    return out;
}

}  // namespace archtag::article::testing
