#include "model/edit.h"

#include <gtest/gtest.h>

namespace archtag {

TEST(Edit, AppliesInAnyOrder) {
    std::vector<Edit> edits{{6, 0, "big "}, {0, 5, "HELLO"}};
    EXPECT_EQ(apply_edits("hello world", edits), "HELLO big world");
}

TEST(Edit, NoEditsNoChange) {
    EXPECT_EQ(apply_edits(std::string_view("a\r\nb", 4), {}), "a\r\nb");
}

}  // namespace archtag
