#pragma once
// Escaping of notice values for the places a stamp puts them. Notices are
// plain text; these make them render (or parse) as exactly that text.
#include <string>
#include <string_view>

#include "model/notice.h"

namespace archtag::stamp {

// One line of text: every line ending becomes a space and white space at both
// ends is dropped (four leading spaces would make code, two trailing spaces a
// hard break).
std::string single_line(std::string_view text);

// Text that renders literally as (part of) one Markdown paragraph line. Runs
// single_line, then backslash-escapes
//   always:             \ ` * _ { } [ ] < > | ~ &
//   at the line start:  # + - = and the '.' or ')' after leading digits
// '(' ')' '!' '.' need no escape elsewhere because '[' ']' '<' are escaped,
// so no link, image, autolink, raw HTML or "-->" can form.
std::string escape_markdown(std::string_view text);

// A link destination for [text](url): percent-escapes space ( ) < > \ and
// control characters, so the destination cannot end early.
std::string escape_link_url(std::string_view url);

// The contents of a double-quoted string that YAML, TOML and JSON all read
// back as `text`: \" \\ \b \t \n \f \r, \u00XX for other control
// characters and DEL, and \u0085 \u2028 \u2029 (YAML line breaks).
std::string escape_quoted(std::string_view text);

// The inverse of escape_quoted for the escapes YAML/TOML/JSON share; unknown
// escapes are kept as written.
std::string unescape_quoted(std::string_view quoted_contents);

// The notice as one plain line: text, then " link_text (link_url)" (or
// " link_url" without link text) when there is a link.
std::string plain_text(const Notice& notice);

// The plain text of a rendered Markdown stamp line (inverse of the body
// rendering), for reporting what a removed stamp said.
std::string plain_from_markdown(std::string_view line);

}  // namespace archtag::stamp
