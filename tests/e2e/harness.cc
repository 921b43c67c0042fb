#include "e2e/harness.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <boost/filesystem.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace archtag::e2e {

namespace fs = boost::filesystem;

std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

TempArchive::TempArchive() {
    m_root = (fs::temp_directory_path() / fs::unique_path("archtag-e2e-%%%%-%%%%-%%%%")).string();
    fs::create_directories(m_root);
}

TempArchive::~TempArchive() {
    boost::system::error_code ec;
    fs::remove_all(m_root, ec);
}

void TempArchive::write(const std::string& rel, const std::string& bytes) const {
    fs::create_directories(fs::path(path(rel)).parent_path());
    std::ofstream(path(rel), std::ios::binary) << bytes;
}

std::string TempArchive::read(const std::string& rel) const {
    return read_file_or_empty(path(rel));
}

std::string read_file_or_empty(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Outcome archtag(const std::vector<std::string>& args, const std::string& cwd) {
    fs::path tmp = fs::temp_directory_path() / fs::unique_path("archtag-run-%%%%-%%%%");
    std::string cmd = "cd " + quote(cwd) + " && " + quote(ARCHTAG_BINARY);
    for (const std::string& a : args)
        cmd += " " + quote(a);
    cmd +=
        " >" + quote(tmp.string() + ".out") + " 2>" + quote(tmp.string() + ".err") + " </dev/null";
    int status = std::system(cmd.c_str());
    Outcome r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file_or_empty(tmp.string() + ".out");
    r.err = read_file_or_empty(tmp.string() + ".err");
    fs::remove(tmp.string() + ".out");
    fs::remove(tmp.string() + ".err");
    return r;
}

Shell run(const std::string& command, const std::string& cwd) {
    std::string full = "cd " + quote(cwd) + " && " + command + " 2>&1";
    FILE* pipe = popen(full.c_str(), "r");
    Shell r;
    char buf[4096];
    for (std::size_t n; pipe && (n = fread(buf, 1, sizeof buf, pipe)) > 0;)
        r.out.append(buf, n);
    int status = pipe ? pclose(pipe) : -1;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string sh(const std::string& command, const std::string& cwd) {
    Shell r = run(command, cwd);
    EXPECT_EQ(r.code, 0) << command << "\n" << r.out;
    return r.out;
}

GitArchive::GitArchive() {
    git("init -q -b main .");
    git("config user.name 'Desk Editor'");
    git("config user.email desk@example.com");
}

void GitArchive::commit(const std::string& message) const {
    git("add -A");
    git("commit -q -m '" + message + "'");
}

std::string source_dir() {
    return ARCHTAG_SOURCE_DIR;
}

void expect_golden(const std::string& name, const std::string& actual) {
    std::string path = source_dir() + "/tests/golden/" + name;
    if (const char* update = std::getenv("ARCHTAG_UPDATE_GOLDEN");
        update && std::string(update) == "1") {
        fs::create_directories(fs::path(path).parent_path());
        std::ofstream(path, std::ios::binary) << actual;
        return;
    }
    ASSERT_TRUE(fs::exists(path)) << "missing golden file " << path
                                  << " (run with ARCHTAG_UPDATE_GOLDEN=1 to create it)";
    EXPECT_EQ(read_file_or_empty(path), actual) << "differs from golden file " << path;
}

}  // namespace archtag::e2e
