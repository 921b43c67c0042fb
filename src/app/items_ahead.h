#pragma once
// Items taken from a source on a thread of their own, up to a number ahead
// of whoever asks for them: a source that blocks now and then (a folder
// walk reads a whole folder at a time) no longer stalls the callers of
// next() while they hold a lock of their own.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace archtag::app {

template <typename Item>
class ItemsAhead {
  public:
    using Source = std::function<std::optional<Item>()>;

    // `source` (a copy) is called on the thread until it returns nullopt,
    // throws, or this object is destroyed; what it refers to must outlive
    // this object.
    ItemsAhead(Source source, std::size_t ahead)
        : m_source(std::move(source)), m_ahead(ahead < 1 ? 1 : ahead) {
        m_thread = std::thread([this] { fill(); });
    }
    ~ItemsAhead() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_room.notify_all();
        m_thread.join();
    }
    ItemsAhead(const ItemsAhead&) = delete;
    ItemsAhead& operator=(const ItemsAhead&) = delete;

    // The source's items in its order, then nullopt; what the source threw,
    // once the items before it are taken.
    std::optional<Item> next() {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_queue.empty() || m_done; });
        if (m_queue.empty()) {
            if (m_failure)
                std::rethrow_exception(m_failure);
            return std::nullopt;
        }
        Item item = std::move(m_queue.front());
        m_queue.pop_front();
        m_room.notify_one();
        return item;
    }

  private:
    void fill() {
        try {
            for (;;) {
                std::optional<Item> item = m_source();
                std::unique_lock lock(m_mutex);
                m_room.wait(lock, [&] { return m_queue.size() < m_ahead || m_stop; });
                if (m_stop || !item) {
                    m_done = true;
                    m_ready.notify_all();
                    return;
                }
                m_queue.push_back(std::move(*item));
                m_ready.notify_one();
            }
        } catch (...) {
            std::lock_guard lock(m_mutex);
            m_failure = std::current_exception();
            m_done = true;
            m_ready.notify_all();
        }
    }

    Source m_source;
    std::size_t m_ahead;
    std::mutex m_mutex;
    std::condition_variable m_ready, m_room;
    std::deque<Item> m_queue;
    bool m_done = false, m_stop = false;
    std::exception_ptr m_failure;
    std::thread m_thread;  // last: it starts once the rest is there
};

}  // namespace archtag::app
