#include "app/progress_ticker.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <chrono>

#include "report/progress.h"

namespace archtag::app {

ProgressTicker::ProgressTicker(std::ostream& err, std::size_t total) : m_err(err), m_total(total) {
    m_thread = std::thread([this] { tick(); });
}

ProgressTicker::~ProgressTicker() {
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
    }
    m_wake.notify_one();
    m_thread.join();
    if (m_drawn)
        fmt::print(m_err, "\r\x1b[K");
    m_err.flush();
}

void ProgressTicker::tick() {
    using namespace std::chrono_literals;
    auto start = std::chrono::steady_clock::now();
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, 200ms, [this] { return m_finished; })) {
        std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        if (elapsed < 500ms)
            continue;
        fmt::print(m_err, "\r{}\x1b[K", report::progress_line(m_done, m_total, elapsed.count()));
        m_err.flush();
        m_drawn = true;
    }
}

}  // namespace archtag::app
