#pragma once
// Policy test cases as data (policies/tests/*.xml), run by `archtag policy
// test`: each case is an article, an as-of date and the notices and flags the
// policy must produce. The format is documented in docs/policy-format.md.
#include <optional>
#include <string>
#include <vector>

#include "model/notice.h"
#include "util/expected.h"

namespace archtag::policy {

struct ExpectedNotice {
    NoticeKind kind = NoticeKind::archival;
    std::optional<std::string> text;  // checked when given
};

struct TestCase {
    std::string id;
    int line = 0;                         // of <case> in the suite file
    std::string path;                     // article path (decides format and filename date)
    std::string article;                  // article bytes, verbatim from the CDATA section
    std::string as_of;                    // YYYY-MM-DD or a full ISO timestamp, as written
    std::vector<ExpectedNotice> notices;  // exactly these notices must be decided
    std::vector<std::string> flags;       // these flag codes must be present
    bool no_flags = false;                // <expect-no-flags/>: no flag at all
};

struct TestSuite {
    std::string path;
    std::string policy_id;
    std::vector<TestCase> cases;
};

// Errors point at file:line:column like policy errors.
Expected<TestSuite> load_test_suite(const std::string& file);
Expected<TestSuite> load_test_suite_from_string(std::string_view xml,
                                                const std::string& path_for_errors);
// Every *.xml directly inside `dir`, sorted by name.
Expected<std::vector<TestSuite>> load_test_suites(const std::string& dir);

}  // namespace archtag::policy
