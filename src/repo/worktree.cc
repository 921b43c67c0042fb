// The work tree and index of a non-bare repository whose checked-out branch
// was swept: find uncommitted changes first, bring stamped files up to date
// after. git's index is read as a stream and patched in place
// (repo/index_stream): libgit2 would hold all of it in memory, ~350 MB at a
// million articles.
#include <fcntl.h>
#include <fmt/format.h>
#include <git2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <iterator>
#include <thread>
#include <utility>

#include "repo/handles.h"
#include "repo/index_stream.h"
#include "repo/work_file.h"
#include "util/file.h"
#include "util/strings.h"

namespace archtag::repo {

using detail::Handle;

namespace {

// A file of `tree`: its blob id and mode; nullopt when there is none.
struct TreeFile {
    RawId id{};
    std::uint32_t mode = 0;
};

// The files of one tree, looked up for paths in increasing order: the
// folders on the way to the last path are held, so the next path in the
// same folder costs one binary search. git_tree_entry_bypath walks from the
// root each time and counts on libgit2's object cache, which a
// million-article tree's folders (up to 250 KB each) overflow: the
// work-tree update of a million-article sweep spent 86% of its time
// inflating the same trees again.
class TreeFiles {
  public:
    explicit TreeFiles(git_tree* root) : m_root(root) {}

    // The file at `path`: its blob id and mode; nullopt when there is none.
    std::optional<TreeFile> find(std::string_view path) {
        git_tree* folder = m_root;
        std::size_t depth = 0;
        for (std::size_t slash; (slash = path.find('/')) != std::string_view::npos; ++depth) {
            std::string_view name = path.substr(0, slash);
            path.remove_prefix(slash + 1);
            if (depth < m_folders.size() && m_folders[depth].name == name) {
                folder = m_folders[depth].tree.get();
                continue;
            }
            m_folders.resize(depth);
            folder = descend(folder, name);
            if (!folder)
                return std::nullopt;
        }
        const git_tree_entry* entry = git_tree_entry_byname(folder, std::string(path).c_str());
        if (!entry || git_tree_entry_type(entry) != GIT_OBJECT_BLOB)
            return std::nullopt;
        TreeFile f;
        std::memcpy(f.id.data(), git_tree_entry_id(entry)->id, f.id.size());
        f.mode = git_tree_entry_filemode(entry);  // 100664 in old trees: 100644
        return f;
    }

  private:
    struct Folder {
        std::string name;
        Handle<git_tree> tree;
    };

    // The subtree `name` of `folder`, held as the next folder; null when
    // there is none.
    git_tree* descend(git_tree* folder, std::string_view name) {
        const git_tree_entry* entry = git_tree_entry_byname(folder, std::string(name).c_str());
        git_tree* sub = nullptr;
        if (!entry || git_tree_entry_type(entry) != GIT_OBJECT_TREE ||
            git_tree_lookup(&sub, git_tree_owner(folder), git_tree_entry_id(entry)) != 0)
            return nullptr;
        m_folders.push_back({std::string(name), Handle<git_tree>(sub)});
        return sub;
    }

    git_tree* m_root;
    std::vector<Folder> m_folders;  // from the root down
};

bool config_flag(git_repository* repo, const char* name, bool fallback) {
    git_config* raw = nullptr;
    if (git_repository_config_snapshot(&raw, repo) != 0)
        return fallback;
    Handle<git_config> config(raw);
    int value = 0;
    return git_config_get_bool(&value, config.get(), name) == 0 ? value != 0 : fallback;
}

EntryStat entry_stat(const struct stat& st) {
    auto u32 = [](auto v) { return static_cast<std::uint32_t>(v); };
    EntryStat s;
    s.ctime_s = u32(st.st_ctim.tv_sec);
    s.ctime_ns = u32(st.st_ctim.tv_nsec);
    s.mtime_s = u32(st.st_mtim.tv_sec);
    s.mtime_ns = u32(st.st_mtim.tv_nsec);
    s.dev = u32(st.st_dev);
    s.ino = u32(st.st_ino);
    s.uid = u32(st.st_uid);
    s.gid = u32(st.st_gid);
    s.size = u32(st.st_size);
    return s;
}

// Whether a work-tree file holds what its index entry says, decided the way
// git decides it: by the stat data the index kept, and by content when
// those prove nothing.
class WorkTreeCheck {
  public:
    WorkTreeCheck(git_repository* view, const IndexScan& scan)
        : m_view(view),
          m_work_dir(git_repository_workdir(view)),
          m_file_mode(config_flag(view, "core.filemode", true)),
          m_scan(scan) {}

