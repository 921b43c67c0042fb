// Field values, their lines, and parser errors mapped to file positions.
#include <gtest/gtest.h>

#include <string>

#include "article/field_readers.h"
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
              "post.md:3:7: invalid YAML front matter: a ': ' cannot start a mapping here; quote "
              "the value if the colon belongs to it\n"
              "    bad: b: c\n"
              "          ^");
    EXPECT_EQ(error_of("\xEF\xBB\xBF---\r\ntitle: a\r\nbad: b: c\r\n---\r\n"),
              "post.md:3:7: invalid YAML front matter: a ': ' cannot start a mapping here; quote "
              "the value if the colon belongs to it");
}

TEST(YamlFields, UnclosedFlowSequence) {
    EXPECT_EQ(error_of("---\ntitle: x\ntags: [a, b\n---\n"),
              "post.md:4:1: invalid YAML front matter: expected ',' or ']' in the list that '[' "
              "opens on line 3");
}

// Read as a value, an unclosed quote would swallow the keys after it into the
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

TEST(YamlFields, AnEmptyOrNullDocumentHasNoFields) {
    EXPECT_TRUE(parsed("---\n---\nBody\n").fields.empty());
    EXPECT_TRUE(parsed("---\n~\n---\nBody\n").fields.empty());
    EXPECT_TRUE(parsed("---\n# only a comment\n---\nBody\n").fields.empty());
}

// A plain ~, null, Null, NULL or nothing is null: the key is there without a
// value. Quoted or tagged, the same text is a value.
TEST(YamlFields, NullFormsKeepTheKeyWithoutAValue) {
    Document doc = parsed(
        "---\na: ~\nb: null\nc: Null\nd: NULL\ne:\nf: \"~\"\ng: 'null'\nh: !!str null\n"
        "i: nULL\nj: ''\n---\n");
    for (const char* key : {"a", "b", "c", "d", "e"})
        EXPECT_EQ(values(doc, key), "") << key;
    EXPECT_EQ(values(doc, "f"), "~@7");
    EXPECT_EQ(values(doc, "g"), "null@8");
    EXPECT_EQ(values(doc, "h"), "null@9");
    EXPECT_EQ(values(doc, "i"), "nULL@10");
    EXPECT_EQ(values(doc, "j"), "@11");
    EXPECT_EQ(values(doc, "list"), "<absent>");
    EXPECT_EQ(values(parsed("---\nlist:\n  - ~\n  - x\n---\n"), "list"), "x@4");
}

// An alias reads as the node it names, at the anchored node's line.
TEST(YamlFields, AliasesReadAsTheAnchoredNode) {
    Document doc = parsed(
        "---\n"
        "first: &d 2014-03-12\n"
        "date: *d\n"
        "base: &b\n"
        "  author: Ann\n"
        "  tags: [&t one, two]\n"
        "copy: *b\n"
        "again: *t\n"
        "list: [*d, *t]\n"
        "---\n");
    EXPECT_EQ(values(doc, "date"), "2014-03-12@2");
    EXPECT_EQ(values(doc, "copy"), "");
    EXPECT_EQ(values(doc, "copy.author"), "Ann@5");
    EXPECT_EQ(values(doc, "copy.tags"), "one@6|two@6");
    EXPECT_EQ(values(doc, "again"), "one@6");
    EXPECT_EQ(values(doc, "list"), "2014-03-12@2|one@6");
}

TEST(YamlFields, AliasesOfAliasesCannotExpandWithoutBound) {
    // Ten levels of ten aliases each would be ten billion values.
    std::string fm = "---\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 10; ++i) {
        std::string prev = "*l" + std::to_string(i - 1);
        fm += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [" + prev;
        for (int j = 1; j < 10; ++j)
            fm += ", " + prev;
        fm += "]\n";
    }
    fm += "---\n";
    EXPECT_EQ(error_of(fm),
              "post.md:2:5: YAML front matter expands to more than 100,000 values (aliases of "
              "aliases?)");
}

TEST(YamlFields, RepeatedMappingsOfComplexKeysCountTowardsTheBound) {
    // Skipped keys were once walked again on every expansion, uncounted.
    std::string fm = "---\nm: &m\n";
    for (int i = 0; i < 2000; ++i)
        fm += "  ? [k" + std::to_string(i) + "]\n  : v\n";
    fm += "a: &a [*m, *m, *m, *m, *m, *m, *m, *m, *m, *m]\n";
    fm += "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n";
    fm += "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\n";
    EXPECT_NE(error_of(fm).find("expands to more than 100,000 values"), std::string::npos);
}

TEST(YamlFields, AnAliasInsideItsOwnNodeStopsAtTheDepthLimit) {
    EXPECT_NE(error_of("---\na: &a [x, *a]\n---\n").find("YAML front matter nests too deeply"),
              std::string::npos);
}

TEST(YamlFields, ErrorsNameTheRightCharacterAfterNonAsciiText) {
    // libyaml counts characters: the tab is found after the two-byte é's.
    EXPECT_EQ(
        error_of("---\ntitle: \xC3\xA9\xC3\xA9\xC3\xA9\nparams:\n\tdate: x\n---\n"),
        "post.md:4:1: invalid YAML front matter: a tab cannot indent YAML; indent with spaces");
}

