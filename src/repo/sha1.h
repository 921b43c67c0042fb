#pragma once
// Private to src/repo: SHA-1 of raw bytes, for the trailers of packs and of
// git's index. libgit2 hashes only objects (with their header), so this is
// OpenSSL's libcrypto; its headers stay in sha1.cc.
#include <array>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

#include "util/expected.h"

struct evp_md_ctx_st;

namespace archtag::repo::detail {

class Sha1 {
  public:
    using Digest = std::array<unsigned char, 20>;

    // `where` names the file in errors.
    static Expected<Sha1> start(const std::string& where);
    bool add(const void* data, std::size_t size);
    // The digest of everything added; once.
    Expected<Digest> finish();

  private:
    struct Free {
        void operator()(evp_md_ctx_st* c) const;
    };
    Sha1(evp_md_ctx_st* c, std::string where) : m_ctx(c), m_where(std::move(where)) {}
    std::unique_ptr<evp_md_ctx_st, Free> m_ctx;
    std::string m_where;
};

// The SHA-1 of `parts` one after the other; `where` names the file in errors.
Expected<Sha1::Digest> sha1_of(const std::string& where,
                               std::initializer_list<std::string_view> parts);

// A blob's id as git computes it: the SHA-1 of "blob <size>\0" and the
// bytes (with OpenSSL: libgit2's collision-detecting SHA-1 is several times
// slower).
Expected<Sha1::Digest> blob_sha1(std::string_view bytes, const std::string& where);

}  // namespace archtag::repo::detail
