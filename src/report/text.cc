// The report for people: short lines, the changes first, then what an editor
// must look at, then what could not be read, then one summary line.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <array>
#include <cassert>

#include "report/outcome.h"
#include "report/reason.h"
#include "report/report.h"
#include "report/writers.h"
#include "util/strings.h"

namespace archtag::report {

namespace {

constexpr std::size_t k_text_width = 72;

constexpr const char* k_green = "32";
constexpr const char* k_yellow = "33";
constexpr const char* k_red = "31";
constexpr const char* k_bold = "1";

std::string paint(std::string_view text, const char* sgr, Colour colour) {
    if (colour == Colour::no)
        return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", sgr, text);
}

const char* change_colour(Change c) {
    switch (c) {
        case Change::add:
            return k_green;
        case Change::update:
            return k_yellow;
        case Change::remove:
            return k_red;
        case Change::keep:
            break;
    }
    return "0";
}

std::string shorten(std::string_view text, std::size_t width = k_text_width) {
    if (text.size() <= width)
        return std::string(text);
    std::size_t cut = width - 1;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;  // UTF-8 boundary
    return std::string(text.substr(0, cut)) + "…";
}

char change_mark(Change c) {
    switch (c) {
        case Change::add:
            return '+';
        case Change::update:
            return '~';
        case Change::remove:
            return '-';
        case Change::keep:
            return '=';
    }
    return '?';
}

std::string published_line(const ArticleResult& r) {
    std::vector<std::string> parts;
    if (r.meta && r.meta->published)
        parts.push_back(
            fmt::format("published {} ({})", r.meta->published->iso(), r.meta->published_source));
    if (!r.decision.era.empty())
        parts.push_back("era " + r.decision.era);
    if (!r.publication.empty())
        parts.push_back(r.publication);
    return join(parts, " · ");
}

void print_article(std::ostream& out, const RunInfo& run, const ArticleResult& r,
                   Verbosity verbosity, Colour colour) {
    fmt::print(out, "  {}\n", paint(r.path, k_bold, colour));
    std::string info = published_line(r);
    if (!info.empty())
        fmt::print(out, "      {}\n", info);
    for (const StampChange& c : r.plan.changes) {
        if (c.change == Change::keep && verbosity == Verbosity::changes)
            continue;
        std::string mark = fmt::format("{} {:<8}", change_mark(c.change), to_string(c.kind));
        fmt::print(out, "      {} {}\n", paint(mark, change_colour(c.change), colour),
                   shorten(c.text));
    }
    fmt::print(out, "      why: {}\n", reason(r, run.as_of));
}

// Articles by outcome, counted as they pass.
class OutcomeCounts {
  public:
    void add(const ArticleResult& r) { ++m_counts[static_cast<std::size_t>(outcome_of(r))]; }
    std::size_t operator[](Outcome o) const { return m_counts[static_cast<std::size_t>(o)]; }

  private:
    std::array<std::size_t, static_cast<std::size_t>(Outcome::error) + 1> m_counts{};
};

// The totals an editor looks for first, one per line, numbers aligned.
void print_summary_table(std::ostream& out, const RunInfo& run, const OutcomeCounts& outcomes,
                         const RunSummary& s) {
    bool done = run.written;
    std::vector<std::pair<std::string, std::size_t>> rows{
        {"articles", s.articles},
        {done ? "stamped" : "to stamp", outcomes[Outcome::stamped]},
        {done ? "updated" : "to update", outcomes[Outcome::updated]},
        {done ? "removed" : "to remove", outcomes[Outcome::removed]},
        {"for review", s.flagged},
        {"errors", s.errors}};
    std::size_t width = 0;
    for (const auto& row : rows)
        width = std::max(width, with_thousands(row.second).size());
    fmt::print(out, "\nSummary:\n");
    for (const auto& [label, n] : rows)
        fmt::print(out, "  {:<11} {:>{}}\n", label, with_thousands(n), width);
}

bool needs_listing(const ArticleResult& r, Verbosity verbosity) {
    if (r.error)
        return false;
    return verbosity == Verbosity::all || r.pending();
}

// A section printed after the rows, collected on the way.
class Section {
  public:
    Section(std::string heading, std::size_t spool_limit, Spool::OpenFile open_file)
        : m_heading(std::move(heading)), m_lines(spool_limit, open_file) {}

