#pragma once
// Results held on disk, not in memory, until they can be reported: a
// committing git sweep knows whether its commit landed (and so what its
// report must say) only after every article was planned.
#include <cstdio>
#include <functional>
#include <memory>

#include "model/result.h"
#include "util/expected.h"

namespace archtag::app {

class ResultSpool {
  public:
    // An unnamed temporary file (gone when the process ends, however it ends).
    static Expected<ResultSpool> create();
    Status add(const ArticleResult& r);
    // Every result added, in order.
    Status replay(const std::function<void(ArticleResult&)>& each);
    std::size_t size() const { return m_count; }

  private:
    struct Close {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };
    explicit ResultSpool(std::FILE* f) : m_file(f) {}
    std::unique_ptr<std::FILE, Close> m_file;
    std::string m_record;
    std::size_t m_count = 0;
};

}  // namespace archtag::app
