// Figures, not assertions: how fast one article travels the pipeline, and a
// whole generated archive through the sweep. Run with scripts/bench.
#include <benchmark/benchmark.h>

#include <string>

#include "app/pipeline.h"
#include "app/setup.h"
#include "util/file.h"

namespace archtag::app {

namespace {

Setup bundled_setup() {
    Options o;
    o.policy_paths = {std::string(ARCHTAG_SOURCE_DIR) + "/policies"};
    o.rules_paths = {std::string(ARCHTAG_SOURCE_DIR) + "/rules"};
    o.as_of = "2026-11-23";
    auto s = load_setup(o, ARCHTAG_SOURCE_DIR);
    if (!s)
        std::abort();
    return std::move(*s);
}

std::string article(std::size_t body_paragraphs) {
    std::string a =
        "---\ntitle: \"Obama: Sony Made A Mistake\"\n# imported from WordPress\n"
        "date: 2014-12-19 13:05:00 -0800\npublication: LAist\ntags: [politics, film]\n---\n";
    for (std::size_t i = 0; i < body_paragraphs; ++i)
        a += "President Barack Obama announced today that North Korea is behind the devastating "
             "cyberattack on Sony Pictures Entertainment.\n\n";
    return a;
}

void BM_ProcessUnstampedArticle(benchmark::State& state) {
    Setup setup = bundled_setup();
    std::string bytes = article(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        ArticleResult r = process_bytes(setup, "laist/2014-12-19-obama.md", bytes, Mode::stamp);
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ProcessUnstampedArticle)->Arg(5)->Arg(50)->Arg(5000);

void BM_ProcessAlreadyStampedArticle(benchmark::State& state) {
    Setup setup = bundled_setup();
    std::string bytes = article(5);
    ArticleResult first = process_bytes(setup, "laist/2014-12-19-obama.md", bytes, Mode::stamp);
    std::string stamped = apply_edits(bytes, first.plan.edits);
    for (auto _ : state) {
        ArticleResult r = process_bytes(setup, "laist/2014-12-19-obama.md", stamped, Mode::stamp);
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ProcessAlreadyStampedArticle);

// A news page of the kind the archive holds (JSON-LD, Open Graph, <time>):
// gumbo's HTML5 parse is most of a page's cost.
void BM_ProcessHtmlPage(benchmark::State& state) {
    Setup setup = bundled_setup();
    auto page = read_file(std::string(ARCHTAG_SOURCE_DIR) + "/fixtures/html/news-graph.html");
    if (!page)
        std::abort();
    for (auto _ : state) {
        ArticleResult r = process_bytes(setup, "laist/news/2014/obama.html", *page, Mode::stamp);
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page->size()));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ProcessHtmlPage);

}  // namespace

}  // namespace archtag::app

BENCHMARK_MAIN();