    std::string file(const FoundEntry& e) const { return m_work_dir + std::string(e.path); }

    // `st` is left with what lstat found.
    Expected<bool> matches(const FoundEntry& e, struct stat& st) const {
        auto present = regular_with_mode(e, st);
        if (!present || !*present)
            return present;
        if (same_stat(e.stat, st) && !racily_clean(e.stat, m_scan.mtime_s, m_scan.mtime_ns))
            return true;
        return hashes_to(e, e.id);
    }

    // Whether the file of `e` holds blob `id` (through the filters), with
    // the mode `e` has; `st` is left with what lstat found.
    Expected<bool> holds_blob(const FoundEntry& e, const RawId& id, struct stat& st) const {
        auto present = regular_with_mode(e, st);
        if (!present || !*present)
            return present;
        return hashes_to(e, id);
    }

  private:
    // Whether the file of `e` is in the work tree as a regular file with
    // the executable bit `e` says (when core.filemode counts it).
    Expected<bool> regular_with_mode(const FoundEntry& e, struct stat& st) const {
        if (!below_real_folders(e.path))
            return false;
        std::string f = file(e);
        if (::lstat(f.c_str(), &st) != 0) {
            if (errno == ENOENT || errno == ENOTDIR)
                return false;
            return fail(system_error(f, "cannot stat"));
        }
        if (!S_ISREG(st.st_mode))
            return false;
        return !m_file_mode || ((st.st_mode & 0100) != 0) == (e.stat.mode == 0100755);
    }

    Expected<bool> hashes_to(const FoundEntry& e, const RawId& id) const {
        std::string f = file(e);
        git_oid on_disk;
        if (git_repository_hashfile(&on_disk, m_view, f.c_str(), GIT_OBJECT_BLOB,
                                    std::string(e.path).c_str()) != 0)
            return fail(detail::git_failure(f, "cannot read the work-tree file"));
        return std::memcmp(on_disk.id, id.data(), id.size()) == 0;
    }

    // git takes a file below a symbolic link (or below anything that is not
    // a folder) as deleted: the link's target is not the work tree's to read
    // or write. Paths come sorted, so the last folder found real is kept.
    bool below_real_folders(std::string_view path) const {
        std::size_t last = path.rfind('/');
        if (last == std::string::npos || path.compare(0, last + 1, m_real_folder) == 0)
            return true;
        for (std::size_t slash = path.find('/'); slash <= last; slash = path.find('/', slash + 1)) {
            if (m_real_folder.compare(0, slash + 1, path.substr(0, slash + 1)) == 0)
                continue;  // an ancestor of the folder found real
            struct stat st {};
            std::string folder = m_work_dir + std::string(path.substr(0, slash));
            if (::lstat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
                return false;
        }
        m_real_folder.assign(path.substr(0, last + 1));
        return true;
    }

    // An index written without nanoseconds is compared by seconds, as the
    // git that wrote it compares. A size of 0 is how git marks an entry whose
    // stat data it distrusts (and an empty file is quick to hash).
    static bool same_stat(const EntryStat& s, const struct stat& st) {
        EntryStat now = entry_stat(st);
        bool nanoseconds = s.mtime_ns != 0 || s.ctime_ns != 0;
        return s.size != 0 && s.size == now.size && s.mtime_s == now.mtime_s &&
               s.ctime_s == now.ctime_s &&
               (!nanoseconds || (s.mtime_ns == now.mtime_ns && s.ctime_ns == now.ctime_ns)) &&
               s.ino == now.ino && s.uid == now.uid && s.gid == now.gid;
    }

    git_repository* m_view;
    std::string m_work_dir;  // ends with '/'
    bool m_file_mode;
    const IndexScan& m_scan;
    mutable std::string m_real_folder;  // "a/b/": no link or file among a, a/b
};

// Whether the only entry for a path is a merged one holding `file`.
bool holds(const IndexScan& scan, std::size_t i, const TreeFile& file) {
    const FoundEntry& e = scan.entries[i];
    bool alone = (i == 0 || scan.entries[i - 1].path != e.path) &&
                 (i + 1 == scan.entries.size() || scan.entries[i + 1].path != e.path);
    return alone && e.stage == 0 && !e.intent_to_add && e.id == file.id && e.stat.mode == file.mode;
}

std::vector<std::string_view> sorted_unique(std::vector<std::string_view> paths) {
    std::sort(paths.begin(), paths.end());
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
    return paths;
}

// git's <index>.lock, taken the way git takes it (O_EXCL); removed unless
// committed.
class IndexLock {
  public:
    static Expected<std::unique_ptr<IndexLock>> take(const std::string& index) {
        using Clock = std::chrono::steady_clock;
        auto deadline = Clock::now() + std::chrono::seconds(2);
        std::string name = index + ".lock";
        for (auto pause = std::chrono::milliseconds(50);; pause *= 2) {
            int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (fd >= 0) {
                std::unique_ptr<IndexLock> lock(new IndexLock(index, name, fd));
                // The new index gets the lock's permissions: keep the old
                // one's (a group-shared repository's index is group-writable).
                struct stat st {};
                if (::stat(index.c_str(), &st) == 0)
                    ::fchmod(fd, st.st_mode & 07777);
                return lock;
            }
            if (errno != EEXIST || Clock::now() >= deadline)
                return fail(make_error(
                    name, errno == EEXIST
                              ? "git's index is locked (waited 2 s): another git command is "
                                "running, or one stopped and left this file behind; remove it "
                                "if no git command is running"
                              : fmt::format("cannot lock git's index: {}", std::strerror(errno))));
            std::this_thread::sleep_for(std::min<Clock::duration>(pause, deadline - Clock::now()));
        }
    }
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;
    ~IndexLock() {
        if (m_fd >= 0)
            ::close(m_fd);
        if (!m_committed)
            std::remove(m_name.c_str());
    }
    int fd() const { return m_fd; }
    const std::string& name() const { return m_name; }

