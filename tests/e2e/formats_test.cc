// HTML and XML articles through the built binary: the promises of design.md
// (bytes outside stamps, idempotency, exact unstamp) for every fixture.
#include <gtest/gtest.h>

#include <boost/filesystem.hpp>
#include <map>

#include "e2e/harness.h"

namespace archtag::e2e {

namespace fs = boost::filesystem;

namespace {

// Copies fixtures/html and fixtures/xml into one archive; returns the names.
std::vector<std::string> copy_fixtures(const TempArchive& a) {
    std::vector<std::string> names;
    for (const char* folder : {"html", "xml"}) {
        fs::path dir = fs::path(source_dir()) / "fixtures" / folder;
        for (fs::directory_iterator it(dir), end; it != end; ++it) {
            std::string name = it->path().filename().string();
            a.write(name, read_file_or_empty(it->path().string()));
            names.push_back(name);
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<std::string> laist(std::vector<std::string> args) {
    args.insert(args.end(),
                {"--as-of", "2026-11-23", "--policy", source_dir() + "/policies/laist.xml"});
    return args;
}

}  // namespace

TEST(Formats, HtmlAndXmlReportIsGolden) {
    TempArchive a;
    copy_fixtures(a);
    Outcome r = archtag(laist({"sweep", ".", "--format", "json"}), a.root());
    EXPECT_EQ(r.code, 1) << r.err;  // doctype-entities.xml is refused, as it must be
    expect_golden("e2e/formats-report.json", r.out);
}

TEST(Formats, StampIsByteExactIdempotentAndReversible) {
    TempArchive a;
    std::vector<std::string> names = copy_fixtures(a);
    std::map<std::string, std::string> original;
    for (const std::string& n : names)
        original[n] = a.read(n);

    archtag(laist({"sweep", ".", "--write"}), a.root());
    for (const char* golden : {"news-graph.html", "old-latin1.htm", "ap-wire-story.nitf",
                               "latin1-nitf.xml", "reuters-newsmessage.xml"})
        expect_golden(std::string("e2e/formats/") + golden, a.read(golden));

    Outcome again = archtag(laist({"sweep", ".", "--format", "json"}), a.root());
    EXPECT_NE(again.out.find("\"pending\": 0"), std::string::npos) << again.out;

    archtag(laist({"unstamp", ".", "--write"}), a.root());
    for (const std::string& n : names)
        EXPECT_EQ(a.read(n), original[n]) << n;
}

// Found by feeding random tag soup to a sweep: after a stray "<![CDATA[" in an
// HTML page the stamp scanner could not find its own stamps again. Whatever
// the cause, a plan that would break idempotency or unstamp is never written.
TEST(Formats, PlanThatCouldNotBeUndoneIsRefusedNotWritten) {
    TempArchive a;
    const std::string page =
        "<![CDATA[><meta property='article:published_time'content='2014-12-19'>";
    a.write("soup.html", page);
    Outcome r = archtag(laist({"sweep", ".", "--write"}), a.root());
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_NE(
        r.out.find("soup.html: archtag cannot stamp this file so that a second run and unstamp "
                   "give back its bytes"),
        std::string::npos)
        << r.out;
    EXPECT_EQ(a.read("soup.html"), page);
}

TEST(Formats, ExplainShowsEveryCandidateAndWhyTheChosenOneWon) {
    TempArchive a;
    copy_fixtures(a);
    Outcome r =
        archtag(laist({"explain", a.path("wild-dates.html"), "--root", a.root()}), a.root());
    EXPECT_EQ(r.code, 0) << r.err;
    std::string text = r.out;  // rule locations name the source tree, which moves
    for (std::size_t at; (at = text.find(source_dir())) != std::string::npos;)
        text.replace(at, source_dir().size(), "<source>");
    expect_golden("e2e/explain-wild-dates.txt", text);
}

}  // namespace archtag::e2e
