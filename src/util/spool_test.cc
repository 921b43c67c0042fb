#include "util/spool.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <sstream>

namespace archtag {

namespace {

std::string copied(Spool& spool) {
    std::ostringstream out;
    Status status = spool.copy_to(out);
    EXPECT_TRUE(status) << (status ? "" : status.error().message);
    return out.str();
}

std::FILE* no_file() {
    errno = EMFILE;
    return nullptr;
}

// Writes seem to work until the buffer is flushed: "No space left on device".
std::FILE* full_disk() {
    return std::fopen("/dev/full", "w+");
}

}  // namespace

TEST(Spool, StaysInMemoryUpToTheLimit) {
    Spool spool(8);
    EXPECT_TRUE(spool.empty());
    spool.append("abcd");
    spool.append("");
    spool.append("efgh");
    EXPECT_FALSE(spool.spilled());
    EXPECT_FALSE(spool.empty());
    EXPECT_EQ(copied(spool), "abcdefgh");
}

TEST(Spool, SpillsEverythingToAFilePastTheLimitAndKeepsOrder) {
    Spool spool(8);
    spool.append("abcd");
    spool.append("efgh");
    spool.append("i");
    EXPECT_TRUE(spool.spilled());
    spool.append("jk");
    EXPECT_EQ(copied(spool), "abcdefghijk");
}

TEST(Spool, OneAppendLargerThanTheLimitSpills) {
    Spool spool(4);
    std::string big(100000, 'x');
    big.back() = 'y';
    spool.append(big);
    EXPECT_TRUE(spool.spilled());
    EXPECT_EQ(copied(spool), big);
}

TEST(Spool, AppendingAfterCopyingGoesOnAtTheEnd) {
    for (std::size_t limit : {std::size_t{0}, std::size_t{100}}) {
        Spool spool(limit);
        spool.append("one\n");
        EXPECT_EQ(copied(spool), "one\n");
        spool.append("two\n");
        EXPECT_EQ(copied(spool), "one\ntwo\n") << limit;
    }
}

TEST(Spool, DefaultLimitIsOneMebibyte) {
    Spool spool;
    spool.append(std::string(Spool::k_memory_limit, 'a'));
    EXPECT_FALSE(spool.spilled());
    spool.append("b");
    EXPECT_TRUE(spool.spilled());
    EXPECT_EQ(copied(spool).size(), Spool::k_memory_limit + 1);
}

TEST(Spool, NoTemporaryFileKeepsTheLinesInMemoryAndSaysSo) {
    Spool spool(2, no_file);
    spool.append("ab");
    spool.append("cd");
    spool.append("ef");
    EXPECT_FALSE(spool.spilled());
    std::ostringstream out;
    Status status = spool.copy_to(out);
    EXPECT_EQ(out.str(), "abcdef");
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().message,
              "could not create a temporary file to spool to (Too many open files); kept the "
              "lines in memory instead");
}

TEST(Spool, AFailedWriteIsReportedAndLaterLinesAreKept) {
    Spool spool(2, full_disk);
    spool.append("ab");
    spool.append("cd");  // spilled to the full disk
    std::ostringstream out;
    Status status = spool.copy_to(out);
    EXPECT_EQ(out.str(), "");
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().message,
              "could not write the spool's temporary file (No space left on device); lines "
              "spooled to it were lost");
    spool.append("ef");
    std::ostringstream again;
    EXPECT_FALSE(spool.copy_to(again));
    EXPECT_EQ(again.str(), "ef");
}

}  // namespace archtag