    Status commit() {
        int fd = std::exchange(m_fd, -1);
        if (::close(fd) != 0 || std::rename(m_name.c_str(), m_index.c_str()) != 0)
            return fail(system_error(m_index, "cannot write git's index"));
        m_committed = true;
        return ok();
    }

  private:
    IndexLock(std::string index, std::string name, int fd)
        : m_index(std::move(index)), m_name(std::move(name)), m_fd(fd) {}
    std::string m_index;
    std::string m_name;
    int m_fd;
    bool m_committed = false;
};

// Brings the stamped files of a checked-out branch up to date, under git's
// index lock: each file that still holds the swept blob is rewritten and its
// entry patched. A file that cannot be rewritten is left as it was, with its
// entry, and named; the others go on, so that every file rewritten gets its
// entry (a rewritten file with the old entry would look like a staged
// removal of its stamp). What a killed run finished counts as done: an
// entry that holds the new blob already, and a file that does (its entry is
// patched, the file left).
class Checkout {
  public:
    Checkout(git_repository* view, const IndexScan& scan, git_tree* from, git_tree* to)
        : m_view(view), m_check(view, scan), m_scan(scan), m_from(from), m_to(to) {}
    Checkout(const Checkout&) = delete;
    Checkout& operator=(const Checkout&) = delete;

    struct Outcome {
        std::vector<EntryPatch> patches;        // for git's index, sorted by path
        std::vector<std::string_view> current;  // entries that hold the new blob already
        std::vector<std::string> failed;        // files not rewritten, with the reason
    };

    // What became of entries [begin, end).
    Outcome run(std::size_t begin, std::size_t end) {
        Outcome out;
        out.patches.reserve(end - begin);
        for (std::size_t i = begin; i < end; ++i) {
            if (i > 0 && m_scan.entries[i - 1].path == m_scan.entries[i].path)
                continue;
            bool current = false;
            auto patch = update(i, current);
            if (!patch)
                out.failed.push_back(patch.error().headline());
            else if (*patch)
                out.patches.push_back(std::move(**patch));
            else if (current)
                out.current.push_back(m_scan.entries[i].path);
        }
        return out;
    }

