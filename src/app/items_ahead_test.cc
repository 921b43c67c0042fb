#include "app/items_ahead.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
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
// busy (a folder being read) or its queue full: the thread ends, and the
// destructor returns once the source call it is in returns.
TEST(ItemsAhead, StopsItsThreadWhenDestroyedEarly) {
    std::mutex m;
    std::condition_variable cv;
    bool release = false;
    std::atomic<int> calls{0};
    ItemsAhead<int>::Source blocking = [&]() -> std::optional<int> {
        if (++calls == 3) {  // the third call blocks until released
            std::unique_lock lock(m);
            cv.wait(lock, [&] { return release; });
        }
        return calls.load();
    };
    auto destroyed = std::async(std::launch::async, [&] {
        ItemsAhead<int> ahead(blocking, 100);
        EXPECT_EQ(*ahead.next(), 1);
        while (calls.load() < 3)
            std::this_thread::yield();
    });
    // Its destructor waits for the blocked source call, and only for it.
    EXPECT_EQ(destroyed.wait_for(std::chrono::milliseconds(100)), std::future_status::timeout);
    {
        std::lock_guard lock(m);
        release = true;
    }
    cv.notify_all();
    ASSERT_EQ(destroyed.wait_for(std::chrono::seconds(10)), std::future_status::ready);
    EXPECT_EQ(calls.load(), 3);  // not called again after the stop

    std::atomic<int> made{0};
    ItemsAhead<int>::Source endless = [&made]() -> std::optional<int> { return made++; };
    auto full = std::async(std::launch::async, [&] {
        for (int round = 0; round < 100; ++round)
            ItemsAhead<int> ahead(endless, 3);  // destroyed with its queue full, or filling
    });
    EXPECT_EQ(full.wait_for(std::chrono::seconds(10)), std::future_status::ready);
}

}  // namespace archtag::app