    void add(std::string_view line) { m_lines.append(line); }

    void print(std::ostream& out) {
        if (m_lines.empty())
            return;
        fmt::print(out, "\n{}\n", m_heading);
        Status copied = m_lines.copy_to(out);
        if (!copied)
            fmt::print(out, "  warning: this section may be incomplete: {}\n",
                       copied.error().message);
    }

  private:
    std::string m_heading;
    Spool m_lines;
};

class TextWriter final : public ReportWriter {
  public:
    TextWriter(std::ostream& out, const RunInfo& run, Verbosity verbosity, Colour colour,
               std::size_t spool_limit, Spool::OpenFile open_file)
        : m_out(out),
          m_run(run),
          m_verbosity(verbosity),
          m_colour(colour),
          m_review(paint("For review:", k_yellow, colour), spool_limit, open_file),
          m_errors(paint("Could not process:", k_red, colour), spool_limit, open_file) {
        fmt::print(m_out, "archtag {} {} (as of {})\n", run.command, run.archive, run.as_of);
    }

    void add(const ArticleResult& r) override {
        assert(!m_finished);
        m_summary.add(r);
        m_outcomes.add(r);
        if (needs_listing(r, m_verbosity))
            list(r);
        spool_later_lines(r);
    }

    void finish() override {
        assert(!m_finished);
        m_finished = true;
        m_review.print(m_out);
        m_errors.print(m_out);
        print_summary_table(m_out, m_run, m_outcomes, m_summary);
        fmt::print(m_out, "\n{}\n",
                   paint(summary_line(m_summary, m_run.written), k_bold, m_colour));
        if (!m_run.written && m_summary.pending > 0 &&
            (m_run.command == "sweep" || m_run.command == "unstamp"))
            fmt::print(m_out, "Dry run: no file was changed. Run again with --write to apply.\n");
    }

  private:
    void list(const ArticleResult& r) {
        if (!m_listed)
            fmt::print(m_out, "\n{}:\n", m_run.written ? "Changed" : "Would change");
        m_listed = true;
        print_article(m_out, m_run, r, m_verbosity, m_colour);
    }

    void spool_later_lines(const ArticleResult& r) {
        if (r.error) {
            m_errors.add(fmt::format("  {}\n", r.error->headline()));
            return;
        }
        for (const Flag& f : r.decision.flags)
            m_review.add(
                fmt::format("  {}: {} {}: {}\n", r.path, to_string(f.level), f.code, f.message));
    }

