#include "util/file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace archtag {

namespace {
// A fresh folder, removed again when the test ends.
class TempDir {
  public:
    TempDir() {
        std::string t =
            (std::filesystem::temp_directory_path() / "archtag-file-test-XXXXXX").string();
        m_path = ::mkdtemp(t.data()) ? t : std::string();
    }
    ~TempDir() {
        std::error_code ignored;
        if (!m_path.empty())
            std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    operator const std::string&() const { return m_path; }

  private:
    std::string m_path;
};
}  // namespace

// A FIFO where a file was expected (a work-tree path, an article) is
// refused at once, not waited on for a writer.
TEST(File, AFifoIsRefusedWithoutWaiting) {
    TempDir temp;
    const std::string& dir = temp;
    ASSERT_FALSE(dir.empty());
    std::string path = dir + "/fifo.md";
    ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
    auto bytes = read_file(path);
    ASSERT_FALSE(bytes.has_value());
    EXPECT_EQ(bytes.error().message, "not a regular file");
}

TEST(File, AtomicWriteReplacesAndKeepsMode) {
    TempDir temp;
    const std::string& dir = temp;
    ASSERT_FALSE(dir.empty());
    std::string path = dir + "/a.md";
    ASSERT_TRUE(write_file_atomic(path, "one").has_value());
    ::chmod(path.c_str(), 0640);
    ASSERT_TRUE(write_file_atomic(path, std::string("two\0bytes", 9)).has_value());
    auto back = read_file(path);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, std::string("two\0bytes", 9));
    struct stat st {};
    ::stat(path.c_str(), &st);
    EXPECT_EQ(st.st_mode & 0777, 0640u);
}

TEST(File, NewFileGetsUmaskModeNotTemporaryMode) {
    TempDir temp;
    const std::string& dir = temp;
    ASSERT_FALSE(dir.empty());
    std::string path = dir + "/report.json";
    mode_t mask = ::umask(022);
    ::umask(mask);
    ASSERT_TRUE(write_file_atomic(path, "{}").has_value());
    struct stat st {};
    ::stat(path.c_str(), &st);
    EXPECT_EQ(st.st_mode & 0777, 0666u & ~mask);
}

TEST(File, AtomicFileAppearsWholeOnlyWhenCommitted) {
    TempDir temp;
    const std::string& dir = temp;
    ASSERT_FALSE(dir.empty());
    std::string path = dir + "/report.json";
    ASSERT_TRUE(write_file_atomic(path, "old"));
    std::string piece(300000, 'x');
    {
        auto file = AtomicFile::create(path);
        ASSERT_TRUE(file.has_value());
        for (int i = 0; i < 5; ++i)
            ASSERT_TRUE(file->append(piece));
        EXPECT_EQ(*read_file(path), "old");  // not yet
        ASSERT_TRUE(file->commit());
        EXPECT_FALSE(file->append("late"));
    }
    EXPECT_EQ(read_file(path)->size(), 5 * piece.size());
}

TEST(File, AnAtomicFileNeverCommittedLeavesNothingBehind) {
    TempDir temp;
    const std::string& dir = temp;
    ASSERT_FALSE(dir.empty());
    {
        auto file = AtomicFile::create(dir + "/cache");
        ASSERT_TRUE(file.has_value());
        ASSERT_TRUE(file->append(std::string(3u << 20, 'y')));
    }
    EXPECT_EQ(std::system(("test -z \"$(ls -A " + dir + ")\"").c_str()), 0);
}

TEST(File, ReadRefusesHugeFiles) {
    TempDir temp;
    const std::string& dir = temp;
    ASSERT_FALSE(dir.empty());
    std::string path = dir + "/big.md";
    ASSERT_TRUE(write_file_atomic(path, std::string(100, 'x')).has_value());
    auto r = read_file(path, 10);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().headline(),
              path + ": file is 100 bytes, larger than the limit of 10 bytes");
}

TEST(File, ReadMissingFileNamesIt) {
    auto r = read_file("/nonexistent/x.md");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().headline(), "/nonexistent/x.md: cannot open: No such file or directory");
}

}  // namespace archtag
