#pragma once
// What the planner needs to know about one file format. The planner itself
// (plan.cc) is format-free: it removes the stamps it is given, decides where
// each wanted stamp goes in the unstamped bytes, and asks the dialect to
// render it there. Markdown, HTML and XML each implement this interface.
//
// Units: an XML file may hold several stories that each carry their own
// stamps (every newsItem of a NewsML-G2 newsMessage, every entry of an Atom
// feed, every item of an RSS channel). The planner keeps one stamp per kind
// and unit; Markdown and HTML files have one unit.
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
enum class Style { markdown_body, yaml_line, toml_line, json_member, html_block, xml_element };

// A stamp found in the file; [begin, end) is the region archtag owns.
struct Found {
    NoticeKind kind = NoticeKind::archival;
    Style style = Style::markdown_body;
    std::size_t begin = 0;
    std::size_t end = 0;
    int version = 1;
    int line = 0;      // 1-based line of the marker
    std::string text;  // plain text, for reporting removals
    int column = 1;    // 1-based column of the marker
    std::size_t unit = 0;
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
    // Fails when `notice` cannot be written in `style`, e.g. because the
    // front matter already has that key or its link is not allowed there.
    // `found` are the file's stamps.
    virtual Status check_writable(std::string_view bytes, const std::vector<Found>& found,
                                  const Notice& notice, Style style) const = 0;
    // How many units the unstamped file has (at least one).
    virtual std::size_t unit_count(const DocumentLayout&) const { return 1; }
    // Where the first stamp of `style` goes in each unit of the unstamped
    // bytes: exactly unit_count() anchors, or an error.
    virtual Expected<std::vector<std::size_t>> default_anchors(
        std::string_view original, const DocumentLayout& original_layout, Style style) const = 0;
    // The bytes of one stamp placed at `slot` in the unstamped bytes.
    virtual std::string render(std::string_view original, const DocumentLayout& original_layout,
                               const Notice& notice, Style style, Slot slot) const = 0;
};

Expected<std::unique_ptr<Dialect>> dialect_for(const DocumentLayout& layout,
                                               const Placement& placement);

std::unique_ptr<Dialect> make_markdown_dialect(const DocumentLayout& layout,
                                               const Placement& placement);
std::unique_ptr<Dialect> make_html_dialect(const DocumentLayout& layout,
                                           const Placement& placement);
std::unique_ptr<Dialect> make_xml_dialect(const DocumentLayout& layout);

// The Markdown dialect's parts, each in its own file.
Expected<std::vector<Found>> find_body_stamps(std::string_view bytes, std::size_t from);
std::string render_body_stamp(std::string_view original, const DocumentLayout& original_layout,
                              const Notice& notice, Slot slot);

}  // namespace archtag::stamp::detail
