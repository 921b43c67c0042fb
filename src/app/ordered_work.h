#pragma once
// Work on many threads, results in order, memory bounded by a window: how a
// sweep of a million articles holds only the articles in flight, not the
// archive. Items are handed out by one producer in order; `jobs` workers
// turn them into results; the calling thread receives the results in the
// order the items were handed out, one at a time (so it may write: reports,
// git objects, the cache), while the workers go on with the next ones. An
// exception thrown by any of the functions stops the work: the items in
// flight are finished and dropped, the threads joined, and run() rethrows
// the first one.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace archtag::app {

enum class Flow { go_on, stop };

template <class Item, class Result, class Context>
struct OrderedWork {
    unsigned jobs = 1;
    // Items handed out but not yet received by `deliver`, at most.
    std::size_t window = 64;
    // The next item, or nullopt when there are no more. Called under a lock,
    // so it may keep state (a tree walk, a cache cursor).
    std::function<std::optional<Item>()> next;
    // One per worker thread (a repository handle, say).
    std::function<Context()> make_context;
    std::function<Result(Context&, const Item&)> work;
    // In order, on the calling thread. Flow::stop hands out no more items;
    // the items in flight are finished and dropped.
    std::function<Flow(Item&, Result&)> deliver;

    void run() const;
};

template <class Item, class Result, class Context>
void OrderedWork<Item, Result, Context>::run() const {
    struct Slot {
        std::optional<Item> item;
        std::optional<Result> result;
    };
    const std::size_t size = std::max<std::size_t>(1, window);
    // Threads wake each other a batch at a time: handing over every result
    // on its own cost a sleep and a wake-up per article, 15% of a sweep's
    // CPU time when an article takes ~100 µs.
    const std::size_t batch = std::max<std::size_t>(1, size / 2);
    std::vector<Slot> ring(size);
    std::mutex m;
    std::condition_variable space, ready;
    std::size_t handed = 0, received = 0;
    unsigned waiting_for_space = 0;
    bool waiting_for_result = false;
    // While the calling thread sleeps: the last item of the batch it waits
    // for (within the window, so workers never wait for room meanwhile).
    std::size_t wake_at = 0;
    bool exhausted = false, stopped = false;
    auto ready_at = [&](std::size_t seq) { return ring[seq % size].result.has_value(); };

    std::exception_ptr failure;  // the first exception a worker threw

    auto work_on = [&] {
        Context context = make_context();
        for (;;) {
            std::unique_lock lock(m);
            while (!exhausted && !stopped && handed - received >= size) {
                ++waiting_for_space;
                space.wait(lock);
                --waiting_for_space;
            }
            if (exhausted || stopped)
                return;
            std::optional<Item> item = next();
            if (!item) {
                exhausted = true;
                space.notify_all();
                ready.notify_one();
                return;
            }
            std::size_t seq = handed++;
            lock.unlock();
            Result result = work(context, *item);
            lock.lock();
            ring[seq % size].item = std::move(item);
            ring[seq % size].result = std::move(result);
            if (waiting_for_result && ready_at(received) && ready_at(wake_at))
                ready.notify_one();
        }
    };
    auto worker = [&] {
        try {
            work_on();
        } catch (...) {
            std::lock_guard lock(m);
            if (!failure)
                failure = std::current_exception();
            stopped = true;
            space.notify_all();
            ready.notify_one();
        }
    };

    // On the calling thread: each result, in order, to `deliver`.
    auto receive_in_order = [&] {
        for (;;) {
            std::unique_lock lock(m);
            Slot& slot = ring[received % size];
            while (!slot.result && !failure && !((exhausted || stopped) && received == handed)) {
                // Workers waiting for room get it all before this thread sleeps.
                if (waiting_for_space > 0)
                    space.notify_all();
                // A whole batch, unless no more items will be handed out.
                if (!exhausted && !stopped)
                    wake_at = received + batch - 1;
                else
                    wake_at = handed > received ? handed - 1 : received;
                waiting_for_result = true;
                ready.wait(lock);
                waiting_for_result = false;
            }
            if (!slot.result || failure)
                return;
            Item item = std::move(*slot.item);
            Result result = std::move(*slot.result);
            slot.item.reset();
            slot.result.reset();
            lock.unlock();
            Flow flow = stopped ? Flow::stop : deliver(item, result);
            lock.lock();
            ++received;
            if (flow == Flow::stop && !stopped) {
                stopped = true;
                space.notify_all();
            } else if (waiting_for_space > 0 && size - (handed - received) >= batch) {
                space.notify_all();
            }
        }
    };

    std::vector<std::thread> threads;
    auto stop_and_join = [&] {
        {
            std::lock_guard lock(m);
            stopped = true;
        }
        space.notify_all();
        for (auto& t : threads)
            t.join();
    };
    try {
        for (unsigned t = 0; t < std::max(1u, jobs); ++t)
            threads.emplace_back(worker);
        receive_in_order();
    } catch (...) {
        stop_and_join();
        throw;
    }
    stop_and_join();
    if (failure)
        std::rethrow_exception(failure);
}

}  // namespace archtag::app