TEST(YamlFields, AMergeKeyIsAnOrdinaryKey) {
    Document doc = parsed("---\nbase: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n---\n");
    EXPECT_EQ(values(doc, "derived.<<.x"), "1@2");
    EXPECT_EQ(values(doc, "derived.x"), "<absent>");
}

TEST(YamlFields, AnUndefinedAliasIsAnError) {
    EXPECT_EQ(error_of("---\ntitle: x\ndate: *nowhere\n---\n"),
              "post.md:3:7: invalid YAML front matter: the referenced anchor is not defined");
}

TEST(YamlFields, ADuplicateKeyKeepsBothValuesInOrder) {
    Document doc = parsed("---\ndate: 2014-03-12\ntitle: x\ndate: 2015-01-01\n---\n");
    EXPECT_EQ(values(doc, "date"), "2014-03-12@2|2015-01-01@4");
}

TEST(YamlFields, MapsInListsAndComplexKeys) {
    Document doc = parsed(
        "---\n"
        "authors:\n"
        "  - name: Ann\n"
        "    role: [writer, editor]\n"
        "  - name: Bo\n"
        "? [a, b]\n"
        ": skipped\n"
        "? {k: v}\n"
        ": {also: skipped}\n"
        "multi: |\n"
        "  line one\n"
        "  line two\n"
        "folded: >-\n"
        "  one\n"
        "  two\n"
        "escaped: \"caf\\u00e9\\ttab\"\n"
        "tagged: !!str 2014-03-12\n"
        "---\n");
    EXPECT_EQ(values(doc, "authors"), "");
    EXPECT_EQ(values(doc, "authors.name"), "Ann@3|Bo@5");
    EXPECT_EQ(values(doc, "authors.role"), "writer@4|editor@4");
    EXPECT_EQ(values(doc, "multi"), "line one\nline two\n@10");
    EXPECT_EQ(values(doc, "folded"), "one two@13");
    EXPECT_EQ(values(doc, "escaped"), "caf\xC3\xA9\ttab@16");
    EXPECT_EQ(values(doc, "tagged"), "2014-03-12@17");
    EXPECT_EQ(doc.fields.size(), 7u);
}

TEST(YamlFields, OnlyTheFirstDocumentIsRead) {
    Document doc = parsed("---\ntitle: a\n...\ndate: 2014-03-12\n---\n");
    EXPECT_EQ(values(doc, "title"), "a@2");
    EXPECT_EQ(values(doc, "date"), "<absent>");
}

TEST(YamlFields, DeepNestingIsRefused) {
    std::string deep = "---\nk: ";
    for (int i = 0; i < k_max_depth + 1; ++i)
        deep += "[";
    deep += "x";
    for (int i = 0; i < k_max_depth + 1; ++i)
        deep += "]";
    deep += "\n---\n";
    EXPECT_EQ(error_of(deep), "post.md:2:" + std::to_string(k_max_depth + 5) +
                                  ": YAML front matter nests too deeply");
    std::string fine = "---\nk: ";
    for (int i = 0; i < k_max_depth; ++i)
        fine += "[";
    fine += "x";
    for (int i = 0; i < k_max_depth; ++i)
        fine += "]";
    fine += "\n---\n";
    EXPECT_EQ(values(parsed(fine), "k"), "x@2");
}

TEST(YamlFields, ATabThatIndentsIsAnError) {
    EXPECT_EQ(
        error_of("---\nparams:\n\tdate: 2014-03-12\n---\n"),
        "post.md:3:1: invalid YAML front matter: a tab cannot indent YAML; indent with spaces");
}

TEST(YamlFields, OtherErrorsSayWhereTheirContextStarts) {
    EXPECT_EQ(error_of("---\ntitle: @handle\n---\n"),
              "post.md:2:8: invalid YAML front matter: '@' cannot start a value; quote the value");
    EXPECT_EQ(error_of("---\nparams: {a: 1\ndate: x\n---\n"),
              "post.md:3:5: invalid YAML front matter: expected ',' or '}' in the mapping that '{' "
              "opens on line 2");
    EXPECT_EQ(error_of("---\nparams:\n  a: 1\n b: 2\n---\n"),
              "post.md:4:2: invalid YAML front matter: expected a key indented like the mapping "
              "that starts on line 2");
    EXPECT_EQ(error_of("---\ntitle: a\x01b\n---\n"),
              "post.md:2:9: invalid YAML front matter: control characters are not allowed");
    EXPECT_EQ(error_of("---\ntags:\n  - a\n  b\n---\n"),
              "post.md:5:1: invalid YAML front matter: expected ':' after the key that starts on "
              "line 4");
    EXPECT_EQ(error_of("---\ntitle: \"a \\q\"\n---\n"),
              "post.md:2:11: invalid YAML front matter: found unknown escape character while "
              "parsing a quoted scalar that starts on line 2");
}

TEST(YamlFields, AColonInAPlainValue) {
    EXPECT_EQ(error_of("---\ntitle: Breaking: news\n---\n"),
              "post.md:2:16: invalid YAML front matter: a ': ' cannot start a mapping here; "
              "quote the value if the colon belongs to it");
    EXPECT_EQ(values(parsed("---\ntitle: Breaking:news 10:30\n---\n"), "title"),
              "Breaking:news 10:30@2");
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
