#pragma once
// What a report shows of one article, as bytes and back: the sweep cache
// (app/git_cache.h) remembers results with it, and a committing git sweep
// spools its results with it until the commit has landed. Netstrings
// ("<length>:<bytes>,") need no escaping: paths are bytes and may hold
// anything. Not kept: the rule trace and the date candidates (only
// `explain` shows them).
#include <cstdint>
#include <string>
#include <string_view>

#include "model/result.h"
#include "util/expected.h"

namespace archtag::app {

void put_field(std::string& out, std::string_view field);
void put_number(std::string& out, std::int64_t n);

// Reads the fields of an encoded record in order; every failure says what
// was wrong.
class FieldReader {
  public:
    explicit FieldReader(std::string_view bytes) : m_rest(bytes) {}
    bool done() const { return m_rest.empty(); }
    Expected<std::string> field();
    Expected<std::int64_t> number();
    template <typename Enum>
    Expected<Enum> enumerator(int last) {
        auto n = number();
        if (!n)
            return fail(n.error());
        if (*n < 0 || *n > last)
            return fail(make_error("", std::to_string(*n) + " is not a known value"));
        return static_cast<Enum>(*n);
    }

  private:
    std::string_view m_rest;
};

// In a function returning Status (or Expected): assigns the next field read
// by `expr` to `target`, or returns the failure. Shared by the decoders of
// results and of the sweep cache.
#define ARCHTAG_READ(target, expr)  \
    do {                            \
        auto v = (expr);            \
        if (!v)                     \
            return fail(v.error()); \
        target = std::move(*v);     \
    } while (false)

void encode_result(std::string& out, const ArticleResult& r);
Status decode_result(FieldReader& in, ArticleResult& r);

}  // namespace archtag::app
