#include "app/hook_install.h"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <fstream>

#include "app/app.h"
#include "repo/repo.h"
#include "util/file.h"

namespace archtag::app {

namespace {

namespace fs = boost::filesystem;

constexpr std::string_view k_marker =
    "# archtag-hook: written by `archtag hook install`; `archtag hook uninstall` removes it.";
constexpr std::string_view k_chained_suffix = ".archtag-chained";

std::string single_quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// The running binary, so that the hook finds this archtag even off PATH.
std::string this_binary() {
    boost::system::error_code ec;
    fs::path p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string("archtag") : p.string();
}

std::string script(const std::string& hook) {
    std::string chained = "\"$(dirname \"$0\")/" + hook + std::string(k_chained_suffix) + "\"";
    std::string s =
        fmt::format("#!/bin/sh\n{}\narchtag={}\n[ -x \"$archtag\" ] || archtag=archtag\n", k_marker,
                    single_quoted(this_binary()));
    if (hook == "pre-receive") {
        // Both hooks read the pushed refs from stdin.
        s += "input=$(cat)\n";
        s += "if [ -x " + chained + " ]; then\n";
        s += "    printf '%s\\n' \"$input\" | " + chained + " \"$@\" || exit $?\nfi\n";
        s += "printf '%s\\n' \"$input\" | \"$archtag\" hook " + hook + "\n";
        return s;
    }
    s += "if [ -x " + chained + " ]; then\n    " + chained + " \"$@\" || exit $?\nfi\n";
    s += "exec \"$archtag\" hook " + hook + "\n";
    return s;
}

Expected<std::string> hook_name(const Options& options) {
    if (options.paths.size() > 1)
        return fail(make_error("", "name one hook: pre-commit or pre-receive"));
    std::string name = options.paths.empty() ? "pre-commit" : options.paths.front();
    if (name != "pre-commit" && name != "pre-receive")
        return fail(make_error(
            "",
            fmt::format("archtag has no '{}' hook (expected pre-commit or pre-receive)", name)));
    return name;
}

bool written_by_archtag(const std::string& file) {
    auto bytes = read_file(file, 1 << 20);
    return bytes && bytes->find(k_marker) != std::string::npos;
}

Status write_script(const std::string& file, const std::string& text) {
    std::string temp = file + ".archtag-new";
    {
        std::ofstream o(temp, std::ios::binary | std::ios::trunc);
        o << text;
        if (!o.flush())
            return fail(make_error(temp, "cannot write the hook script"));
    }
    boost::system::error_code ec;
    fs::permissions(temp, fs::perms(0755), ec);
    if (!ec)
        fs::rename(temp, file, ec);
    if (ec) {
        fs::remove(temp);
        return fail(make_error(file, "cannot install the hook: " + ec.message()));
    }
    return ok();
}

struct Target {
    std::string name;
    std::string file;
    std::string chained;
};

Expected<Target> target_for(const Options& options) {
    auto name = hook_name(options);
    if (!name)
        return fail(name.error());
    auto repo = repo::Repository::discover(options.root.value_or("."));
    if (!repo)
        return fail(make_error(options.root.value_or("."), "not in a git repository"));
    std::string dir = repo->hooks_dir();
    return Target{*name, dir + "/" + *name, dir + "/" + *name + std::string(k_chained_suffix)};
}

// Makes way for our script: a foreign hook is kept (--chain), replaced
// (--force) or the reason to stop.
Expected<std::string> make_way(const Options& options, const Target& t) {
    boost::system::error_code ec;
    if (!fs::exists(t.file, ec) || written_by_archtag(t.file))
        return std::string();
    if (options.chain) {
        if (fs::exists(t.chained, ec))
            return fail(make_error(t.chained, "already holds a chained hook; remove one of them"));
        fs::rename(t.file, t.chained, ec);
        if (ec)
            return fail(make_error(t.file, "cannot keep the existing hook: " + ec.message()));
        return fmt::format(" The existing hook now runs first, from {}.", t.chained);
    }
    if (options.force)
        return std::string(" The existing hook was replaced (--force).");
    return fail(make_error(t.file,
                           "a hook archtag did not write is already there; --chain keeps "
                           "it and runs it first, --force replaces it"));
}

}  // namespace

int run_hook_install(const Options& options, std::ostream& out, std::ostream& err) {
    auto t = target_for(options);
    if (!t)
        return usage_error(err, t.error());
    boost::system::error_code ec;
    fs::create_directories(fs::path(t->file).parent_path(), ec);
    if (ec)
        return usage_error(err,
                           make_error(t->file, "cannot create the hooks folder: " + ec.message()));
    auto note = make_way(options, *t);
    if (!note)
        return usage_error(err, note.error());
    if (Status s = write_script(t->file, script(t->name)); !s)
        return usage_error(err, s.error());
    fmt::print(out, "Installed the {} hook: {}{}\n", t->name, t->file, *note);
    return k_exit_ok;
}

int run_hook_uninstall(const Options& options, std::ostream& out, std::ostream& err) {
    auto t = target_for(options);
    if (!t)
        return usage_error(err, t.error());
    boost::system::error_code ec;
    if (!fs::exists(t->file, ec)) {
        fmt::print(out, "No {} hook to remove in {}.\n", t->name,
                   fs::path(t->file).parent_path().string());
        return k_exit_ok;
    }
    if (!written_by_archtag(t->file))
        return usage_error(err, make_error(t->file, "was not written by archtag; left alone"));
    fs::remove(t->file, ec);
    if (!ec && fs::exists(t->chained))
        fs::rename(t->chained, t->file, ec);
    if (ec)
        return usage_error(err, make_error(t->file, "cannot remove the hook: " + ec.message()));
    fmt::print(out, "Removed the {} hook: {}\n", t->name, t->file);
    return k_exit_ok;
}

}  // namespace archtag::app
