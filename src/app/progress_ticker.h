#pragma once
// A progress line on stderr while workers run, for terminals only (the CLI
// decides; see Options::progress).
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <ostream>
#include <thread>

namespace archtag::app {

// Redraws "[###   ] 1,234/20,000 articles  812/s  ETA 0:21" on stderr every
// 200 ms while the workers run, once a run has lasted half a second; the
// line is erased at the end so the report starts on a clean terminal.
class ProgressTicker {
  public:
    ProgressTicker(std::ostream& err, std::size_t total);
    ~ProgressTicker();
    ProgressTicker(const ProgressTicker&) = delete;
    ProgressTicker& operator=(const ProgressTicker&) = delete;

    std::atomic<std::size_t>* counter() { return &m_done; }

  private:
    void tick();

    std::ostream& m_err;
    std::size_t m_total;
    std::atomic<std::size_t> m_done{0};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_finished = false;
    bool m_drawn = false;
    std::thread m_thread;
};

}  // namespace archtag::app
