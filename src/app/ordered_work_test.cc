#include "app/ordered_work.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>

namespace archtag::app {
namespace {

struct Counter {
    int n = 0;
};

// Items 0..count-1; work squares them after a delay that makes later items
// finish first, so only the ordering logic can put them back in order.
OrderedWork<int, int, Counter> squares(int count, unsigned jobs, std::size_t window,
                                       std::vector<int>& out) {
    auto next_value = std::make_shared<int>(0);
    OrderedWork<int, int, Counter> w;
    w.jobs = jobs;
    w.window = window;
    w.next = [=]() -> std::optional<int> {
        if (*next_value >= count)
            return std::nullopt;
        return (*next_value)++;
    };
    w.make_context = [] { return Counter{}; };
    w.work = [](Counter& c, const int& i) {
        ++c.n;
        std::this_thread::sleep_for(std::chrono::microseconds((i % 7 == 0) ? 300 : 10));
        return i * i;
    };
    w.deliver = [&out](int& item, int& result) {
        EXPECT_EQ(result, item * item);
        out.push_back(item);
        return Flow::go_on;
    };
    return w;
}

TEST(OrderedWork, DeliversEveryResultInTheOrderItemsWereHandedOut) {
    for (unsigned jobs : {1u, 2u, 5u}) {
        std::vector<int> got;
        squares(500, jobs, 8, got).run();
        ASSERT_EQ(got.size(), 500u) << jobs;
        for (int i = 0; i < 500; ++i)
            ASSERT_EQ(got[i], i) << "jobs " << jobs;
    }
}

TEST(OrderedWork, NoItemsAndMoreWorkersThanItemsAreFine) {
    std::vector<int> got;
    squares(0, 4, 8, got).run();
    EXPECT_TRUE(got.empty());
    squares(2, 8, 1, got).run();
    EXPECT_EQ(got, (std::vector<int>{0, 1}));
}

TEST(OrderedWork, NeverHoldsMoreThanTheWindowInFlight) {
    std::atomic<int> in_flight{0}, most{0};
    std::vector<int> got;
    auto w = squares(300, 4, 3, got);
    auto inner_next = w.next;
    w.next = [&, inner_next]() {
        auto item = inner_next();
        if (item) {
            int now = ++in_flight;
            most = std::max(most.load(), now);
        }
        return item;
    };
    auto inner_deliver = w.deliver;
    w.deliver = [&, inner_deliver](int& item, int& result) {
        --in_flight;
        return inner_deliver(item, result);
    };
    w.run();
    EXPECT_EQ(got.size(), 300u);
    EXPECT_LE(most.load(), 3);
    EXPECT_GE(most.load(), 2);  // the workers did overlap
}

TEST(OrderedWork, StopHandsOutNoMoreAndDeliversNothingAfterIt) {
    std::vector<int> got;
    int handed = 0;
    auto w = squares(10000, 2, 4, got);
    auto inner_next = w.next;
    w.next = [&, inner_next]() {
        auto item = inner_next();
        if (item)
            ++handed;
        return item;
    };
    w.deliver = [&got](int& item, int&) {
        got.push_back(item);
        return item == 41 ? Flow::stop : Flow::go_on;
    };
    w.run();
    EXPECT_EQ(got.size(), 42u);
    EXPECT_EQ(got.back(), 41);
    EXPECT_LE(handed, 42 + 4);
}

// Stopping while a whole batch is in flight (window 8, batch 4), with one
// worker and with several: the calling thread must not wait for a batch
// that will never be handed out.
TEST(OrderedWork, StopWithABatchInFlightEndsWithEveryWorkerCount) {
    for (int round = 0; round < 50; ++round) {
        for (unsigned jobs : {1u, 2u, 5u}) {
            std::vector<int> got;
            auto w = squares(10000, jobs, 8, got);
            const int stop_at = 13 + round;
            w.deliver = [&got, stop_at](int& item, int&) {
                got.push_back(item);
                return item == stop_at ? Flow::stop : Flow::go_on;
            };
            w.run();
            ASSERT_EQ(got.size(), static_cast<std::size_t>(stop_at + 1)) << jobs;
        }
    }
}

// An exception from any of the functions reaches the caller of run(), once
// the threads are joined (a std::thread left joinable would terminate the
// process), and nothing is delivered after it.
TEST(OrderedWork, AnExceptionStopsTheWorkAndIsRethrownToTheCaller) {
    for (unsigned jobs : {1u, 3u}) {
        for (const char* where : {"work", "next", "deliver", "make_context"}) {
            SCOPED_TRACE(std::string(where) + ", jobs " + std::to_string(jobs));
            std::vector<int> got;
            auto w = squares(1000, jobs, 8, got);
            std::string name = where;
            if (name == "work") {
                w.work = [](Counter&, const int& i) {
                    if (i == 100)
                        throw std::runtime_error("work failed");
                    return i * i;
                };
            } else if (name == "next") {
                auto inner = w.next;
                w.next = [inner]() {
                    auto item = inner();
                    if (item && *item == 100)
                        throw std::runtime_error("next failed");
                    return item;
                };
            } else if (name == "deliver") {
                w.deliver = [&got](int& item, int&) {
                    if (item == 100)
                        throw std::runtime_error("deliver failed");
                    got.push_back(item);
                    return Flow::go_on;
                };
            } else {
                w.make_context = []() -> Counter {
                    throw std::runtime_error("make_context failed");
                };
            }
            try {
                w.run();
                ADD_FAILURE() << "no exception";
            } catch (const std::runtime_error& e) {
                EXPECT_EQ(std::string(e.what()), name + " failed");
            }
            EXPECT_LE(got.size(), 100u);
            for (std::size_t i = 0; i < got.size(); ++i)
                ASSERT_EQ(got[i], static_cast<int>(i));
        }
    }
}

}  // namespace
}  // namespace archtag::app
