#include "app/git_sign.h"

#include <fmt/format.h>

#include <boost/filesystem.hpp>
#include <cstdio>

#include "util/file.h"
#include "util/strings.h"

namespace archtag::app {

namespace {

namespace fs = boost::filesystem;

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Runs `command` through the shell; its stdout, or an error with its stderr.
Expected<std::string> run(const std::string& command, const std::string& err_file,
                          const std::string& what) {
    FILE* pipe = popen((command + " 2>" + quoted(err_file)).c_str(), "r");
    if (!pipe)
        return fail(make_error("", fmt::format("cannot run {}", what)));
    std::string out;
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;)
        out.append(buf, n);
    int status = pclose(pipe);
    if (status != 0) {
        auto said = read_file(err_file, 1 << 16);
        return fail(make_error(
            "", fmt::format("{} could not sign the commit: {}", what,
                            trim(said ? std::string_view(*said) : std::string_view("")))));
    }
    return out;
}

// A scratch folder for the payload, removed when done.
class Scratch {
  public:
    Scratch() : m_dir(fs::temp_directory_path() / fs::unique_path("archtag-sign-%%%%%%%%")) {
        fs::create_directories(m_dir);
    }
    ~Scratch() {
        boost::system::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    std::string file(const std::string& name) const { return (m_dir / name).string(); }

  private:
    fs::path m_dir;
};

}  // namespace

Expected<SigningSetup> signing_setup(const ConfigLookup& config,
                                     const std::string& committer_email) {
    SigningSetup s;
    std::string format = config("gpg.format").value_or("openpgp");
    std::optional<std::string> key = config("user.signingkey");
    if (format == "openpgp") {
        s.program = config("gpg.openpgp.program").value_or(config("gpg.program").value_or("gpg"));
        s.key = key.value_or(committer_email);
        return s;
    }
    if (format != "ssh")
        return fail(make_error("", fmt::format("--sign: gpg.format={} is not supported (expected "
                                               "openpgp or ssh)",
                                               format)));
    s.format = SigningSetup::Format::ssh;
    s.program = config("gpg.ssh.program").value_or("ssh-keygen");
    if (!key)
        return fail(make_error(
            "", "--sign: gpg.format=ssh needs user.signingkey (the path of a private key)"));
    if (key->rfind("key::", 0) == 0 || key->rfind("ssh-", 0) == 0)
        return fail(make_error("",
                               "--sign: user.signingkey must be the path of a key file, not "
                               "the key itself"));
    s.key = *key;
    return s;
}

Expected<std::string> sign_payload(const SigningSetup& setup, const std::string& payload) {
    Scratch scratch;
    std::string input = scratch.file("commit");
    if (Status s = write_file_atomic(input, payload); !s)
        return fail(s.error());
    std::string errors = scratch.file("stderr");
    if (setup.format == SigningSetup::Format::openpgp)
        return run(fmt::format("{} --batch --no-tty --detach-sign --armor --local-user {} < {}",
                               quoted(setup.program), quoted(setup.key), quoted(input)),
                   errors, setup.program);
    auto ran = run(fmt::format("{} -Y sign -n git -f {} {}", quoted(setup.program),
                               quoted(setup.key), quoted(input)),
                   errors, setup.program);
    if (!ran)
        return fail(ran.error());
    auto signature = read_file(input + ".sig", 1 << 20);
    if (!signature)
        return fail(make_error("", fmt::format("{} wrote no signature", setup.program)));
    return *signature;
}

}  // namespace archtag::app
