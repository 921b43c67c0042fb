#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "repo/test_support.h"

namespace archtag::repo::testing {

namespace fs = std::filesystem;

namespace {

std::string make_temp_dir() {
    std::string pattern = (fs::temp_directory_path() / "archtag-repo-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        ADD_FAILURE() << "cannot create a temporary folder";
    return pattern;
}

}  // namespace

TempRepo::TempRepo(Bare bare) : m_root(make_temp_dir()) {
    git(bare == Bare::yes ? "init -q --bare -b main ." : "init -q -b main .");
    git("config user.name 'Test Person'");
    git("config user.email test@example.com");
}

TempRepo::~TempRepo() {
    std::error_code ec;
    fs::remove_all(m_root, ec);
}

std::string TempRepo::git(const std::string& args) const {
    return sh("git " + args);
}

std::string TempRepo::sh(const std::string& command) const {
    std::string cmd = "cd '" + m_root + "' && " + command + " 2>&1";
    FILE* pipe = popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    for (std::size_t n; pipe && (n = fread(buf, 1, sizeof buf, pipe)) > 0;)
        out.append(buf, n);
    int status = pipe ? pclose(pipe) : -1;
    EXPECT_EQ(status, 0) << command << "\n" << out;
    return out;
}

void TempRepo::write(const std::string& rel, const std::string& bytes) const {
    fs::path p = fs::path(m_root) / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
}

std::string TempRepo::read(const std::string& rel) const {
    std::ifstream in(fs::path(m_root) / rel, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string TempRepo::commit_all(const std::string& message) const {
    git("add -A");
    git("commit -q --allow-empty -m '" + message + "'");
    std::string id = git("rev-parse HEAD");
    return id.substr(0, id.find('\n'));
}

}  // namespace archtag::repo::testing
