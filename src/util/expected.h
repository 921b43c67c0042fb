#pragma once
// Expected<T>: a value or an Error, for failures that are part of normal
// operation (a malformed article, a wrong policy). std::expected is C++23.
#include <cassert>
#include <utility>
#include <variant>

#include "util/error.h"

namespace archtag {

struct Unexpected {
    Error error;
};

inline Unexpected fail(Error e) {
    return Unexpected{std::move(e)};
}

template <typename T>
class [[nodiscard]] Expected {
  public:
    Expected(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Expected(Unexpected u) : m_state(std::in_place_index<1>, std::move(u.error)) {}

    bool has_value() const { return m_state.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T& value() & {
        assert(has_value());
        return std::get<0>(m_state);
    }
    const T& value() const& {
        assert(has_value());
        return std::get<0>(m_state);
    }
    T&& value() && {
        assert(has_value());
        return std::get<0>(std::move(m_state));
    }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const {
        assert(!has_value());
        return std::get<1>(m_state);
    }

  private:
    std::variant<T, Error> m_state;
};

// For operations that only succeed or fail.
struct Ok {};
using Status = Expected<Ok>;
inline Status ok() {
    return Ok{};
}

}  // namespace archtag
