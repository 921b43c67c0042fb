#include "app/walk.h"

#include <gtest/gtest.h>

#include <boost/filesystem.hpp>
#include <fstream>

namespace archtag::app {

namespace {

namespace fs = boost::filesystem;

class WalkTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_root = fs::temp_directory_path() / fs::unique_path("archtag-walk-%%%%-%%%%");
        for (const char* f : {"a.md", "laist/2014/b.md", "laist/c.html", "notes.txt", ".git/x.md",
                              "drafts/d.md", "guardian/e.markdown", ".hidden.md"}) {
            fs::create_directories((m_root / f).parent_path());
            std::ofstream((m_root / f).string()) << "x";
        }
        fs::create_symlink(m_root / "a.md", m_root / "link.md");
    }
    void TearDown() override { fs::remove_all(m_root); }
    fs::path m_root;
};

}  // namespace

TEST_F(WalkTest, FindsArticlesSkipsHiddenAndLinks) {
    auto r = list_articles(m_root.string(), {m_root.string()}, {});
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(*r, (std::vector<std::string>{"a.md", "drafts/d.md", "guardian/e.markdown",
                                            "laist/2014/b.md", "laist/c.html"}));
}

TEST_F(WalkTest, IncludeAndExclude) {
    auto r = list_articles(m_root.string(), {m_root.string()}, {{"**/*.md"}, {"drafts/**"}, {}});
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(*r, (std::vector<std::string>{"a.md", "laist/2014/b.md"}));
}

TEST_F(WalkTest, ExplicitFileAndOutsideRoot) {
    auto r = list_articles(m_root.string(), {(m_root / "laist/2014/b.md").string()}, {});
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(*r, std::vector<std::string>{"laist/2014/b.md"});
    auto outside = list_articles((m_root / "laist").string(), {(m_root / "a.md").string()}, {});
    ASSERT_FALSE(outside.has_value());
    EXPECT_NE(outside.error().message.find("is outside the archive root"), std::string::npos);
}

TEST_F(WalkTest, FindRootPrefersConfig) {
    std::ofstream((m_root / "laist" / ".archtag.xml").string()) << "<archtag/>";
    EXPECT_EQ(find_root({(m_root / "laist/2014/b.md").string()}),
              fs::canonical(m_root / "laist").string());
}

TEST(WalkPaths, ListedPathsFollowTheWalkRules) {
    WalkFilter none;
    EXPECT_TRUE(is_article_path("a.md", none));
    EXPECT_TRUE(is_article_path("laist/2014/b.md", none));
    EXPECT_FALSE(is_article_path("notes.txt", none));
    EXPECT_FALSE(is_article_path(".hidden.md", none));
    EXPECT_FALSE(is_article_path(".github/x.md", none));
    EXPECT_FALSE(is_article_path("laist/.drafts/x.md", none));
    WalkFilter filter;
    filter.include = {"**/*.md"};
    filter.exclude = {"drafts/**", "old"};
    EXPECT_TRUE(is_article_path("laist/2014/b.md", filter));
    EXPECT_FALSE(is_article_path("laist/c.html", filter));
    EXPECT_FALSE(is_article_path("drafts/d.md", filter));
    EXPECT_FALSE(is_article_path("laist/old/e.md", filter));
    EXPECT_TRUE(is_walked_folder("laist/2014", filter));
    EXPECT_FALSE(is_walked_folder("drafts", filter));
    EXPECT_FALSE(is_walked_folder("laist/old/x", filter));
}

}  // namespace archtag::app
