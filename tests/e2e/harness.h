#pragma once
// Runs the built archtag binary in a temporary folder made by the test.
#include <string>
#include <vector>

namespace archtag::e2e {

struct Outcome {
    int code = -1;
    std::string out;
    std::string err;
};

// A temporary folder, removed when the object goes away.
class TempArchive {
  public:
    TempArchive();
    ~TempArchive();
    TempArchive(const TempArchive&) = delete;
    TempArchive& operator=(const TempArchive&) = delete;

    const std::string& root() const { return m_root; }
    std::string path(const std::string& rel) const { return m_root + "/" + rel; }
    void write(const std::string& rel, const std::string& bytes) const;
    std::string read(const std::string& rel) const;

  private:
    std::string m_root;
};

// A word quoted for sh.
std::string quote(const std::string& s);

// What a shell command did: its exit code (-1 when killed by a signal) and
// its output, stderr included.
struct Shell {
    int code = -1;
    std::string out;
};
Shell run(const std::string& command, const std::string& cwd);

// Runs a shell command in `cwd` and returns its output (stderr included);
// a non-zero exit fails the current test.
std::string sh(const std::string& command, const std::string& cwd);

// A git work tree in a temporary folder, with a test identity configured.
class GitArchive : public TempArchive {
  public:
    GitArchive();
    std::string git(const std::string& args) const { return sh("git " + args, root()); }
    std::string head() const { return git("rev-parse HEAD"); }
    void commit(const std::string& message = "import") const;
};

// Runs `archtag ARGS...` with the working directory `cwd`.
Outcome archtag(const std::vector<std::string>& args, const std::string& cwd);

std::string source_dir();
std::string read_file_or_empty(const std::string& path);
// Compares with tests/golden/<name>; ARCHTAG_UPDATE_GOLDEN=1 rewrites it.
void expect_golden(const std::string& name, const std::string& actual);

}  // namespace archtag::e2e
