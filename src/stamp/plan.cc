// The format-free planner. The model (docs/stamp-format.md, "How plans are
// made"): a stamped file is its unstamped bytes plus stamp regions inserted
// at anchors. The planner removes the current stamps in its head, decides
// the anchor of every wanted stamp, renders each group of stamps that share
// an anchor against the unstamped bytes, and emits an edit only where the
// rendered group differs from what the file has. Rendering against the
// unstamped bytes is what makes removal exact and a second run a no-op.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "stamp/dialect.h"
#include "stamp/escape.h"
#include "stamp/stamp.h"
#include "util/error.h"

namespace archtag::stamp {

using detail::Dialect;
using detail::Found;
using detail::Slot;
using detail::Style;

namespace {

constexpr std::array<NoticeKind, 2> k_kinds{NoticeKind::archival, NoticeKind::age};

Expected<std::vector<Found>> find_checked(const Dialect& dialect, std::string_view bytes) {
    Expected<std::vector<Found>> found = dialect.find(bytes);
    if (!found)
        return found;
    std::sort(found->begin(), found->end(),
              [](const Found& a, const Found& b) { return a.begin < b.begin; });
    for (std::size_t i = 0; i < found->size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            const Found& first = (*found)[j];
            const Found& second = (*found)[i];
            if (first.kind != second.kind || first.unit != second.unit)
                continue;
            return fail(
                make_error_at({}, second.line, second.column,
                              fmt::format("archtag stamp '{}' appears twice (first on line {})",
                                          to_string(second.kind), first.line),
                              line_of(bytes, second.line)));
        }
    }
    return found;
}

// The file with every stamp taken out, and the offset arithmetic between the
// two. Offsets inside a stamp map to where the stamp was inserted.
class Unstamped {
  public:
    Unstamped(std::string_view bytes, const std::vector<Found>& found) : m_found(found) {
        std::size_t pos = 0;
        for (const Found& f : found) {
            m_bytes.append(bytes.substr(pos, f.begin - pos));
            pos = f.end;
        }
        m_bytes.append(bytes.substr(pos));
    }

    const std::string& bytes() const { return m_bytes; }

    std::size_t map(std::size_t pos) const {
        std::size_t removed = 0;
        for (const Found& f : m_found) {
            if (f.end <= pos)
                removed += f.end - f.begin;
            else if (f.begin < pos)
                return f.begin - removed;
            else
                break;
        }
        return pos - removed;
    }

    // Where an insertion at `anchor` (unstamped) lands in the stamped bytes.
    std::size_t stamped_offset(std::size_t anchor) const {
        std::size_t added = 0;
        for (const Found& f : m_found)
            if (map(f.begin) < anchor)
                added += f.end - f.begin;
        return anchor + added;
    }

    // Elements that start inside a stamp (the markup of an HTML stamp) are
    // archtag's own and not part of the unstamped file.
    DocumentLayout layout(DocumentLayout layout) const {
        for (std::size_t* offset : {&layout.front_matter_begin, &layout.front_matter_end,
                                    &layout.content_begin, &layout.content_end, &layout.body_begin})
            *offset = map(*offset);
        std::erase_if(layout.elements, [&](const ElementSpan& e) { return inside(e.open_begin); });
        for (ElementSpan& e : layout.elements)
            for (std::size_t* offset : {&e.open_begin, &e.open_end, &e.close_begin, &e.close_end})
                *offset = map(*offset);
        return layout;
    }

  private:
    bool inside(std::size_t pos) const {
        return std::any_of(m_found.begin(), m_found.end(),
                           [&](const Found& f) { return f.begin <= pos && pos < f.end; });
    }

