#include "repo/sha1.h"

#include <openssl/evp.h>

namespace archtag::repo::detail {

void Sha1::Free::operator()(evp_md_ctx_st* c) const {
    EVP_MD_CTX_free(c);
}

Expected<Sha1> Sha1::start(const std::string& where) {
    EVP_MD_CTX* c = EVP_MD_CTX_new();
    Sha1 out(c, where);
    if (!c || EVP_DigestInit_ex(c, EVP_sha1(), nullptr) != 1)
        return fail(make_error(where, "cannot start a SHA-1 digest"));
    return out;
}

bool Sha1::add(const void* data, std::size_t size) {
    return EVP_DigestUpdate(m_ctx.get(), data, size) == 1;
}

Expected<Sha1::Digest> Sha1::finish() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    Digest out{};
    if (EVP_DigestFinal_ex(m_ctx.get(), digest, &size) != 1 || size != out.size())
        return fail(make_error(m_where, "cannot finish a SHA-1 digest"));
    std::copy(digest, digest + size, out.begin());
    return out;
}

Expected<Sha1::Digest> sha1_of(const std::string& where,
                               std::initializer_list<std::string_view> parts) {
    auto digest = Sha1::start(where);
    if (!digest)
        return fail(digest.error());
    for (std::string_view part : parts)
        if (!digest->add(part.data(), part.size()))
            return fail(make_error(where, "cannot compute a SHA-1 digest"));
    return digest->finish();
}

Expected<Sha1::Digest> blob_sha1(std::string_view bytes, const std::string& where) {
    std::string header = "blob " + std::to_string(bytes.size());
    return sha1_of(where, {std::string_view(header.c_str(), header.size() + 1), bytes});
}

}  // namespace archtag::repo::detail
