// Reading trees and blobs; writing blobs, trees and commits. Nothing here
// moves a reference.
#include <fmt/format.h>
#include <git2.h>

#include <algorithm>
#include <cstring>

#include "repo/handles.h"
#include "repo/sha1.h"
#include "util/file.h"

namespace archtag::repo {

using detail::from_id;
using detail::Handle;
using detail::to_id;

namespace {

int collect(const char* root, const git_tree_entry* entry, void* payload) {
    auto* files = static_cast<std::vector<TreeFile>*>(payload);
    git_filemode_t mode = git_tree_entry_filemode(entry);
    if (mode == GIT_FILEMODE_TREE)
        return 0;
    TreeFile f;
    f.path = std::string(root) + git_tree_entry_name(entry);
    f.id = to_id(*git_tree_entry_id(entry));
    f.mode = static_cast<std::uint32_t>(mode);
    f.kind = detail::kind_of(f.mode);
    files->push_back(std::move(f));
    return 0;
}

}  // namespace

namespace detail {

Expected<Handle<git_tree>> tree_of(git_repository* repo, const ObjectId& commit,
                                   const std::string& where) {
    git_oid oid;
    if (!from_id(commit, oid))
        return fail(make_error(where, fmt::format("'{}' is not an object id", commit.hex)));
    git_commit* c = nullptr;
    if (git_commit_lookup(&c, repo, &oid) != 0)
        return fail(detail::git_failure(where, fmt::format("cannot read commit {}", commit.hex)));
    Handle<git_commit> owned(c);
    git_tree* t = nullptr;
    if (git_commit_tree(&t, owned.get()) != 0)
        return fail(
            detail::git_failure(where, fmt::format("cannot read the tree of {}", commit.hex)));
    return Handle<git_tree>(t);
}

}  // namespace detail

using detail::tree_of;

Expected<ObjectId> Repository::tree_id(const ObjectId& commit) const {
    auto tree = tree_of(m_repo.get(), commit, m_git_dir);
    if (!tree)
        return fail(tree.error());
    return to_id(*git_tree_id(tree->get()));
}

Expected<std::vector<TreeFile>> Repository::list_files(const ObjectId& commit) const {
    auto tree = tree_of(m_repo.get(), commit, m_git_dir);
    if (!tree)
        return fail(tree.error());
    std::vector<TreeFile> files;
    if (git_tree_walk(tree->get(), GIT_TREEWALK_PRE, collect, &files) != 0)
        return fail(failure(fmt::format("cannot walk the tree of {}", commit.hex)));
    std::sort(files.begin(), files.end(),
              [](const TreeFile& a, const TreeFile& b) { return a.path < b.path; });
    return files;
}

Expected<std::string> Repository::read_blob(const ObjectId& blob, std::uint64_t max_bytes) const {
    git_oid oid;
    if (!from_id(blob, oid))
        return fail(make_error(m_git_dir, fmt::format("'{}' is not an object id", blob.hex)));
    git_blob* raw = nullptr;
    if (git_blob_lookup(&raw, m_repo.get(), &oid) != 0)
        return fail(failure(fmt::format("cannot read blob {}", blob.hex)));
    Handle<git_blob> b(raw);
    auto size = static_cast<std::uint64_t>(git_blob_rawsize(b.get()));
    if (size > max_bytes)
        return fail(make_error(m_git_dir, fmt::format("blob is {} bytes, larger than the limit "
                                                      "of {} bytes",
                                                      size, max_bytes)));
    return std::string(static_cast<const char*>(git_blob_rawcontent(b.get())), size);
}

Expected<std::string> Repository::read_blob_reusing(const ObjectId& blob, const std::string& file,
                                                    std::uint64_t max_bytes) const {
    // Not a regular file, too large, unreadable: the blob answers.
    if (auto bytes = read_file(file, max_bytes)) {
        auto digest = detail::blob_sha1(*bytes, file);
        auto id = PackedId::of(blob);
        if (digest && id && *digest == id->bytes)
            return std::move(*bytes);
    }
    return read_blob(blob, max_bytes);
}

Expected<ObjectId> Repository::write_blob(std::string_view bytes) {
    git_oid oid;
    if (git_blob_create_from_buffer(&oid, m_repo.get(), bytes.data(), bytes.size()) != 0)
        return fail(failure("cannot write a blob"));
    return to_id(oid);
}

Expected<ObjectId> Repository::update_tree(const ObjectId& commit,
                                           const std::vector<FileUpdate>& updates) {
    auto base = tree_of(m_repo.get(), commit, m_git_dir);
    if (!base)
        return fail(base.error());
    std::vector<git_tree_update> raw(updates.size());
    for (std::size_t i = 0; i < updates.size(); ++i) {
        raw[i].action = GIT_TREE_UPDATE_UPSERT;
        std::memcpy(raw[i].id.id, updates[i].blob.bytes.data(), GIT_OID_RAWSZ);
        raw[i].filemode = static_cast<git_filemode_t>(updates[i].mode);
        raw[i].path = updates[i].path.c_str();
    }
    git_oid out;
    if (git_tree_create_updated(&out, m_repo.get(), base->get(), raw.size(), raw.data()) != 0)
        return fail(failure("cannot write the updated tree"));
    return to_id(out);
}

namespace {

Expected<Handle<git_signature>> make_signature(const Signature& s, const std::string& where) {
    git_signature* raw = nullptr;
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(s.when.time_since_epoch());
    if (git_signature_new(&raw, s.name.c_str(), s.email.c_str(),
                          static_cast<git_time_t>(seconds.count()), s.offset_minutes) != 0)
        return fail(detail::git_failure(
            where, fmt::format("cannot use '{} <{}>' as a signature", s.name, s.email)));
    return Handle<git_signature>(raw);
}

// What both kinds of commit are made of, looked up and checked.
struct CommitParts {
    Handle<git_signature> author, committer;
    Handle<git_tree> tree;
    Handle<git_commit> parent;
};

Expected<CommitParts> commit_parts(git_repository* repo, const std::string& git_dir,
                                   const CommitRequest& request) {
    auto author = make_signature(request.author, git_dir);
    if (!author)
        return fail(author.error());
    auto committer = make_signature(request.committer, git_dir);
    if (!committer)
        return fail(committer.error());
    git_oid tree_oid, parent_oid;
    if (!from_id(request.tree, tree_oid) || !from_id(request.parent, parent_oid))
        return fail(make_error(git_dir, "a commit needs a tree id and a parent id"));
    git_tree* tree_raw = nullptr;
    if (git_tree_lookup(&tree_raw, repo, &tree_oid) != 0)
        return fail(
            detail::git_failure(git_dir, fmt::format("cannot read tree {}", request.tree.hex)));
    Handle<git_tree> tree(tree_raw);
    git_commit* parent_raw = nullptr;
    if (git_commit_lookup(&parent_raw, repo, &parent_oid) != 0)
        return fail(
            detail::git_failure(git_dir, fmt::format("cannot read commit {}", request.parent.hex)));
    return CommitParts{std::move(*author), std::move(*committer), std::move(tree),
                       Handle<git_commit>(parent_raw)};
}

}  // namespace

Expected<ObjectId> Repository::create_commit(const CommitRequest& request) {
    auto parts = commit_parts(m_repo.get(), m_git_dir, request);
    if (!parts)
        return fail(parts.error());
    const git_commit* parents[] = {parts->parent.get()};
    git_oid out;
    if (git_commit_create(&out, m_repo.get(), nullptr, parts->author.get(), parts->committer.get(),
                          nullptr, request.message.c_str(), parts->tree.get(), 1, parents) != 0)
        return fail(failure("cannot write the commit"));
    return to_id(out);
}

Expected<ObjectId> Repository::create_signed_commit(const CommitRequest& request,
                                                    const Sign& sign) {
    auto parts = commit_parts(m_repo.get(), m_git_dir, request);
    if (!parts)
        return fail(parts.error());
    const git_commit* parents[] = {parts->parent.get()};
    git_buf buffer = GIT_BUF_INIT;
    if (git_commit_create_buffer(&buffer, m_repo.get(), parts->author.get(), parts->committer.get(),
                                 nullptr, request.message.c_str(), parts->tree.get(), 1,
                                 parents) != 0)
        return fail(failure("cannot write the commit"));
    std::string payload(buffer.ptr, buffer.size);
    git_buf_dispose(&buffer);
    auto signature = sign(payload);
    if (!signature)
        return fail(signature.error());
    git_oid out;
    if (git_commit_create_with_signature(&out, m_repo.get(), payload.c_str(), signature->c_str(),
                                         nullptr) != 0)
        return fail(failure("cannot write the signed commit"));
    return to_id(out);
}

}  // namespace archtag::repo
