// Edits are known byte ranges, so no longest-common-subsequence search is
// needed: each edit widens to whole lines, nearby ones share a hunk.
#include "report/diff.h"

#include <fmt/format.h>

#include <algorithm>

namespace archtag::report {

namespace {

// The old bytes [begin, end) on whole lines, and what they become.
struct Block {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string after;
};

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t nl = s.find('\n', pos);
        std::size_t end = nl == s.npos ? s.size() : nl + 1;
        lines.push_back(s.substr(pos, end - pos));
        pos = end;
    }
    return lines;
}

std::size_t line_start(std::string_view s, std::size_t pos) {
    std::size_t nl = pos == 0 ? s.npos : s.rfind('\n', pos - 1);
    return nl == s.npos ? 0 : nl + 1;
}

std::size_t line_end(std::string_view s, std::size_t pos) {
    std::size_t nl = s.find('\n', pos);
    return nl == s.npos ? s.size() : nl + 1;
}

bool ends_line(std::string_view s) {
    return s.empty() || s.back() == '\n';
}

// Widens one group of edits (sorted, overlapping once widened) to whole lines.
Block widen(std::string_view before, const std::vector<Edit>& group) {
    Block b;
    b.begin = line_start(before, group.front().offset);
    std::size_t end = 0;
    for (const Edit& e : group)
        end = std::max(end, e.offset + e.length);
    b.end = end;
    std::vector<Edit> shifted;
    for (Edit e : group) {
        e.offset -= b.begin;
        shifted.push_back(std::move(e));
    }
    std::string after = apply_edits(before.substr(b.begin, end - b.begin), shifted);
    bool at_line_start = end == before.size() || line_start(before, end) == end;
    if (!(at_line_start && ends_line(after))) {
        b.end = line_end(before, end);
        after += before.substr(end, b.end - end);
    }
    b.after = std::move(after);
    return b;
}

std::vector<Block> blocks_of(std::string_view before, std::vector<Edit> edits) {
    std::sort(edits.begin(), edits.end(),
              [](const Edit& a, const Edit& b) { return a.offset < b.offset; });
    std::vector<Block> blocks;
    std::vector<Edit> group;
    for (const Edit& e : edits) {
        if (!group.empty() && widen(before, group).end <= line_start(before, e.offset)) {
            blocks.push_back(widen(before, group));
            group.clear();
        }
        group.push_back(e);
    }
    if (!group.empty())
        blocks.push_back(widen(before, group));
    return blocks;
}

std::string_view without_eol(std::string_view line) {
    if (!line.empty() && line.back() == '\n')
        line.remove_suffix(1);
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    return line;
}

void add_line(std::string& out, char mark, std::string_view line) {
    out += mark;
    out += without_eol(line);
    out += '\n';
    if (line.empty() || line.back() != '\n')
        out += "\\ No newline at end of file\n";
}

std::string range(std::size_t first, std::size_t count) {
    return fmt::format("{},{}", count == 0 ? first : first + 1, count);
}

// One change in line numbers: old lines [first, first + old.size()).
struct LineChange {
    std::size_t first = 0;
    std::vector<std::string_view> old_lines;
    std::vector<std::string_view> new_lines;
};

std::size_t line_index(const std::vector<std::size_t>& starts, std::size_t offset) {
    auto it = std::upper_bound(starts.begin(), starts.end(), offset);
    return static_cast<std::size_t>(it - starts.begin()) - 1;
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before,
                         const std::vector<Edit>& edits, std::size_t context, std::size_t cap) {
    if (edits.empty())
        return {};
    std::vector<std::string_view> lines = split_lines(before);
    std::vector<std::size_t> starts{0};
    for (std::string_view l : lines)
        starts.push_back(starts.back() + l.size());
    std::vector<Block> blocks = blocks_of(before, edits);
    std::vector<LineChange> changes;
    for (const Block& b : blocks) {
        LineChange c;
        c.first = line_index(starts, b.begin);
        c.old_lines = split_lines(before.substr(b.begin, b.end - b.begin));
        c.new_lines = split_lines(b.after);
        changes.push_back(std::move(c));
    }
    // The new-side strings live in `blocks`, which outlives `changes`.
    std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
    long delta = 0;  // new line number minus old line number so far
    std::size_t i = 0;
    while (i < changes.size()) {
        std::size_t j = i;
        while (j + 1 < changes.size() &&
               changes[j + 1].first <= changes[j].first + changes[j].old_lines.size() + 2 * context)
            ++j;
        std::size_t from = changes[i].first > context ? changes[i].first - context : 0;
        std::size_t last_end = changes[j].first + changes[j].old_lines.size();
        std::size_t to = std::min(lines.size(), last_end + context);
        std::string body;
        std::size_t old_count = 0, new_count = 0;
        long hunk_delta = delta;
        std::size_t pos = from;
        for (std::size_t k = i; k <= j; ++k) {
            for (; pos < changes[k].first; ++pos, ++old_count, ++new_count)
                add_line(body, ' ', lines[pos]);
            for (std::string_view l : changes[k].old_lines)
                add_line(body, '-', l);
            for (std::string_view l : changes[k].new_lines)
                add_line(body, '+', l);
            old_count += changes[k].old_lines.size();
            new_count += changes[k].new_lines.size();
            delta += static_cast<long>(changes[k].new_lines.size()) -
                     static_cast<long>(changes[k].old_lines.size());
            pos = changes[k].first + changes[k].old_lines.size();
        }
        for (; pos < to; ++pos, ++old_count, ++new_count)
            add_line(body, ' ', lines[pos]);
        std::size_t new_from = static_cast<std::size_t>(static_cast<long>(from) + hunk_delta);
        out += fmt::format("@@ -{} +{} @@\n", range(from, old_count), range(new_from, new_count));
        out += body;
        i = j + 1;
    }
    if (out.size() > cap) {
        std::size_t cut = out.rfind('\n', cap);
        out.resize(cut == out.npos ? 0 : cut + 1);
        out += fmt::format("… diff cut at {} KiB\n", cap / 1024);
    }
    return out;
}

}  // namespace archtag::report
