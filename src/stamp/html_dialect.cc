// The HTML dialect: an accessible block between marker comments, placed
// where the policy's HtmlAnchor says (docs/stamp-format.md, "HTML").
#include <fmt/format.h>

#include <algorithm>

#include "stamp/dialect.h"
#include "stamp/encoding.h"
#include "stamp/escape.h"
#include "stamp/marked_region.h"
#include "stamp/markup_escape.h"
#include "util/strings.h"

namespace archtag::stamp::detail {

namespace {

constexpr std::string_view k_hidden_class = "archtag-visually-hidden";
// The usual "visually hidden" rules, inline so the stamp needs no style sheet.
constexpr std::string_view k_hidden_style =
    "position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;"
    "overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap";

std::string_view label(NoticeKind kind) {
    return kind == NoticeKind::archival ? "Archival notice" : "Age notice";
}

std::string link_markup(const Notice& notice) {
    std::string url = single_line(notice.link_url);
    if (url.empty())
        return "";
    std::string text = single_line(notice.link_text);
    return fmt::format("<a href=\"{}\">{}</a>", escape_html(url),
                       escape_html(text.empty() ? url : text));
}

std::string builtin_markup(const Notice& notice) {
    std::string text = escape_html(single_line(notice.text));
    std::string link = link_markup(notice);
    std::string body = text.empty() || link.empty() ? text + link : text + " " + link;
    return fmt::format(
        "<aside class=\"archtag-notice archtag-{0}\" role=\"note\"><p><span class=\"{1}\" "
        "style=\"{2}\">{3}: </span>{4}</p></aside>",
        to_string(notice.kind), k_hidden_class, k_hidden_style, label(notice.kind), body);
}

// {kind}, {text} and {link} filled in; line endings made the file's own.
std::string template_markup(std::string_view templ, const Notice& notice,
                            const std::string& newline) {
    std::string out;
    for (std::size_t i = 0; i < templ.size(); ++i) {
        std::string_view rest = templ.substr(i);
        if (rest.starts_with("{kind}")) {
            out += escape_html(to_string(notice.kind));
            i += 5;
        } else if (rest.starts_with("{text}")) {
            out += escape_html(single_line(notice.text));
            i += 5;
        } else if (rest.starts_with("{link}")) {
            out += link_markup(notice);
            i += 5;
        } else if (rest.starts_with("\r\n")) {
            out += newline;
            ++i;
        } else if (templ[i] == '\n' || templ[i] == '\r') {
            out += newline;
        } else {
            out += templ[i];
        }
    }
    return out;
}

bool has_class_word(std::string_view classes, std::string_view word) {
    for (const std::string& c : split_words(classes))
        if (c == word)
            return true;
    return false;
}

std::vector<ElementSpan> in_document_order(std::vector<ElementSpan> elements) {
    std::stable_sort(
        elements.begin(), elements.end(),
        [](const ElementSpan& a, const ElementSpan& b) { return a.open_begin < b.open_begin; });
    return elements;
}

const ElementSpan* first_tagged(const std::vector<ElementSpan>& elements, std::string_view tag) {
    for (const ElementSpan& e : elements)
        if (iequals(e.tag, tag))
            return &e;
    return nullptr;
}

std::size_t element_close_end(const ElementSpan& e) {
    return std::max(e.open_end, e.close_end);
}

class HtmlDialect final : public Dialect {
  public:
    HtmlDialect(const DocumentLayout& layout, const Placement& placement)
        : m_layout(layout),
          m_placement(placement),
          m_encoding(*encoding_from_name(layout.encoding)) {}

    Expected<std::vector<Found>> find(std::string_view bytes) const override {
        Encoding encoding = m_encoding;
        return find_marked_stamps(bytes, m_layout.bom, Markup::html, Style::html_block,
                                  [encoding](std::string_view markup) {
                                      return markup_text(decode_from(markup, encoding),
                                                         k_hidden_class);
                                  });
    }