  private:
    Expected<std::optional<EntryPatch>> update(std::size_t i, bool& current) {
        const FoundEntry& e = m_scan.entries[i];
        auto old_file = m_from.find(e.path);
        auto new_file = m_to.find(e.path);
        if (!old_file || !new_file || old_file->mode != new_file->mode)
            return std::optional<EntryPatch>();
        if (holds(m_scan, i, *new_file)) {
            current = true;
            return std::optional<EntryPatch>();
        }
        if (!holds(m_scan, i, *old_file))
            return std::optional<EntryPatch>();
        EntryPatch patch{e.path, new_file->id, {}};
        if (e.skip_worktree)  // not in the work tree (sparse checkout): the index alone
            return std::optional<EntryPatch>(std::move(patch));
        struct stat st {};
        auto clean = m_check.matches(e, st);
        if (!clean)
            return fail(clean.error());
        if (!*clean)
            return written_already(e, std::move(patch));
        std::string target = m_check.file(e);
        git_oid id;
        std::memcpy(id.id, new_file->id.data(), new_file->id.size());
        auto temp = detail::write_work_temp(m_view, id, std::string(e.path), target, st);
        if (!temp)
            return fail(temp.error());
        // As in git's checkout, an edit made between the check above and
        // this rename is lost; the window is one file's write.
        if (std::rename(temp->c_str(), target.c_str()) != 0) {
            Error failed = make_error(
                target, fmt::format("cannot replace the work-tree file: {}", std::strerror(errno)));
            std::remove(temp->c_str());
            return fail(failed);
        }
        // Without stat data (all zeros) git compares the file by content.
        if (::lstat(target.c_str(), &st) == 0)
            patch.stat = entry_stat(st);
        return std::optional<EntryPatch>(std::move(patch));
    }

    // `patch` for a file that does not hold the old blob: when it holds the
    // new one (a killed run rewrote it and did not get to the index), its
    // entry alone; else nothing, the file is someone's change.
    Expected<std::optional<EntryPatch>> written_already(const FoundEntry& e, EntryPatch patch) {
        struct stat st {};
        auto stamped = m_check.holds_blob(e, patch.id, st);
        if (!stamped)
            return fail(stamped.error());
        if (!*stamped)
            return std::optional<EntryPatch>();
        patch.stat = entry_stat(st);
        return std::optional<EntryPatch>(std::move(patch));
    }

