#include <fmt/format.h>

#include "stamp/dialect.h"
#include "stamp/encoding.h"

namespace archtag::stamp::detail {

Expected<std::unique_ptr<Dialect>> dialect_for(const DocumentLayout& layout,
                                               const Placement& placement) {
    if (layout.format == Format::markdown)
        return make_markdown_dialect(layout, placement);
    if (!encoding_from_name(layout.encoding))
        return fail(make_error({}, fmt::format("archtag cannot stamp {} files in encoding '{}' "
                                               "(it writes ASCII-compatible encodings only)",
                                               to_string(layout.format), layout.encoding)));
    if (layout.format == Format::html)
        return make_html_dialect(layout, placement);
    return make_xml_dialect(layout);
}

}  // namespace archtag::stamp::detail
