// The Markdown dialect: body stamps, or front-matter stamps when the policy
// asks for them and the file has front matter.
#include <algorithm>

#include "stamp/dialect.h"
#include "stamp/front_matter.h"

namespace archtag::stamp::detail {

namespace {

class MarkdownDialect final : public Dialect {
  public:
    MarkdownDialect(const DocumentLayout& layout, const Placement& placement)
        : m_layout(layout),
          m_keys{placement.archival_key, placement.age_key},
          m_in_front_matter(placement.markdown == MarkdownPlacement::front_matter &&
                            layout.front_matter != FrontMatterKind::none) {}

    Expected<std::vector<Found>> find(std::string_view bytes) const override {
        Expected<std::vector<Found>> found = find_front_matter_stamps(bytes, m_layout, m_keys);
        if (!found)
            return found;
        Expected<std::vector<Found>> body = find_body_stamps(bytes, m_layout.body_begin);
        if (!body)
            return body;
        found->insert(found->end(), body->begin(), body->end());
        return found;
    }

    Style style_for(NoticeKind) const override {
        if (!m_in_front_matter)
            return Style::markdown_body;
        switch (m_layout.front_matter) {
            case FrontMatterKind::toml:
                return Style::toml_line;
            case FrontMatterKind::json:
                return Style::json_member;
            default:
                return Style::yaml_line;
        }
    }

    Status check_writable(std::string_view bytes, const std::vector<Found>& found,
                          const Notice& notice, Style style) const override {
        if (style == Style::markdown_body)
            return ok();
        return check_front_matter_key(bytes, m_layout, found, m_keys.of(notice.kind));
    }

    Expected<std::vector<std::size_t>> default_anchors(std::string_view original,
                                                       const DocumentLayout& original_layout,
                                                       Style style) const override {
        if (style == Style::markdown_body)
            return std::vector<std::size_t>{std::min(original_layout.body_begin, original.size())};
        Expected<std::size_t> anchor = front_matter_anchor(original, original_layout);
        if (!anchor)
            return fail(anchor.error());
        return std::vector<std::size_t>{*anchor};
    }

    std::string render(std::string_view original, const DocumentLayout& original_layout,
                       const Notice& notice, Style style, Slot slot) const override {
        if (style == Style::markdown_body)
            return render_body_stamp(original, original_layout, notice, slot);
        return render_front_matter_stamp(original, original_layout, notice, m_keys.of(notice.kind),
                                         slot);
    }

  private:
    DocumentLayout m_layout;
    FrontMatterKeys m_keys;
    bool m_in_front_matter;
};

}  // namespace

std::unique_ptr<Dialect> make_markdown_dialect(const DocumentLayout& layout,
                                               const Placement& placement) {
    return std::make_unique<MarkdownDialect>(layout, placement);
}

}  // namespace archtag::stamp::detail