    std::ostream& m_out;
    RunInfo m_run;
    Verbosity m_verbosity;
    Colour m_colour;
    Section m_review;
    Section m_errors;
    RunSummary m_summary;
    OutcomeCounts m_outcomes;
    bool m_listed = false;
    bool m_finished = false;
};

}  // namespace

std::string summary_line(const RunSummary& s, bool written) {
    std::string line =
        fmt::format("{} article{}", with_thousands(s.articles), s.articles == 1 ? "" : "s");
    line += fmt::format(": {} {}", with_thousands(s.pending), written ? "changed" : "to change");
    line +=
        fmt::format(" ({} added, {} updated, {} removed, {} unchanged)", with_thousands(s.added),
                    with_thousands(s.updated), with_thousands(s.removed), with_thousands(s.kept));
    line += fmt::format(", {} flagged for review", with_thousands(s.flagged));
    line += fmt::format(", {} error{}", with_thousands(s.errors), s.errors == 1 ? "" : "s");
    return line;
}

std::unique_ptr<ReportWriter> text_writer(std::ostream& out, const RunInfo& run,
                                          Verbosity verbosity, Colour colour,
                                          std::size_t spool_limit, Spool::OpenFile open_file) {
    return std::make_unique<TextWriter>(out, run, verbosity, colour, spool_limit, open_file);
}

std::unique_ptr<ReportWriter> text_writer(std::ostream& out, const RunInfo& run,
                                          Verbosity verbosity, Colour colour) {
    return text_writer(out, run, verbosity, colour, Spool::k_memory_limit, std::tmpfile);
}

void print_text(std::ostream& out, const RunInfo& run, const std::vector<ArticleResult>& results,
                Verbosity verbosity, Colour colour) {
    write_all(text_writer(out, run, verbosity, colour), results);
}

void print_commit_text(std::ostream& out, const std::string& branch, const std::string& commit_id) {
    if (commit_id.empty())
        fmt::print(out, "Nothing to commit: {} is unchanged.\n", branch);
    else
        fmt::print(out, "Committed {} on {}.\n", commit_id, branch);
}

void print_explain_text(std::ostream& out, const RunInfo& run, const ArticleResult& r) {
    fmt::print(out, "{} (as of {})\n", r.path, run.as_of);
    if (r.error) {
        fmt::print(out, "  error: {}\n", r.error->describe());
        return;
    }
    if (r.format)
        fmt::print(out, "  format:      {}\n", to_string(*r.format));
    fmt::print(out, "  policy:      {}\n",
               r.policy.empty() ? "(none claims this article)" : r.policy);
    if (r.meta) {
        const ArticleMeta& m = *r.meta;
        auto field = [&](std::string_view name, const std::string& value,
                         std::string_view source = {}) {
            if (value.empty()) {
                fmt::print(out, "  {:<12} (not found)\n", std::string(name) + ":");
            } else if (source.empty()) {
                fmt::print(out, "  {:<12} {}\n", std::string(name) + ":", value);
            } else {
                fmt::print(out, "  {:<12} {}  [{}]\n", std::string(name) + ":", value, source);
            }
        };
        field("title", m.title);
        field("publication", m.publication, m.publication_source);
        field("published", m.published ? m.published->iso() : "",
              m.published ? fmt::format("{}, {} confidence", m.published_source,
                                        to_string(m.published_confidence))
                          : std::string());
        field("language", m.language);
        field("section", m.section);
        field("type", m.type);
        field("tags", join(m.tags, ", "));
        if (m.opt_out_reason)
            field("opt-out", *m.opt_out_reason, m.opt_out_source);
        if (!m.date_candidates.empty()) {
            fmt::print(out, "  date candidates:\n");
            for (const DateCandidate& c : m.date_candidates) {
                std::string where =
                    c.line > 0 ? fmt::format("{} line {}", c.source, c.line) : c.source;
                std::string trust = fmt::format("{}{}", to_string(c.confidence),
                                                c.role == DateRole::modified ? ", modified" : "");
                fmt::print(out, "    {:<28} {} [{}]{}\n", c.timestamp.iso(), where, trust,
                           c.note.empty() ? "" : "  (" + c.note + ")");
            }
        }
    }
    fmt::print(out, "  era:         {}\n", r.decision.era.empty() ? "(none)" : r.decision.era);
    if (!r.decision.owner.empty())
        fmt::print(out, "  owner then:  {}\n", r.decision.owner);
    fmt::print(out, "  why:         {}\n", reason(r, run.as_of));
    fmt::print(out, "  rules:\n");
    for (const TraceStep& t : r.decision.trace) {
        fmt::print(out, "    {} {} ({})\n", t.matched ? "✔" : "·", t.rule, t.where);
        for (const std::string& why : t.reasons)
            fmt::print(out, "        {}\n", why);
        if (!t.effect.empty())
            fmt::print(out, "        => {}\n", t.effect);
    }
    fmt::print(out, "  notices:\n");
    if (r.decision.notices.empty())
        fmt::print(out, "    (none)\n");
    for (const Notice& n : r.decision.notices) {
        std::string text = n.text;
        if (!n.link_text.empty())
            text += " " + n.link_text;
        fmt::print(out, "    {:<9} {}\n", to_string(n.kind), text);
    }
    fmt::print(out, "  flags:\n");
    if (r.decision.flags.empty())
        fmt::print(out, "    (none)\n");
    for (const Flag& f : r.decision.flags)
        fmt::print(out, "    {} {}: {}\n", to_string(f.level), f.code, f.message);
    fmt::print(out, "  stamps:\n");
    if (r.plan.changes.empty())
        fmt::print(out, "    (none)\n");
    for (const StampChange& c : r.plan.changes)
        fmt::print(out, "    {:<9} {}\n", to_string(c.kind), to_string(c.change));
}

}  // namespace archtag::report
