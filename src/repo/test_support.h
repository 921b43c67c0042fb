#pragma once
// Temporary git repositories made with the git command line, for the tests
// of src/repo. Removed when the object goes away.
#include <string>

namespace archtag::repo::testing {

enum class Bare { yes, no };

class TempRepo {
  public:
    explicit TempRepo(Bare bare = Bare::no);
    ~TempRepo();
    TempRepo(const TempRepo&) = delete;
    TempRepo& operator=(const TempRepo&) = delete;

    // The work tree (non-bare) or the git directory (bare).
    const std::string& root() const { return m_root; }
    // Runs `git ARGS` in root(); returns stdout; a failure fails the test.
    std::string git(const std::string& args) const;
    // Runs a shell command in root(); returns stdout; a failure fails the test.
    std::string sh(const std::string& command) const;
    void write(const std::string& rel, const std::string& bytes) const;
    std::string read(const std::string& rel) const;
    // Adds every file and commits; returns the new commit id.
    std::string commit_all(const std::string& message) const;

  private:
    std::string m_root;
};

}  // namespace archtag::repo::testing
