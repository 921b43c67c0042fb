// JSON-LD as pages write it.
#include "article/html/json_ld.h"

#include <gtest/gtest.h>

#include <string>

namespace archtag::article {

namespace {

std::string summary(std::string_view block) {
    auto articles = read_json_ld(block);
    if (!articles)
        return "error";
    std::string out;
    for (const JsonLdArticle& a : *articles)
        out += a.type + "|" + a.headline + "|" + a.publisher + "|" + a.date_published + "|" +
               a.date_modified + "|" + a.section + "|" + std::to_string(a.keywords.size()) + ";";
    return out;
}

}  // namespace

TEST(JsonLd, WrappersAreStripped) {
    EXPECT_EQ(strip_json_ld_wrappers(" <![CDATA[ {\"a\":1} ]]> "), "{\"a\":1}");
    EXPECT_EQ(strip_json_ld_wrappers("//<![CDATA[\n{}\n//]]>"), "{}");
    EXPECT_EQ(strip_json_ld_wrappers("<!--\n[1]\n-->"), "[1]");
    EXPECT_EQ(strip_json_ld_wrappers("<!-- <![CDATA[{}]]> -->"), "{}");
}

TEST(JsonLd, RepairOnlyTouchesWhatIsOutsideStrings) {
    EXPECT_EQ(repair_json("{\"a\": [1, 2, ], \"b\": NaN, }"), "{\"a\": [1, 2 ], \"b\": null }");
    EXPECT_EQ(repair_json("[Infinity, -Infinity, undefined]"), "[null, null, null]");
    EXPECT_EQ(repair_json("{\"t\": \"NaN, ]\"}"), "{\"t\": \"NaN, ]\"}");
    EXPECT_EQ(repair_json("{\"t\": \"a\nb\\\"c\"}"), "{\"t\": \"a\\nb\\\"c\"}");
    EXPECT_EQ(repair_json("{\"NaNa\": NaNa}"), "{\"NaNa\": NaNa}");
}

TEST(JsonLd, ArticleTypesAnywhereOnTheGraph) {
    EXPECT_EQ(summary(R"({"@type":"NewsArticle","headline":"H","datePublished":"2014-12-19"})"),
              "NewsArticle|H||2014-12-19|||0;");
    EXPECT_EQ(summary(R"([{"@type":"WebSite"},{"@type":["BlogPosting"],"name":"N",
                          "dateModified":{"@value":"2015-01-01"}}])"),
              "BlogPosting|N|||2015-01-01||0;");
    EXPECT_EQ(summary(R"({"@graph":[{"@type":"Organization","@id":"#o","name":"Org"},
                          {"@type":"Article","publisher":{"@id":"#o"},"keywords":["a","b, c"],
                           "articleSection":["Metro","Politics"]}]})"),
              "Article||Org|||Metro|3;");
    EXPECT_EQ(summary(R"({"@type":"WebPage","mainEntity":{"@type":"ReportageNewsArticle",
                          "publisher":[{"name":"P"}]}})"),
              "ReportageNewsArticle||P||||0;");
    EXPECT_EQ(summary(R"({"@type":"Recipe","datePublished":"2014-12-19"})"), "");
    EXPECT_EQ(summary("42"), "");
}

TEST(JsonLd, LenientThenRefused) {
    EXPECT_EQ(summary("<![CDATA[{\"@type\":\"Article\",\"wordCount\":NaN,"
                      "\"datePublished\":\"2016-03-04\",}]]>"),
              "Article|||2016-03-04|||0;");
    auto bad = read_json_ld("{\"@type\": \"Article\" \"headline\": \"x\"}");
    ASSERT_FALSE(bad.has_value());
    EXPECT_NE(bad.error().message.find("parse error at line 1, column 30"), std::string::npos)
        << bad.error().message;
}

}  // namespace archtag::article