    const std::vector<Found>& m_found;
    std::string m_bytes;
};

struct Wanted {
    const Notice* notice = nullptr;
    Style style = Style::markdown_body;
    std::size_t anchor = 0;
    std::size_t unit = 0;
    int rank = 0;                    // order among stamps of one anchor
    const Found* current = nullptr;  // the stamp it replaces in place, if any
    std::string rendered;
};

const Found* find_kind(const std::vector<Found>& found, NoticeKind kind) {
    for (const Found& f : found)
        if (f.kind == kind)
            return &f;
    return nullptr;
}

const Found* find_kind(const std::vector<Found>& found, NoticeKind kind, std::size_t unit) {
    for (const Found& f : found)
        if (f.kind == kind && f.unit == unit)
            return &f;
    return nullptr;
}

Expected<std::array<const Notice*, 2>> by_kind(const std::vector<Notice>& notices) {
    std::array<const Notice*, 2> out{};
    for (const Notice& n : notices) {
        const Notice*& slot = out[n.kind == NoticeKind::archival ? 0 : 1];
        if (slot != nullptr)
            return fail(
                make_error({}, fmt::format("more than one {} notice to stamp", to_string(n.kind))));
        slot = &n;
    }
    return out;
}

// Where each wanted stamp goes, one per kind and unit: in place of its
// current stamp of the same style; else next to the other kind's stamp of
// the unit (archival before age); else at the dialect's default anchor.
Expected<std::vector<Wanted>> place(const Dialect& dialect, std::string_view bytes,
                                    const std::vector<Found>& found, const Unstamped& unstamped,
                                    const DocumentLayout& original_layout,
                                    const std::array<const Notice*, 2>& notices) {
    std::vector<Wanted> wanted;
    std::size_t units = std::max<std::size_t>(1, dialect.unit_count(original_layout));
    for (const Notice* notice : notices) {
        if (notice == nullptr)
            continue;
        Style style = dialect.style_for(notice->kind);
        if (Status writable = dialect.check_writable(bytes, found, *notice, style); !writable)
            return fail(writable.error());
        for (std::size_t unit = 0; unit < units; ++unit) {
            Wanted w;
            w.notice = notice;
            w.style = style;
            w.unit = unit;
            const Found* current = find_kind(found, notice->kind, unit);
            if (current != nullptr && current->style == w.style) {
                w.current = current;
                w.anchor = unstamped.map(current->begin);
                w.rank = 3 * static_cast<int>(current - found.data()) + 1;
            }
            wanted.push_back(std::move(w));
        }
    }
    std::optional<std::vector<std::size_t>> defaults;
    for (Wanted& w : wanted) {
        if (w.current != nullptr)
            continue;
        bool archival = w.notice->kind == NoticeKind::archival;
        auto other = std::find_if(wanted.begin(), wanted.end(), [&](const Wanted& o) {
            return o.current != nullptr && o.unit == w.unit && o.notice->kind != w.notice->kind;
        });
        if (other != wanted.end()) {
            w.anchor = other->anchor;
            w.rank = other->rank + (archival ? -1 : 1);
            continue;
        }
        if (!defaults) {
            Expected<std::vector<std::size_t>> anchors =
                dialect.default_anchors(unstamped.bytes(), original_layout, w.style);
            if (!anchors)
                return fail(anchors.error());
            if (anchors->size() != units)
                return fail(make_error({},
                                       "archtag found a different number of places to stamp "
                                       "than stories in the file"));
            defaults = std::move(*anchors);
        }
        w.anchor = (*defaults)[w.unit];
        w.rank = archival ? 0 : 1;
    }
    return wanted;
}

bool is_boundary(std::string_view s, std::size_t i) {
    if (i == 0 || i == s.size() || s[i - 1] == '\n')
        return true;
    return (s[i] == '\n' && s[i - 1] != '\r') ||
           (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n');
}

// The edit turning `current` (at `offset`) into `wanted`, leaving out the
// whole lines both share at the start and at the end.
Edit line_trimmed_edit(std::size_t offset, std::string_view current, std::string_view wanted) {
    std::size_t shortest = std::min(current.size(), wanted.size());
    std::size_t prefix = 0;
    while (prefix < shortest && current[prefix] == wanted[prefix])
        ++prefix;
    while (prefix > 0 && !(is_boundary(current, prefix) && is_boundary(wanted, prefix)))
        --prefix;
    std::size_t suffix = 0;
    while (suffix < shortest - prefix &&
           current[current.size() - 1 - suffix] == wanted[wanted.size() - 1 - suffix])
        ++suffix;
    while (suffix > 0 && !(is_boundary(current, current.size() - suffix) &&
                           is_boundary(wanted, wanted.size() - suffix)))
        --suffix;
    return Edit{offset + prefix, current.size() - prefix - suffix,
                std::string(wanted.substr(prefix, wanted.size() - prefix - suffix))};
}

std::vector<Edit> group_edits(std::string_view bytes, const std::vector<Found>& found,
                              const Unstamped& unstamped, const std::vector<Wanted>& wanted) {
    std::set<std::size_t> anchors;
    for (const Found& f : found)
        anchors.insert(unstamped.map(f.begin));
    for (const Wanted& w : wanted)
        anchors.insert(w.anchor);
    std::vector<Edit> edits;
    for (std::size_t anchor : anchors) {
        std::size_t begin = unstamped.stamped_offset(anchor);
        std::size_t end = begin;
        for (const Found& f : found)
            if (unstamped.map(f.begin) == anchor)
                end = f.end;
        std::string rendered;
        for (const Wanted& w : wanted)
            if (w.anchor == anchor)
                rendered += w.rendered;
        std::string_view current = bytes.substr(begin, end - begin);
        if (current != rendered)
            edits.push_back(line_trimmed_edit(begin, current, rendered));
    }
    return edits;
}

// One change per kind, over all units: `keep` only when every unit's stamp
// is kept as it is and no other stamp of the kind goes away.
std::vector<StampChange> changes(std::string_view bytes, const std::vector<Found>& found,
                                 const std::vector<Wanted>& wanted) {
    std::vector<StampChange> out;
    for (NoticeKind kind : k_kinds) {
        const Found* current = find_kind(found, kind);
        auto w = std::find_if(wanted.begin(), wanted.end(),
                              [&](const Wanted& x) { return x.notice->kind == kind; });
        if (w == wanted.end()) {
            if (current != nullptr)
                out.push_back({kind, Change::remove, current->text});
            continue;
        }
        Change change = Change::add;
        if (current != nullptr) {
            std::size_t kept = 0;
            bool same = true;
            for (const Wanted& x : wanted) {
                if (x.notice->kind != kind)
                    continue;
                same =
                    same && x.current != nullptr &&
                    bytes.substr(x.current->begin, x.current->end - x.current->begin) == x.rendered;
                kept += x.current != nullptr;
            }
            auto present = static_cast<std::size_t>(std::count_if(
                found.begin(), found.end(), [&](const Found& f) { return f.kind == kind; }));
            change = same && kept == present ? Change::keep : Change::update;
        }
        out.push_back({kind, change, plain_text(*w->notice)});
    }
    return out;
}

}  // namespace

Expected<std::vector<FoundStamp>> find(std::string_view bytes, const DocumentLayout& layout,
                                       const Placement& placement) {
    Expected<std::unique_ptr<Dialect>> dialect = detail::dialect_for(layout, placement);
    if (!dialect)
        return fail(dialect.error());
    Expected<std::vector<Found>> found = find_checked(**dialect, bytes);
    if (!found)
        return fail(found.error());
    std::vector<FoundStamp> out;
    for (const Found& f : *found)
        out.push_back({f.kind, f.begin, f.end, f.version,
                       std::string(bytes.substr(f.begin, f.end - f.begin)), f.text, f.line});
    return out;
}

Expected<Plan> plan(std::string_view bytes, const DocumentLayout& layout,
                    const std::vector<Notice>& notices, const Placement& placement) {
    Expected<std::unique_ptr<Dialect>> dialect = detail::dialect_for(layout, placement);
    if (!dialect)
        return fail(dialect.error());
    Expected<std::vector<Found>> found = find_checked(**dialect, bytes);
    if (!found)
        return fail(found.error());
    Expected<std::array<const Notice*, 2>> wanted_notices = by_kind(notices);
    if (!wanted_notices)
        return fail(wanted_notices.error());

    Unstamped unstamped(bytes, *found);
    DocumentLayout original_layout = unstamped.layout(layout);
    Expected<std::vector<Wanted>> wanted =
        place(**dialect, bytes, *found, unstamped, original_layout, *wanted_notices);
    if (!wanted)
        return fail(wanted.error());
    std::sort(wanted->begin(), wanted->end(), [](const Wanted& a, const Wanted& b) {
        return a.anchor != b.anchor ? a.anchor < b.anchor : a.rank < b.rank;
    });
    for (std::size_t i = 0; i < wanted->size(); ++i) {
        Wanted& w = (*wanted)[i];
        Slot slot{w.anchor, i == 0 || (*wanted)[i - 1].anchor != w.anchor,
                  i + 1 == wanted->size() || (*wanted)[i + 1].anchor != w.anchor};
        w.rendered =
            (*dialect)->render(unstamped.bytes(), original_layout, *w.notice, w.style, slot);
    }
    return Plan{group_edits(bytes, *found, unstamped, *wanted), changes(bytes, *found, *wanted)};
}

Expected<Plan> plan_unstamp(std::string_view bytes, const DocumentLayout& layout,
                            const Placement& placement) {
    Expected<std::vector<Found>> found = [&]() -> Expected<std::vector<Found>> {
        Expected<std::unique_ptr<Dialect>> dialect = detail::dialect_for(layout, placement);
        if (!dialect)
            return fail(dialect.error());
        return find_checked(**dialect, bytes);
    }();
    if (!found)
        return fail(found.error());
    Plan out;
    for (const Found& f : *found) {
        if (!out.edits.empty() && out.edits.back().offset + out.edits.back().length == f.begin)
            out.edits.back().length += f.end - f.begin;
        else
            out.edits.push_back(Edit{f.begin, f.end - f.begin, {}});
    }
    for (NoticeKind kind : k_kinds)
        if (const Found* f = find_kind(*found, kind))
            out.changes.push_back({kind, Change::remove, f->text});
    return out;
}

}  // namespace archtag::stamp
