#pragma once
// Just enough HTML/XML tokenizing for stamps: finding archtag's marker
// comments (not those inside other comments, CDATA sections, attribute
// values or HTML raw-text elements such as <script>), and the child
// elements of an XML element. Not a parser: the readers in src/article are.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stamp/markers.h"

namespace archtag::stamp::detail {

enum class Markup { html, xml };
enum class TagKind { start, end, self_closing, comment, cdata, other, text };

struct TagToken {
    TagKind kind = TagKind::text;
    std::string name;  // tags only, as written
    std::size_t begin = 0;
    std::size_t end = 0;  // one past the token
};

// The token starting at the '<' at `pos` (TagKind::text when it starts none).
TagToken read_tag(std::string_view bytes, std::size_t pos);

// One past the end tag that closes `start` (same name, nesting counted), or
// the end of `bytes`.
std::size_t element_end(std::string_view bytes, const TagToken& start);

// "ed-msg" for "nitf:ed-msg".
std::string_view local_name(std::string_view name);

// A comment that is exactly a begin or an end marker (docs/stamp-format.md).
// Begin markers with the Markdown-only " eof" flag are ordinary comments.
struct MarkerComment {
    std::size_t begin = 0;  // '<' of "<!--"
    std::size_t end = 0;    // one past "-->"
    std::optional<Tag> begin_tag;
    std::optional<NoticeKind> end_kind;
};
std::optional<MarkerComment> next_marker(std::string_view bytes, std::size_t from, Markup markup);

// The child elements of the XML element whose content is [from, to).
struct ChildElement {
    std::string name;
    std::size_t begin = 0;
    std::size_t end = 0;  // one past its end tag (or its "/>")
};
std::vector<ChildElement> child_elements(std::string_view bytes, std::size_t from, std::size_t to);

}  // namespace archtag::stamp::detail