    git_repository* m_view;
    WorkTreeCheck m_check;
    const IndexScan& m_scan;
    TreeFiles m_from;
    TreeFiles m_to;
};

// Rewrites the stamped files on up to `jobs` threads (0: one per core), each
// with its own repository handle and trees, since libgit2 handles are not
// for sharing between threads. Most of a file's time is the file system's
// (ext4 writes the new file out when it replaces another, and discards the
// old one's blocks), which threads overlap. Patches come back in the
// index's order.
Expected<Checkout::Outcome> checkout_on_threads(git_repository* repo, const std::string& git_dir,
                                                const IndexScan& scan, const ObjectId& from,
                                                const ObjectId& to, unsigned jobs) {
    constexpr std::size_t k_files_per_thread = 128;  // fewer are not worth a thread
    const std::size_t n = scan.entries.size();
    if (jobs == 0)
        jobs = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t parts =
        std::clamp<std::size_t>(n / k_files_per_thread, 1, static_cast<std::size_t>(jobs));
    struct Part {
        Handle<git_repository> view;
        Handle<git_tree> old_tree, new_tree;
        std::size_t begin = 0, end = 0;
        Checkout::Outcome outcome;
    };
    std::vector<Part> work(parts);
    std::size_t at = 0;
    for (std::size_t k = 0; k < parts; ++k) {
        auto view = detail::open_view(repo, git_dir, detail::View::with_work_tree);
        if (!view)
            return fail(view.error());
        auto old_tree = detail::tree_of(view->get(), from, git_dir);
        auto new_tree = detail::tree_of(view->get(), to, git_dir);
        if (!old_tree || !new_tree)
            return fail(!old_tree ? old_tree.error() : new_tree.error());
        Part& part = work[k];
        part.view = std::move(*view);
        part.old_tree = std::move(*old_tree);
        part.new_tree = std::move(*new_tree);
        // Every entry of a path (conflict stages) stays in one part.
        std::size_t end = k + 1 == parts ? n : std::max(at, n * (k + 1) / parts);
        while (end < n && end > 0 && scan.entries[end - 1].path == scan.entries[end].path)
            ++end;
        part.begin = at;
        part.end = at = end;
    }
    auto run_part = [&scan](Part& part) {
        Checkout checkout(part.view.get(), scan, part.old_tree.get(), part.new_tree.get());
        part.outcome = checkout.run(part.begin, part.end);
    };
    std::vector<std::thread> threads;
    for (std::size_t k = 1; k < parts; ++k)
        threads.emplace_back(run_part, std::ref(work[k]));
    run_part(work[0]);
    for (auto& t : threads)
        t.join();
    Checkout::Outcome all = std::move(work[0].outcome);
    auto append = [](auto& to, auto& from) {
        std::move(from.begin(), from.end(), std::back_inserter(to));
    };
    for (std::size_t k = 1; k < parts; ++k) {
        append(all.patches, work[k].outcome.patches);
        append(all.current, work[k].outcome.current);
        append(all.failed, work[k].outcome.failed);
    }
    return all;
}

std::string checkout_note(const std::string& git_dir) {
    return git_dir + "/archtag/checkout";
}

constexpr std::string_view k_note_header = "archtag-checkout 1";

// Neither archtag nor libgit2 1.5 reads these; a sweep refuses to commit
// before it would need to.
Error unsupported(const std::string& index, const std::string& what) {
    return make_error(index, "git's index is " + what);
}

// The first 20 of `items`: a message, not a listing of an archive.
std::string listed(const std::vector<std::string>& items) {
    constexpr std::size_t k_shown = 20;
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < k_shown; ++i)
        out += (out.empty() ? "" : ", ") + items[i];
    if (items.size() > k_shown)
        out += fmt::format(" and {} more", items.size() - k_shown);
    return out;
}

std::string files(std::size_t n) {
    return n == 1 ? "1 file" : std::to_string(n) + " files";
}

// The stamped files not brought up to date: changed between the dirty
// check and the commit, or not rewritable (`failed`, with reasons).
Status left_alone(const std::vector<std::string_view>& wanted, const Checkout::Outcome& done,
                  const std::string& where) {
    std::vector<std::string> left;
    std::size_t p = 0, c = 0;
    for (std::string_view path : wanted) {
        if (p < done.patches.size() && done.patches[p].path == path)
            ++p;
        else if (c < done.current.size() && done.current[c] == path)
            ++c;
        else
            left.emplace_back(path);
    }
    if (left.empty())
        return ok();
    std::string message = fmt::format(
        "the commit was made, but {} {} left as {} in the work tree and index (`git diff HEAD "
        "-- <file>` shows how {} from the commit): {}",
        files(left.size()), left.size() == 1 ? "was" : "were",
        left.size() == 1 ? "it is" : "they are", left.size() == 1 ? "it differs" : "they differ",
        listed(left));
    if (!done.failed.empty())
        message += fmt::format("; {} could not be rewritten: {}", files(done.failed.size()),
                               listed(done.failed));
    return fail(make_error(where, message));
}

}  // namespace

Expected<std::vector<std::string>> Repository::dirty_paths(
    const ObjectId& commit, const std::vector<std::string_view>& paths) const {
    if (bare() || paths.empty())
        return std::vector<std::string>{};
    std::vector<std::string_view> wanted = sorted_unique(paths);
    std::string index = index_path();
    auto scan = scan_index(index, wanted);
    if (!scan)
        return fail(scan.error());
    if (scan->unsupported)
        return fail(unsupported(index, *scan->unsupported));
    auto tree = detail::tree_of(m_repo.get(), commit, m_git_dir);
    if (!tree)
        return fail(tree.error());
    auto view = detail::open_view(m_repo.get(), m_git_dir, detail::View::with_work_tree);
    if (!view)
        return fail(view.error());
    WorkTreeCheck check(view->get(), *scan);
    TreeFiles files(tree->get());
    std::vector<std::string> dirty;
    std::size_t i = 0;
    for (std::string_view path : wanted) {
        while (i < scan->entries.size() && scan->entries[i].path < path)
            ++i;
        auto file = files.find(path);
        bool clean = file && i < scan->entries.size() && scan->entries[i].path == path &&
                     holds(*scan, i, *file);
        if (clean && !scan->entries[i].skip_worktree) {
            struct stat st {};
            auto matches = check.matches(scan->entries[i], st);
            if (!matches)
                return fail(matches.error());
            clean = *matches;
        }
        if (!clean)
            dirty.emplace_back(path);
    }
    return dirty;
}

Status Repository::checkout_paths(const ObjectId& from, const ObjectId& to,
                                  const std::vector<std::string_view>& paths, unsigned jobs) {
    if (bare() || paths.empty())
        return ok();
    auto failed = [](Error e) {
        e.message = "the commit was made, but the work tree was not updated: " + e.message;
        return fail(std::move(e));
    };
    std::string index = index_path();
    auto lock = IndexLock::take(index);
    if (!lock)
        return failed(lock.error());
    std::vector<std::string_view> wanted = sorted_unique(paths);
    auto scan = scan_index(index, wanted);
    if (!scan)
        return failed(scan.error());
    if (scan->unsupported)
        return failed(unsupported(index, *scan->unsupported));
    auto done = checkout_on_threads(m_repo.get(), m_git_dir, *scan, from, to, jobs);
    if (!done)
        return failed(done.error());
    const std::vector<EntryPatch>& patches = done->patches;
    if (!patches.empty()) {  // else the lock goes, and the index keeps its caches
        Status s = write_patched_index(index, (*lock)->fd(), (*lock)->name(), patches);
        if (s)
            s = (*lock)->commit();
        if (!s) {
            Error e = s.error();
            e.message = fmt::format(
                "the commit was made and {} {} rewritten with {} stamps, but git's index could "
                "not be updated: {} (`git reset -q -- <file>` brings a file's entry in line with "
                "the commit; `git diff --cached --name-only HEAD` lists them)",
                files(patches.size()), patches.size() == 1 ? "was" : "were",
                patches.size() == 1 ? "its" : "their", e.message);
            return fail(std::move(e));
        }
    }
    return left_alone(wanted, *done, m_git_dir);
}

Status Repository::note_checkout(const NotedCheckout& due) const {
    std::string folder = m_git_dir + "/archtag";
    ::mkdir(folder.c_str(), 0777);  // exists already, or the write below says why not
    return write_file_atomic(checkout_note(m_git_dir),
                             fmt::format("{}\nbranch {}\nfrom {}\nto {}\n", k_note_header,
                                         due.branch, due.from.hex, due.to.hex));
}

Expected<std::optional<NotedCheckout>> Repository::noted_checkout() const {
    std::string file = checkout_note(m_git_dir);
    struct stat st {};
    if (::lstat(file.c_str(), &st) != 0 && errno == ENOENT)
        return std::optional<NotedCheckout>();
    auto bytes = read_file(file, 4096);
    if (!bytes)
        return fail(bytes.error());
    std::vector<std::string> lines = split(*bytes, '\n');  // the last one empty
    auto field = [&](std::size_t i, std::string_view key) -> std::optional<std::string> {
        if (i >= lines.size() || !lines[i].starts_with(key) || lines[i].size() == key.size())
            return std::nullopt;
        return std::string(lines[i].substr(key.size()));
    };
    auto branch = field(1, "branch ");
    auto from = field(2, "from ");
    auto to = field(3, "to ");
    if (lines.size() != 5 || !lines[4].empty() || lines[0] != k_note_header || !branch || !from ||
        !to || !PackedId::of({*from}) || !PackedId::of({*to}))
        return fail(make_error(file, "is not a note archtag wrote (remove it)"));
    return std::optional<NotedCheckout>(NotedCheckout{*branch, {*from}, {*to}});
}

void Repository::forget_checkout() const {
    std::remove(checkout_note(m_git_dir).c_str());
}

void Repository::remove_work_temps(const std::vector<std::string>& paths) const {
    auto work = work_dir();
    if (!work)
        return;
    for (const std::string& path : paths)
        ::unlink(detail::work_temp_name(*work + "/" + path).c_str());
}

Expected<std::vector<std::string>> Repository::changed_files(const ObjectId& from,
                                                             const ObjectId& to) const {
    auto old_tree = detail::tree_of(m_repo.get(), from, m_git_dir);
    auto new_tree = detail::tree_of(m_repo.get(), to, m_git_dir);
    if (!old_tree || !new_tree)
        return fail(!old_tree ? old_tree.error() : new_tree.error());
    git_diff* raw = nullptr;
    if (git_diff_tree_to_tree(&raw, m_repo.get(), old_tree->get(), new_tree->get(), nullptr) != 0)
        return fail(
            failure(fmt::format("cannot compare {} with {}", from.short_hex(), to.short_hex())));
    Handle<git_diff> diff(raw);
    std::vector<std::string> paths;
    for (std::size_t i = 0, n = git_diff_num_deltas(diff.get()); i < n; ++i) {
        const git_diff_delta* d = git_diff_get_delta(diff.get(), i);
        if (d->status == GIT_DELTA_MODIFIED)
            paths.emplace_back(d->new_file.path);
    }
    return paths;
}

}  // namespace archtag::repo
