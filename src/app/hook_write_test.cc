#include "app/hook_write.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <boost/filesystem.hpp>

#include "util/file.h"

namespace archtag::app {

namespace {

namespace fs = boost::filesystem;

class TempDir {
  public:
    TempDir()
        : m_dir((fs::temp_directory_path() / fs::unique_path("archtag-saved-%%%%%%%%")).string()) {
        fs::create_directories(m_dir);
    }
    ~TempDir() { fs::remove_all(m_dir); }
    std::string path(const std::string& name) const { return m_dir + "/" + name; }
    void write(const std::string& name, const std::string& bytes, mode_t mode) const {
        ASSERT_TRUE(write_file_atomic(path(name), bytes));
        ASSERT_EQ(::chmod(path(name).c_str(), mode), 0);
    }

  private:
    std::string m_dir;
};

struct stat stat_of(const std::string& path) {
    struct stat st {};
    EXPECT_EQ(::lstat(path.c_str(), &st), 0) << path;
    return st;
}

std::string bytes_of(const std::string& path) {
    auto bytes = read_file(path);
    return bytes ? *bytes : "<" + bytes.error().message + ">";
}

}  // namespace

TEST(SavedFiles, PutsBackChangedBytesAndPermissionsAndLeavesTheRestAlone) {
    TempDir dir;
    dir.write("a.md", "one\r\n", 0644);
    dir.write("b.md", "two\n", 0755);
    dir.write("c.md", "three\n", 0600);
    SavedFiles saved;
    for (const char* name : {"a.md", "b.md", "c.md", "missing.md"})
        ASSERT_TRUE(saved.save(dir.path(name))) << name;

    dir.write("a.md", "one, stamped\r\n", 0644);
    dir.write("b.md", "two\n", 0644);  // only the permissions changed
    ino_t untouched = stat_of(dir.path("c.md")).st_ino;

    EXPECT_TRUE(saved.restore().empty());
    EXPECT_EQ(bytes_of(dir.path("a.md")), "one\r\n");
    EXPECT_EQ(stat_of(dir.path("a.md")).st_mode & 07777, 0644u);
    EXPECT_EQ(bytes_of(dir.path("b.md")), "two\n");
    EXPECT_EQ(stat_of(dir.path("b.md")).st_mode & 07777, 0755u);
    EXPECT_EQ(stat_of(dir.path("c.md")).st_ino, untouched);
    EXPECT_FALSE(fs::exists(dir.path("missing.md")));
}

TEST(SavedFiles, PutsBackAFileThatWasRemoved) {
    TempDir dir;
    dir.write("a.md", "one\n", 0640);
    SavedFiles saved;
    ASSERT_TRUE(saved.save(dir.path("a.md")));
    fs::remove(dir.path("a.md"));
    EXPECT_TRUE(saved.restore().empty());
    EXPECT_EQ(bytes_of(dir.path("a.md")), "one\n");
    EXPECT_EQ(stat_of(dir.path("a.md")).st_mode & 07777, 0640u);
}

TEST(SavedFiles, ReportsWhatItCannotPutBack) {
    TempDir dir;
    dir.write("a.md", "one\n", 0644);
    SavedFiles saved;
    ASSERT_TRUE(saved.save(dir.path("a.md")));
    fs::remove(dir.path("a.md"));
    fs::create_directory(dir.path("a.md"));
    std::vector<Error> failed = saved.restore();
    ASSERT_EQ(failed.size(), 1u);
    EXPECT_EQ(failed[0].headline(),
              dir.path("a.md") + ": is no longer a regular file; not put back");
}

TEST(SavedFiles, SavesNothingForAFolderOrAPathUnderAFile) {
    TempDir dir;
    fs::create_directory(dir.path("folder"));
    dir.write("file", "x", 0644);
    SavedFiles saved;
    EXPECT_TRUE(saved.save(dir.path("folder")));
    EXPECT_TRUE(saved.save(dir.path("file/a.md")));
    fs::remove(dir.path("folder"));
    EXPECT_TRUE(saved.restore().empty());
    EXPECT_FALSE(fs::exists(dir.path("folder")));
}

}  // namespace archtag::app
