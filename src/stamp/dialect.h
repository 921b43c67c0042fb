#pragma once
// What the planner needs to know about one file format. The planner itself
// (plan.cc) is format-free: it removes the stamps it is given, decides where
// each wanted stamp goes in the unstamped bytes, and asks the dialect to
// render it there. Markdown is the first dialect; HTML and XML add their own
// styles and implement the same interface.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/article_meta.h"
#include "model/notice.h"
#include "model/policy.h"
#include "util/expected.h"

namespace archtag::stamp::detail {

// The shapes a stamp can take.
enum class Style { markdown_body, yaml_line, toml_line, json_member };

// A stamp found in the file; [begin, end) is the region archtag owns.
struct Found {
    NoticeKind kind = NoticeKind::archival;
    Style style = Style::markdown_body;
    std::size_t begin = 0;
    std::size_t end = 0;
    int version = 1;
    int line = 0;      // 1-based line of the marker
    std::string text;  // plain text, for reporting removals
};

// Where a stamp goes: an offset in the unstamped bytes (its anchor) and its
// place among the stamps that share that anchor.
struct Slot {
    std::size_t anchor = 0;
    bool first = true;
    bool last = true;
};

class Dialect {
  public:
    virtual ~Dialect() = default;

    // Every stamp in `bytes`, in byte order; errors for malformed ones.
    virtual Expected<std::vector<Found>> find(std::string_view bytes) const = 0;
    // The style a new stamp of `kind` takes.
    virtual Style style_for(NoticeKind kind) const = 0;
    // Fails when a stamp of `kind` cannot be written in `style`, e.g. because
    // the front matter already has that key. `found` are the file's stamps.
    virtual Status check_writable(std::string_view bytes, const std::vector<Found>& found,
                                  NoticeKind kind, Style style) const = 0;
    // Where the first stamp of `style` goes in the unstamped bytes.
    virtual Expected<std::size_t> default_anchor(std::string_view original,
                                                 const DocumentLayout& original_layout,
                                                 Style style) const = 0;
    // The bytes of one stamp placed at `slot` in the unstamped bytes.
    virtual std::string render(std::string_view original, const DocumentLayout& original_layout,
                               const Notice& notice, Style style, Slot slot) const = 0;
};

Expected<std::unique_ptr<Dialect>> dialect_for(const DocumentLayout& layout,
                                               const Placement& placement);

// The Markdown dialect's parts, each in its own file.
Expected<std::vector<Found>> find_body_stamps(std::string_view bytes, std::size_t from);
std::string render_body_stamp(std::string_view original, const DocumentLayout& original_layout,
                              const Notice& notice, Slot slot);

}  // namespace archtag::stamp::detail
