#include "app/items_ahead.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace archtag::app {

TEST(ItemsAhead, HandsOutEveryItemInOrderThenNothing) {
    int n = 0;
    ItemsAhead<std::string>::Source source = [&n]() -> std::optional<std::string> {
        if (n == 10000)
            return std::nullopt;
        return std::to_string(n++);
    };
    ItemsAhead<std::string> ahead(source, 7);
    for (int i = 0; i < 10000; ++i) {
        auto item = ahead.next();
        ASSERT_TRUE(item.has_value());
        ASSERT_EQ(*item, std::to_string(i));
    }
    EXPECT_FALSE(ahead.next().has_value());
    EXPECT_FALSE(ahead.next().has_value());
}

TEST(ItemsAhead, ReadsNoFurtherAheadThanAsked) {
    std::atomic<int> made{0};
    ItemsAhead<int>::Source source = [&made]() -> std::optional<int> { return made++; };
    ItemsAhead<int> ahead(source, 5);
    EXPECT_EQ(*ahead.next(), 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    // Five waiting, and one made that waits for room.
    EXPECT_LE(made.load(), 7);
}

TEST(ItemsAhead, WhatTheSourceThrowsComesAfterTheItemsBeforeIt) {
    int n = 0;
    ItemsAhead<int>::Source source = [&n]() -> std::optional<int> {
        if (n == 3)
            throw std::runtime_error("cannot read the folder");
        return n++;
    };
    ItemsAhead<int> ahead(source, 100);
    EXPECT_EQ(*ahead.next(), 0);
    EXPECT_EQ(*ahead.next(), 1);
    EXPECT_EQ(*ahead.next(), 2);
    EXPECT_THROW(ahead.next(), std::runtime_error);
}

// A sweep that stops early (a worker failed) destroys it with the source
// still going and its queue full: the thread ends, nothing hangs.
TEST(ItemsAhead, StopsItsThreadWhenDestroyedEarly) {
    std::atomic<int> made{0};
    ItemsAhead<int>::Source endless = [&made]() -> std::optional<int> { return made++; };
    for (int round = 0; round < 100; ++round) {
        ItemsAhead<int> ahead(endless, 3);
        if (round % 2) {
            EXPECT_TRUE(ahead.next().has_value());
        }
    }
    int after = made.load();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(made.load(), after);  // no thread still calls the source
}

}  // namespace archtag::app
