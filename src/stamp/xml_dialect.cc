// The XML dialect: each format's own editorial element, between marker
// comments (docs/stamp-format.md, "XML"). NITF gets an <ed-msg> in
// <docdata>, NewsML-G2 an <edNote> in each <itemMeta>, JATS a <notes> after
// <article-meta>, Atom and RSS an archtag:notice element in each entry/item.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "stamp/dialect.h"
#include "stamp/encoding.h"
#include "stamp/escape.h"
#include "stamp/marked_region.h"
#include "stamp/markup_escape.h"
#include "util/strings.h"

namespace archtag::stamp::detail {

namespace {

constexpr std::string_view k_namespace = "urn:archtag:notice:1";

enum class XmlKind { nitf, newsml, jats, atom, rss };

bool has_tag(const DocumentLayout& layout, std::string_view tag) {
    return std::any_of(layout.elements.begin(), layout.elements.end(),
                       [&](const ElementSpan& e) { return local_name(e.tag) == tag; });
}

std::optional<XmlKind> xml_kind(const DocumentLayout& layout) {
    if (has_tag(layout, "docdata") || has_tag(layout, "body.head") || has_tag(layout, "head"))
        return XmlKind::nitf;
    if (has_tag(layout, "itemMeta") || has_tag(layout, "newsItem") ||
        has_tag(layout, "contentMeta"))
        return XmlKind::newsml;
    if (has_tag(layout, "article-meta") || has_tag(layout, "front"))
        return XmlKind::jats;
    if (has_tag(layout, "entry"))
        return XmlKind::atom;
    if (has_tag(layout, "item"))
        return XmlKind::rss;
    return std::nullopt;
}

std::string_view container_tag(XmlKind kind) {
    switch (kind) {
        case XmlKind::nitf:
            return "docdata";
        case XmlKind::newsml:
            return "itemMeta";
        case XmlKind::jats:
            return "article-meta";
        case XmlKind::atom:
            return "entry";
        case XmlKind::rss:
            return "item";
    }
    return "";
}

// The elements that hold one unit's stamp, in document order.
std::vector<ElementSpan> containers(const DocumentLayout& layout) {
    std::vector<ElementSpan> out;
    std::optional<XmlKind> kind = xml_kind(layout);
    if (!kind)
        return out;
    for (const ElementSpan& e : layout.elements)
        if (local_name(e.tag) == container_tag(*kind))
            out.push_back(e);
    std::stable_sort(out.begin(), out.end(), [](const ElementSpan& a, const ElementSpan& b) {
        return a.open_begin < b.open_begin;
    });
    return out;
}

bool empty_element(const ElementSpan& e) {
    return e.close_begin == e.close_end;
}

// NewsML-G2 itemMeta lists its children in a fixed order; edNote comes
// after these and before memberOf, instanceOf, signal, link and the rest.
constexpr std::array<std::string_view, 13> k_before_ed_note{
    "itemClass", "provider",  "versionCreated", "firstCreated", "embargoed", "pubStatus", "role",
    "fileName",  "generator", "profile",        "service",      "title",     "edNote"};

std::size_t ed_note_position(std::string_view original, const ElementSpan& item_meta) {
    std::size_t pos = item_meta.open_end;
    for (const ChildElement& child :
         child_elements(original, item_meta.open_end, item_meta.close_begin)) {
        std::string_view name = local_name(child.name);
        if (std::find(k_before_ed_note.begin(), k_before_ed_note.end(), name) ==
            k_before_ed_note.end())
            break;
        pos = child.end;
    }
    return pos;
}

std::string kind_value(NoticeKind kind) {
    return fmt::format("archtag:{}", to_string(kind));
}

std::string element_markup(std::optional<XmlKind> format, const Notice& notice) {
    std::string plain = plain_text(notice);
    std::string kind = kind_value(notice.kind);
    std::string text = escape_xml(plain, XmlPlace::text);
    switch (format.value_or(XmlKind::atom)) {
        case XmlKind::nitf:
            return fmt::format("<ed-msg msg-type=\"{}\" info=\"{}\"/>", kind,
                               escape_xml(plain, XmlPlace::attribute));
        case XmlKind::newsml:
            return fmt::format("<edNote role=\"{}\">{}</edNote>", kind, text);
        case XmlKind::jats:
            return fmt::format("<notes notes-type=\"{}\"><p>{}</p></notes>", kind, text);
        default:
            return fmt::format(
                "<archtag:notice xmlns:archtag=\"{}\" kind=\"{}\">{}</archtag:notice>", k_namespace,
                kind, text);
    }
}

// The notice's text in an element archtag wrote: NITF's info attribute, or
// the element's text.
std::string element_text(std::string_view markup) {
    std::size_t open = markup.find('<');
    if (open != std::string_view::npos) {
        TagToken tag = read_tag(markup, open);
        if (local_name(tag.name) == "ed-msg")
            if (std::optional<std::string> info =
                    attribute_value(markup.substr(open, tag.end - open), "info"))
                return decode_references(*info);
    }
    return markup_text(markup, "");
}

class XmlDialect final : public Dialect {
  public:
    explicit XmlDialect(const DocumentLayout& layout)
        : m_layout(layout), m_encoding(*encoding_from_name(layout.encoding)) {}

