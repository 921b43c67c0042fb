#include "repo/handles.h"

#include <fmt/format.h>
#include <git2.h>

namespace archtag::repo::detail {

void Free::operator()(git_blob* p) const {
    git_blob_free(p);
}
void Free::operator()(git_commit* p) const {
    git_commit_free(p);
}
void Free::operator()(git_index* p) const {
    git_index_free(p);
}
void Free::operator()(git_object* p) const {
    git_object_free(p);
}
void Free::operator()(git_reference* p) const {
    git_reference_free(p);
}
void Free::operator()(git_signature* p) const {
    git_signature_free(p);
}
void Free::operator()(git_status_list* p) const {
    git_status_list_free(p);
}
void Free::operator()(git_tree* p) const {
    git_tree_free(p);
}
void Free::operator()(git_config* p) const {
    git_config_free(p);
}

namespace {

class LibGit2 {
  public:
    LibGit2() { git_libgit2_init(); }
    ~LibGit2() { git_libgit2_shutdown(); }
    LibGit2(const LibGit2&) = delete;
    LibGit2& operator=(const LibGit2&) = delete;
};

}  // namespace

void ensure_libgit2() {
    static LibGit2 guard;
}

Error git_failure(const std::string& where, std::string_view what) {
    const git_error* e = git_error_last();
    std::string why = e && e->message ? e->message : "unknown libgit2 error";
    return make_error(where, fmt::format("{}: {}", what, why));
}

ObjectId to_id(const git_oid& oid) {
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, &oid);
    return ObjectId{hex};
}

bool from_id(const ObjectId& id, git_oid& out) {
    return id.hex.size() == GIT_OID_HEXSZ && git_oid_fromstr(&out, id.hex.c_str()) == 0;
}

}  // namespace archtag::repo::detail
