#pragma once
// Escaping for HTML and XML stamps, and reading a stamp's text back.
#include <optional>
#include <string>
#include <string_view>

#include "util/expected.h"

namespace archtag::stamp {

// Text or a double- or single-quoted attribute value in HTML:
// & < > " ' become &amp; &lt; &gt; &quot; &#39;.
std::string escape_html(std::string_view text);

// XML character data or a double-quoted attribute value: & < > " become
// &amp; &lt; &gt; &quot;. In attributes a tab is written &#9; (a parser
// would turn a literal one into a space). Control characters XML 1.0 does
// not allow are dropped.
enum class XmlPlace { text, attribute };
std::string escape_xml(std::string_view text, XmlPlace place);

// Replaces &amp; &lt; &gt; &quot; &apos; and numeric references (&#39;
// &#x2019;) by the characters they stand for; anything else is kept.
std::string decode_references(std::string_view text);

// HTML stamps link only http, https and mailto URLs, or relative ones.
// Browsers ignore tabs and line breaks in a scheme and leading control
// characters, so "java\tscript:" is refused as well.
Status check_link_url(std::string_view url);

// The raw value of attribute `name` in the start tag `tag` ("<a href=...>"),
// references not decoded; nullopt when absent.
std::optional<std::string> attribute_value(std::string_view tag, std::string_view name);

// What a reader sees of stamp markup, as plain text: tags dropped,
// references decoded, elements whose class has `hidden_class` left out, and
// a link written "text (url)" (or just "url" when the two are the same).
std::string markup_text(std::string_view markup, std::string_view hidden_class);

}  // namespace archtag::stamp