    Expected<std::vector<Found>> find(std::string_view bytes) const override {
        Encoding encoding = m_encoding;
        Expected<std::vector<Found>> found =
            find_marked_stamps(bytes, m_layout.bom, Markup::xml, Style::xml_element,
                               [encoding](std::string_view markup) {
                                   return element_text(decode_from(markup, encoding));
                               });
        if (!found)
            return found;
        std::vector<ElementSpan> units = containers(m_layout);
        for (Found& f : *found)
            for (std::size_t i = 0; i < units.size(); ++i)
                if (units[i].open_begin <= f.begin)
                    f.unit = i;
        return found;
    }

    Style style_for(NoticeKind) const override { return Style::xml_element; }

    Status check_writable(std::string_view, const std::vector<Found>&, const Notice&,
                          Style) const override {
        return ok();
    }

    std::size_t unit_count(const DocumentLayout& layout) const override {
        return std::max<std::size_t>(1, containers(layout).size());
    }

    Expected<std::vector<std::size_t>> default_anchors(std::string_view original,
                                                       const DocumentLayout& layout,
                                                       Style) const override {
        std::optional<XmlKind> format = xml_kind(layout);
        std::vector<ElementSpan> units = containers(layout);
        if (!format)
            return fail(make_error(
                {},
                "archtag does not know where to stamp this XML document (expected NITF "
                "<docdata>, NewsML-G2 <itemMeta>, JATS <article-meta>, an Atom <entry> or "
                "an RSS <item>)"));
        if (units.empty())
            return fail(make_error({}, missing_container(*format)));
        std::vector<std::size_t> anchors;
        for (const ElementSpan& unit : units) {
            Expected<std::size_t> pos = position_in(original, *format, unit);
            if (!pos)
                return fail(pos.error());
            anchors.push_back(line_anchor(original, *pos, layout.bom));
        }
        return anchors;
    }

    std::string render(std::string_view original, const DocumentLayout& original_layout,
                       const Notice& notice, Style, Slot slot) const override {
        std::string markup = element_markup(xml_kind(original_layout), notice);
        return place_marked(original, original_layout, notice.kind, encode_for(markup, m_encoding),
                            slot.anchor);
    }

  private:
    static std::string missing_container(XmlKind format) {
        switch (format) {
            case XmlKind::nitf:
                return "NITF document has no <docdata> for archtag's <ed-msg> (archtag adds no "
                       "other elements)";
            case XmlKind::newsml:
                return "NewsML-G2 document has no <itemMeta> for archtag's <edNote>";
            default:
                return "JATS document has no <article-meta> to put archtag's <notes> after";
        }
    }

    static Expected<std::size_t> position_in(std::string_view original, XmlKind format,
                                             const ElementSpan& unit) {
        switch (format) {
            case XmlKind::jats:
                return std::max(unit.open_end, unit.close_end);
            case XmlKind::newsml:
                if (empty_element(unit))
                    break;
                return ed_note_position(original, unit);
            default:
                if (empty_element(unit))
                    break;
                return unit.open_end;
        }
        return fail(make_error(
            {}, fmt::format("<{}/> is empty; archtag puts its stamp inside <{}>...</{}> and adds "
                            "no other elements",
                            unit.tag, unit.tag, unit.tag)));
    }

    DocumentLayout m_layout;
    Encoding m_encoding;
};

}  // namespace

std::unique_ptr<Dialect> make_xml_dialect(const DocumentLayout& layout) {
    return std::make_unique<XmlDialect>(layout);
}

}  // namespace archtag::stamp::detail
