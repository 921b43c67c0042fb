// The bundled demo archive, swept as of a fixed date: the report is golden.
#include <gtest/gtest.h>

#include <boost/filesystem.hpp>

#include "e2e/harness.h"

namespace archtag::e2e {

namespace fs = boost::filesystem;

TEST(Demo, DryRunReportIsGolden) {
    std::string demo = source_dir() + "/fixtures/demo-archive";
    Outcome json =
        archtag({"sweep", ".", "--as-of", "2026-11-23", "--format", "json", "--jobs", "2"}, demo);
    EXPECT_EQ(json.code, 1) << json.err;  // the demo holds deliberately broken articles
    expect_golden("e2e/demo-report.json", json.out);
    Outcome text = archtag({"sweep", ".", "--as-of", "2026-11-23"}, demo);
    expect_golden("e2e/demo-report.txt", text.out);
}

TEST(Demo, WriteThenSecondRunChangesNothingThenUnstampRestoresAll) {
    TempArchive a;
    fs::path demo = source_dir() + "/fixtures/demo-archive";
    for (fs::recursive_directory_iterator it(demo), end; it != end; ++it) {
        if (!fs::is_regular_file(it->path()))
            continue;
        std::string rel = it->path().lexically_relative(demo).generic_string();
        a.write(rel, read_file_or_empty(it->path().string()));
    }
    // The copied config points at ../../policies: use the source tree's data instead.
    std::vector<std::string> data{"--policy",  source_dir() + "/policies",
                                  "--rules",   source_dir() + "/rules",
                                  "--as-of",   "2026-11-23",
                                  "--exclude", "drafts/**"};
    auto args = [&](std::vector<std::string> head) {
        head.insert(head.end(), data.begin(), data.end());
        return head;
    };
    Outcome first = archtag(args({"sweep", ".", "--write"}), a.root());
    EXPECT_EQ(first.code, 1) << first.err;
    Outcome second = archtag(args({"sweep", ".", "--format", "json"}), a.root());
    EXPECT_NE(second.out.find("\"pending\": 0"), std::string::npos) << second.out;
    Outcome unstamp = archtag(args({"unstamp", ".", "--write"}), a.root());
    EXPECT_EQ(unstamp.code, 1) << unstamp.err;  // the broken articles are still broken
    for (fs::recursive_directory_iterator it(demo), end; it != end; ++it) {
        if (!fs::is_regular_file(it->path()))
            continue;
        std::string rel = it->path().lexically_relative(demo).generic_string();
        EXPECT_EQ(a.read(rel), read_file_or_empty(it->path().string())) << rel;
    }
}

}  // namespace archtag::e2e
