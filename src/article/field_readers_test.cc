// Field values, their lines, and parser errors mapped to file positions.
#include <gtest/gtest.h>

#include <string>

#include "article/test_support.h"
#include "util/strings.h"

namespace archtag::article {

using testing::error_of;
using testing::parsed;
using testing::values;

namespace {

const char* const k_yaml =
    "---\n"
    "title: \"Hello: world\"\n"
    "date: 2014-03-12T10:11:00-04:00\n"
    "tags:\n"
    "  - politics\n"
    "  - la\n"
    "params:\n"
    "  published: 2013-02-06 00:00:00 +0000\n"
    "  author:\n"
    "    name: Ann\n"
    "empty:\n"
    "# a comment\n"
    "inline: [a, 'b, c']\n"
    "draft: false\n"
    "---\n"
    "Body\n";

void expect_yaml_fields(const Document& doc) {
    EXPECT_EQ(values(doc, "title"), "Hello: world@2");
    EXPECT_EQ(values(doc, "date"), "2014-03-12T10:11:00-04:00@3");
    EXPECT_EQ(values(doc, "tags"), "politics@5|la@6");
    EXPECT_EQ(values(doc, "params"), "");
    EXPECT_EQ(values(doc, "params.published"), "2013-02-06 00:00:00 +0000@8");
    EXPECT_EQ(values(doc, "params.author.name"), "Ann@10");
    EXPECT_EQ(values(doc, "empty"), "");
    EXPECT_EQ(values(doc, "inline"), "a@13|b, c@13");
    EXPECT_EQ(values(doc, "draft"), "false@14");
    EXPECT_EQ(values(doc, "missing"), "<absent>");
}

std::string crlf(std::string s) {
    replace_all(s, "\n", "\r\n");
    return s;
}

}  // namespace

TEST(YamlFields, ValuesAreFlattenedWithFileLines) {
    Document doc = parsed(k_yaml);
    expect_yaml_fields(doc);
    EXPECT_EQ(doc.fields.size(), 10u);
}

TEST(YamlFields, CrlfAndBomKeepTheSameValuesAndLines) {
    expect_yaml_fields(parsed(crlf(k_yaml)));
    expect_yaml_fields(parsed("\xEF\xBB\xBF" + crlf(k_yaml)));
}

TEST(YamlFields, MalformedYamlPointsAtTheFileLine) {
    auto doc = parse("post.md", "---\ntitle: a\nbad: b: c\n---\nBody\n");
    ASSERT_FALSE(doc.has_value());
    EXPECT_EQ(doc.error().describe(),
              "post.md:3:7: invalid YAML front matter: illegal map value\n"
              "    bad: b: c\n"
              "          ^");
    EXPECT_EQ(error_of("\xEF\xBB\xBF---\r\ntitle: a\r\nbad: b: c\r\n---\r\n"),
              "post.md:3:7: invalid YAML front matter: illegal map value");
}

TEST(YamlFields, UnclosedFlowSequence) {
    EXPECT_EQ(error_of("---\ntitle: x\ntags: [a, b\n---\n"),
              "post.md:4:1: invalid YAML front matter: end of sequence flow not found");
}

// yaml-cpp alone would read the keys after an unclosed quote as part of the
// title and the date would silently come from the file name instead.
TEST(YamlFields, UnclosedQuoteIsAnErrorNotASwallowedKey) {
    EXPECT_EQ(error_of("---\ntitle: \"Pride returns\ndate: 2019-06-09\n---\nBody\n"),
              "post.md:4:1: invalid YAML front matter: a quoted value is not closed before the end "
              "of the front matter");
    EXPECT_EQ(error_of("---\ntitle: 'Pride returns\ndate: 2019-06-09\n---\n"),
              "post.md:4:1: invalid YAML front matter: a quoted value is not closed before the end "
              "of the front matter");
}

TEST(YamlFields, TopLevelMustBeAMapping) {
    EXPECT_EQ(error_of("---\n- a\n- b\n---\n"),
              "post.md:2:1: YAML front matter must be a mapping of keys to values, found a list");
    EXPECT_EQ(error_of("---\njust words\n---\n"),
              "post.md:2:1: YAML front matter must be a mapping of keys to values, found a "
              "single value");
}

namespace {

const char* const k_toml =
    "+++\n"
    "title = \"Hi\"\n"
    "date = 2014-03-12T10:11:00-04:00\n"
    "local = 1979-05-27 07:32:00.500\n"
    "day = 2015-01-12\n"
    "tags = [\"a\", \"b\"]  # comment\n"
    "draft = false\n"
    "weight = 1_000\n"
    "[params]\n"
    "published = 2013-02-06T00:00:00Z\n"
    "[[authors]]\n"
    "name = \"Ann\"\n"
    "[[authors]]\n"
    "name = \"Bo\"\n"
    "+++\n"
    "Body\n";

void expect_toml_fields(const Document& doc) {
    EXPECT_EQ(values(doc, "title"), "Hi@2");
    EXPECT_EQ(values(doc, "date"), "2014-03-12T10:11:00-04:00@3");
    EXPECT_EQ(values(doc, "local"), "1979-05-27 07:32:00.500@4");
    EXPECT_EQ(values(doc, "day"), "2015-01-12@5");
    EXPECT_EQ(values(doc, "tags"), "a@6|b@6");
    EXPECT_EQ(values(doc, "draft"), "false@7");
    EXPECT_EQ(values(doc, "weight"), "1_000@8");
    EXPECT_EQ(values(doc, "params.published"), "2013-02-06T00:00:00Z@10");
    EXPECT_EQ(values(doc, "authors.name"), "Ann@12|Bo@14");
}

}  // namespace

TEST(TomlFields, ValuesKeepTheirSourceText) {
    expect_toml_fields(parsed(k_toml));
}

TEST(TomlFields, CrlfAndBom) {
    expect_toml_fields(parsed(crlf(k_toml)));
    expect_toml_fields(parsed("\xEF\xBB\xBF" + std::string(k_toml)));
}

TEST(TomlFields, MalformedTomlPointsAtTheFileLine) {
    auto doc = parse("post.md", "+++\ntitle = \"a\"\nb = = 2\n+++\n");
    ASSERT_FALSE(doc.has_value());
    EXPECT_EQ(doc.error().describe(),
              "post.md:3:5: invalid TOML front matter: Error while parsing value: could not "
              "determine value type\n"
              "    b = = 2\n"
              "        ^");
    EXPECT_EQ(error_of("+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n"),
              "post.md:3:9: invalid TOML front matter: Error while parsing key-value pair: cannot "
              "redefine existing string 'title'");
}

namespace {

const char* const k_json =
    "{\n"
    "  \"title\": \"Hi\",\n"
    "  \"date\": \"2014-03-12T10:11:00-04:00\",\n"
    "  \"tags\": [\"a\",\n"
    "           \"b\"],\n"
    "  \"draft\": false,\n"
    "  \"weight\": 10,\n"
    "  \"ratio\": 1.50,\n"
    "  \"params\": {\"published\": \"2013-02-06\", \"n\": null, \"neg\": -3},\n"
    "  \"note\": \"a \\\"quoted\\\" } brace\"\n"
    "}\n"
    "Body\n";

void expect_json_fields(const Document& doc) {
    EXPECT_EQ(values(doc, "title"), "Hi@2");
    EXPECT_EQ(values(doc, "date"), "2014-03-12T10:11:00-04:00@3");
    EXPECT_EQ(values(doc, "tags"), "a@4|b@5");
    EXPECT_EQ(values(doc, "draft"), "false@6");
    EXPECT_EQ(values(doc, "weight"), "10@7");
    EXPECT_EQ(values(doc, "ratio"), "1.50@8");
    EXPECT_EQ(values(doc, "params"), "");
    EXPECT_EQ(values(doc, "params.published"), "2013-02-06@9");
    EXPECT_EQ(values(doc, "params.n"), "");
    EXPECT_EQ(values(doc, "params.neg"), "-3@9");
    EXPECT_EQ(values(doc, "note"), "a \"quoted\" } brace@10");
}

}  // namespace

TEST(JsonFields, ValuesAndLines) {
    expect_json_fields(parsed(k_json));
}

TEST(JsonFields, CrlfAndBom) {
    expect_json_fields(parsed(crlf(k_json)));
    expect_json_fields(parsed("\xEF\xBB\xBF" + crlf(k_json)));
}

TEST(JsonFields, MalformedJsonPointsAtTheFileLine) {
    auto doc = parse("post.md", "{\n  \"title\": \"Hi\"\n  \"date\": \"x\"\n}\nBody\n");
    ASSERT_FALSE(doc.has_value());
    EXPECT_EQ(doc.error().describe(),
              "post.md:3:3: invalid JSON front matter: syntax error while parsing object - "
              "unexpected string literal; expected '}'\n"
              "      \"date\": \"x\"\n"
              "      ^");
    EXPECT_EQ(error_of("\xEF\xBB\xBF{\"a\": tru}\n"),
              "post.md:1:10: invalid JSON front matter: syntax error while parsing value - "
              "invalid literal; last read: '\"a\": tru}'");
    EXPECT_EQ(error_of("{\"a\": \"x\ny\"}\n"),
              "post.md:1:7: invalid JSON front matter: syntax error while parsing value - invalid "
              "string: control character U+000A (LF) must be escaped to \\u000A or \\n; last "
              "read: '\"x<U+000A>'");
    EXPECT_EQ(error_of("{\"a\": [1, 2,]}\n"),
              "post.md:1:13: invalid JSON front matter: syntax error while parsing value - "
              "unexpected ']'; expected '[', '{', or a literal");
}

}  // namespace archtag::article