    Style style_for(NoticeKind) const override { return Style::html_block; }

    Status check_writable(std::string_view, const std::vector<Found>&, const Notice& notice,
                          Style) const override {
        if (Status link = check_link_url(single_line(notice.link_url)); !link)
            return link;
        const std::string& templ = m_placement.html_template;
        if (templ.find("<!-- archtag:") != std::string::npos ||
            templ.find("<!-- /archtag:") != std::string::npos)
            return fail(make_error({},
                                   "the policy's HTML stamp template must not contain "
                                   "archtag's stamp markers"));
        return ok();
    }

    Expected<std::vector<std::size_t>> default_anchors(std::string_view original,
                                                       const DocumentLayout& original_layout,
                                                       Style) const override {
        Expected<std::size_t> pos = anchor_position(original, original_layout);
        if (!pos)
            return fail(pos.error());
        return std::vector<std::size_t>{line_anchor(original, *pos, original_layout.bom)};
    }

    std::string render(std::string_view original, const DocumentLayout& original_layout,
                       const Notice& notice, Style, Slot slot) const override {
        std::string markup =
            m_placement.html_template.empty()
                ? builtin_markup(notice)
                : template_markup(m_placement.html_template, notice, original_layout.newline);
        return place_marked(original, original_layout, notice.kind, encode_for(markup, m_encoding),
                            slot.anchor);
    }

  private:
    Expected<std::size_t> anchor_position(std::string_view original,
                                          const DocumentLayout& layout) const {
        std::vector<ElementSpan> elements = in_document_order(layout.elements);
        switch (m_placement.html) {
            case HtmlAnchor::article_start:
                if (const ElementSpan* article = first_tagged(elements, "article"))
                    return article->open_end;
                return body_start(original, layout, elements);
            case HtmlAnchor::body_start:
                return body_start(original, layout, elements);
            default:
                break;
        }
        Expected<const ElementSpan*> element = selected(elements);
        if (!element)
            return fail(element.error());
        if (m_placement.html == HtmlAnchor::before_element)
            return (*element)->open_begin;
        if (m_placement.html == HtmlAnchor::after_element)
            return element_close_end(**element);
        return (*element)->open_end;
    }

    // After <body> (where the reader puts an implied one); without a body
    // element after </head>, else after <html>, else at the file start.
    static std::size_t body_start(std::string_view original, const DocumentLayout& layout,
                                  const std::vector<ElementSpan>& elements) {
        if (const ElementSpan* body = first_tagged(elements, "body"))
            return body->open_end;
        if (const ElementSpan* head = first_tagged(elements, "head"))
            return element_close_end(*head);
        if (const ElementSpan* html = first_tagged(elements, "html"))
            return html->open_end;
        return layout.bom && original.size() >= 3 ? 3 : 0;
    }

    Expected<const ElementSpan*> selected(const std::vector<ElementSpan>& elements) const {
        const std::string& selector = m_placement.html_selector;
        std::string_view name =
            std::string_view(selector).substr(std::min<std::size_t>(1, selector.size()));
        bool by_id = selector.starts_with("#");
        if ((!by_id && !selector.starts_with(".")) || name.empty() ||
            name.find_first_of(" \t\r\n") != std::string_view::npos)
            return fail(make_error(
                {}, fmt::format("HTML stamp selector '{}' must be '#id' or '.class'", selector)));
        for (const ElementSpan& e : elements)
            if (by_id ? e.id == name : has_class_word(e.classes, name))
                return &e;
        return fail(
            make_error({}, fmt::format("no element matches '{}' for the HTML stamp", selector)));
    }

    DocumentLayout m_layout;
    Placement m_placement;
    Encoding m_encoding;
};

}  // namespace

std::unique_ptr<Dialect> make_html_dialect(const DocumentLayout& layout,
                                           const Placement& placement) {
    return std::make_unique<HtmlDialect>(layout, placement);
}

}  // namespace archtag::stamp::detail
