#include "stamp/markers.h"

#include <gtest/gtest.h>

namespace archtag::stamp::detail {

TEST(Markers, RenderTheDocumentedForms) {
    EXPECT_EQ(begin_marker(NoticeKind::archival, OwnsLeadingNewline::no),
              "<!-- archtag:archival v1 -->");
    EXPECT_EQ(begin_marker(NoticeKind::age, OwnsLeadingNewline::yes),
              "<!-- archtag:age v1 eof -->");
    EXPECT_EQ(end_marker(NoticeKind::age), "<!-- /archtag:age -->");
    EXPECT_EQ(tag_text(NoticeKind::archival), "archtag:archival v1");
}

TEST(Markers, ParseBeginMarkers) {
    auto m = parse_begin_marker("<!-- archtag:age v1 eof -->");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->tag.kind, NoticeKind::age);
    EXPECT_EQ(m->tag.version, 1);
    EXPECT_EQ(m->leading, OwnsLeadingNewline::yes);
    auto v2 = parse_begin_marker("<!-- archtag:archival v2 -->");
    ASSERT_TRUE(v2);
    EXPECT_EQ(v2->tag.version, 2);
    EXPECT_EQ(v2->leading, OwnsLeadingNewline::no);
}

TEST(Markers, NearMissesAreNotMarkers) {
    for (const char* line :
         {"<!-- archtag:archival v1 --> ", " <!-- archtag:archival v1 -->",
          "<!--archtag:archival v1-->", "<!-- archtag:archival -->", "<!-- archtag:other v1 -->",
          "<!-- archtag:archival vx -->", "<!-- archtag:archival v1 EOF -->",
          "<!-- archtag:archival  v1 -->", "<!-- -->"}) {
        EXPECT_FALSE(parse_begin_marker(line)) << line;
    }
    EXPECT_FALSE(parse_end_marker("<!-- /archtag:archival v1 -->"));
    EXPECT_FALSE(parse_end_marker("<!-- /archtag:archival -->x"));
    EXPECT_EQ(parse_end_marker("<!-- /archtag:archival -->"), NoticeKind::archival);
}

TEST(Markers, LineMarkerMustEndTheLine) {
    auto m = parse_line_marker("age_notice: \"x # archtag:age v1\" # archtag:age v1");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->at, 32u);
    EXPECT_FALSE(parse_line_marker("note: \"x\" # archtag:age v1 (old)"));
    EXPECT_FALSE(parse_line_marker("note: \"x # archtag:age v1\""));
}

}  // namespace archtag::stamp::detail
