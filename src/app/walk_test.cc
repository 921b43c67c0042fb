#include "app/walk.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <fstream>
#include <stdexcept>

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

std::vector<std::string> drain(ArticleWalk& walk) {
    std::vector<std::string> out;
    while (auto rel = walk.next())
        out.push_back(std::move(*rel));
    return out;
}

TEST_F(WalkTest, AWalkHandsOutWhatTheListingHolds) {
    for (const WalkFilter& filter : {WalkFilter{}, WalkFilter{{"**/*.md"}, {"drafts/**"}, {}},
                                     WalkFilter{{}, {}, {(m_root / "laist").string()}}}) {
        auto walk = ArticleWalk::open(m_root.string(), m_root.string(), filter);
        ASSERT_TRUE(walk.has_value() && walk->has_value());
        auto listed = list_articles(m_root.string(), {m_root.string()}, filter);
        ASSERT_TRUE(listed.has_value());
        EXPECT_EQ(drain(**walk), *listed);
    }
    auto from_folder = ArticleWalk::open(m_root.string(), (m_root / "laist").string(), {});
    ASSERT_TRUE(from_folder.has_value() && from_folder->has_value());
    EXPECT_EQ(drain(**from_folder), (std::vector<std::string>{"laist/2014/b.md", "laist/c.html"}));
}

// Folders are walked one at a time, yet the paths come out in the byte
// order of the whole path, as a sort of the listing puts them (the report
// and the cache are in that order): '-', '.' and ' ' sort before '/', and
// UTF-8 after ASCII.
TEST_F(WalkTest, AWalkHandsOutPathsInByteOrder) {
    fs::path root = m_root / "order";
    std::vector<std::string> files = {
        "a.md", "a-b.md",     "a/x.md",   "a0.md",  "ab/c.md",    "a b.md",     "\xC3\xA9.md",
        "Z.md", "a/b-c/d.md", "a/b/e.md", "a/b.md", "a/b.c/f.md", "b/a/a/a.md", "b.md"};
    for (const std::string& f : files) {
        fs::create_directories((root / f).parent_path());
        std::ofstream((root / f).string()) << "x";
    }
    auto walk = ArticleWalk::open(root.string(), root.string(), {});
    ASSERT_TRUE(walk.has_value() && walk->has_value());
    std::vector<std::string> walked = drain(**walk);
    std::sort(files.begin(), files.end());
    EXPECT_EQ(walked, files);
}

// Written out rather than compared with list_articles (which walks the
// same way): a subfolder start, a skipped folder, excluded and hidden
// folders, a link to a folder, names that sort around '/'.
TEST_F(WalkTest, AWalkKeepsTheListingsRules) {
    fs::path top = m_root / "rules";
    for (const char* f :
         {"news/x-y/a.md", "news/x.y/b.md", "news/x/c.md", "news/x.md", "news/data/d.md",
          "news/old/e.md", "news/.cache/f.md", "news/g.txt", "other/h.md"}) {
        fs::create_directories((top / f).parent_path());
        std::ofstream((top / f).string()) << "x";
    }
    fs::create_directory_symlink(top / "other", top / "news" / "linked");
    WalkFilter filter{{}, {"rules/news/old"}, {(top / "news" / "data").string()}};
    auto walk = ArticleWalk::open(m_root.string(), (top / "news").string(), filter);
    ASSERT_TRUE(walk.has_value() && walk->has_value());
    EXPECT_EQ(drain(**walk),
              (std::vector<std::string>{"rules/news/x-y/a.md", "rules/news/x.md",
                                        "rules/news/x.y/b.md", "rules/news/x/c.md"}));
}

// A folder is read when the walk gets to it: one gone by then ends the
// walk with its name, rather than leaving its articles out unsaid.
TEST_F(WalkTest, AFolderThatVanishedBeforeItsTurnEndsTheWalk) {
    fs::path top = m_root / "vanish";
    for (const char* f : {"a.md", "b/c.md"}) {
        fs::create_directories((top / f).parent_path());
        std::ofstream((top / f).string()) << "x";
    }
    auto walk = ArticleWalk::open(top.string(), top.string(), {});
    ASSERT_TRUE(walk.has_value() && walk->has_value());
    EXPECT_EQ((*walk)->next(), std::optional<std::string>("a.md"));
    fs::remove_all(top / "b");
    try {
        (*walk)->next();
        ADD_FAILURE() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("/vanish/b: cannot read the folder: "),
                  std::string::npos)
            << e.what();
    }
}

TEST_F(WalkTest, AWalkOfAFileOrOfNothing) {
    auto file = ArticleWalk::open(m_root.string(), (m_root / "a.md").string(), {});
    ASSERT_TRUE(file.has_value());
    EXPECT_FALSE(file->has_value());  // listed, not walked
    auto missing = ArticleWalk::open(m_root.string(), (m_root / "nope").string(), {});
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().message, "no such file or folder");
    auto outside = ArticleWalk::open((m_root / "laist").string(), (m_root / "drafts").string(), {});
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
