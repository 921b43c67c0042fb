// A depth-first walk of a commit's tree, one entry per call.
#include "repo/tree_cursor.h"

#include <fmt/format.h>
#include <git2.h>

#include <vector>

#include "repo/handles.h"

namespace archtag::repo {

using detail::Handle;

namespace {

// A tree being walked: its entries from `next` on are still to come.
struct Level {
    Handle<git_tree> tree;
    std::size_t next = 0;
    std::string prefix;  // the tree's path with a trailing '/', "" at the root
    // This tree or one above it has a .gitattributes entry.
    bool attributes = false;
};

bool has_attributes_file(const git_tree* tree) {
    return git_tree_entry_byname(tree, ".gitattributes") != nullptr;
}

}  // namespace

struct TreeCursor::State {
    git_repository* repo = nullptr;
    std::string where;
    std::string commit;
    std::vector<Level> levels;
    std::optional<std::string> previous;  // the last path yielded
    std::optional<Error> failed;

    Expected<std::optional<TreeFile>> fail_with(Error e) {
        failed = e;
        levels.clear();
        return fail(std::move(e));
    }

    Status descend(const git_tree_entry* entry, const std::string& path) {
        git_tree* raw = nullptr;
        if (git_tree_lookup(&raw, repo, git_tree_entry_id(entry)) != 0)
            return fail(detail::git_failure(
                where, fmt::format("cannot read the tree at {}/ in commit {}", path, commit)));
        bool attributes = levels.back().attributes || has_attributes_file(raw);
        levels.push_back({Handle<git_tree>(raw), 0, path + "/", attributes});
        return ok();
    }
};

TreeCursor::TreeCursor(std::unique_ptr<State> state) : m_state(std::move(state)) {}
TreeCursor::TreeCursor(TreeCursor&&) noexcept = default;
TreeCursor& TreeCursor::operator=(TreeCursor&&) noexcept = default;
TreeCursor::~TreeCursor() = default;

Expected<TreeCursor> TreeCursor::open(const Repository& repo, const ObjectId& commit) {
    auto root = detail::tree_of(repo.raw(), commit, repo.git_dir());
    if (!root)
        return fail(root.error());
    auto state = std::make_unique<State>();
    state->repo = repo.raw();
    state->where = repo.git_dir();
    state->commit = commit.hex;
    bool attributes = has_attributes_file(root->get());
    state->levels.push_back({std::move(*root), 0, "", attributes});
    return TreeCursor(std::move(state));
}

Expected<std::optional<TreeFile>> TreeCursor::next() {
    State& s = *m_state;
    if (s.failed)
        return fail(*s.failed);
    while (!s.levels.empty()) {
        Level& top = s.levels.back();
        if (top.next == git_tree_entrycount(top.tree.get())) {
            s.levels.pop_back();
            continue;
        }
        const git_tree_entry* entry = git_tree_entry_byindex(top.tree.get(), top.next++);
        std::string path = top.prefix + git_tree_entry_name(entry);
        auto mode = static_cast<std::uint32_t>(git_tree_entry_filemode(entry));
        if (mode == GIT_FILEMODE_TREE) {
            if (Status d = s.descend(entry, path); !d)
                return s.fail_with(d.error());
            continue;
        }
        // Git sorts a tree's entries so that a depth-first walk meets paths in
        // byte order; a tree written by a broken tool may not be, and callers
        // merging this walk with other path-sorted lists rely on the order.
        if (s.previous && !(*s.previous < path))
            return s.fail_with(make_error(
                s.where, fmt::format("the tree of commit {} is not in git's order: {} comes "
                                     "after {} (git fsck reports such trees)",
                                     s.commit, path, *s.previous)));
        s.previous = path;
        TreeFile f;
        f.path = std::move(path);
        f.id = detail::to_id(*git_tree_entry_id(entry));
        f.mode = mode;
        f.kind = detail::kind_of(mode);
        f.attributes_above = s.levels.back().attributes;
        return std::optional<TreeFile>(std::move(f));
    }
    return std::optional<TreeFile>();
}

}  // namespace archtag::repo
