#pragma once
// Walking a commit's tree one file at a time, for sweeps of archives too
// large to list at once.
#include <memory>
#include <optional>

#include "repo/repo.h"

namespace archtag::repo {

// Yields the entries Repository::list_files(commit) lists (blobs,
// executables, symbolic links, submodules), in the same order: strictly
// increasing path bytes. Only the trees on the path from the root to the
// current entry are held, so memory grows with the depth of the tree, not
// with the number of files. The cursor reads through `repo`, which must
// outlive it, from the thread that owns `repo`.
class TreeCursor {
  public:
    static Expected<TreeCursor> open(const Repository& repo, const ObjectId& commit);

    TreeCursor(TreeCursor&&) noexcept;
    TreeCursor& operator=(TreeCursor&&) noexcept;
    ~TreeCursor();

    // The next entry; nullopt after the last. A tree that cannot be read, or
    // whose entries are not in git's order (a damaged tree: the promised
    // order would break), is an error, and every later call repeats it.
    Expected<std::optional<TreeFile>> next();

  private:
    struct State;
    explicit TreeCursor(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

}  // namespace archtag::repo
