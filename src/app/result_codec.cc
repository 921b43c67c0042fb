// Netstring records (see result_codec.h).
#include "app/result_codec.h"

#include <fmt/format.h>

#include <array>
#include <charconv>

namespace archtag::app {

void put_field(std::string& out, std::string_view field) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
    out += ',';
}

void put_number(std::string& out, std::int64_t n) {
    put_field(out, std::to_string(n));
}

namespace {
Error bad(const std::string& what) {
    return make_error("", what);
}
}  // namespace

Expected<std::string> FieldReader::field() {
    std::size_t colon = m_rest.find(':');
    std::size_t length = 0;
    if (colon == m_rest.npos || colon == 0 || colon > 12)
        return fail(bad("expected a field length"));
    auto [end, ec] = std::from_chars(m_rest.data(), m_rest.data() + colon, length);
    if (ec != std::errc() || end != m_rest.data() + colon)
        return fail(bad("expected a field length"));
    if (m_rest.size() < colon + 1 + length + 1 || m_rest[colon + 1 + length] != ',')
        return fail(bad("a field runs past the end of the record"));
    std::string out(m_rest.substr(colon + 1, length));
    m_rest.remove_prefix(colon + 2 + length);
    return out;
}

Expected<std::int64_t> FieldReader::number() {
    auto text = field();
    if (!text)
        return fail(text.error());
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
    if (ec != std::errc() || end != text->data() + text->size())
        return fail(bad(fmt::format("'{}' is not a number", *text)));
    return n;
}

namespace {

// The decision's words the printers use (not its trace, which only
// `explain` shows and which is never cached).
template <typename D>  // Decision or const Decision
auto decision_words(D& d) {
    return std::array{&d.era,           &d.owner,         &d.era_name, &d.owner_now,
                      &d.era_now_start, &d.published_day, &d.age,      &d.exempt_reason};
}

void encode_decision(std::string& out, const Decision& d) {
    for (const std::string* word : decision_words(d))
        put_field(out, *word);
    put_number(out, static_cast<std::int64_t>(d.notices.size()));
    for (const Notice& n : d.notices) {
        put_number(out, static_cast<int>(n.kind));
        for (const std::string* text : {&n.text, &n.lang, &n.link_url, &n.link_text})
            put_field(out, *text);
    }
}

void encode_error(std::string& out, const std::optional<Error>& e) {
    put_number(out, e ? 1 : 0);
    if (!e)
        return;
    put_field(out, e->path);
    put_number(out, e->line);
    put_number(out, e->column);
    put_field(out, e->message);
    put_field(out, e->source_line);
}

Status decode_error(FieldReader& in, std::optional<Error>& e) {
    std::int64_t present = 0, line = 0, column = 0;
    ARCHTAG_READ(present, in.number());
    if (!present)
        return ok();
    Error out;
    ARCHTAG_READ(out.path, in.field());
    ARCHTAG_READ(line, in.number());
    ARCHTAG_READ(column, in.number());
    ARCHTAG_READ(out.message, in.field());
    ARCHTAG_READ(out.source_line, in.field());
    out.line = static_cast<int>(line);
    out.column = static_cast<int>(column);
    e = std::move(out);
    return ok();
}

}  // namespace

void encode_result(std::string& out, const ArticleResult& r) {
    put_field(out, r.path);
    put_number(out, r.format ? static_cast<int>(*r.format) : -1);
    put_field(out, r.policy);
    put_field(out, r.publication);
    const ArticleMeta* m = r.meta ? &*r.meta : nullptr;
    put_field(out, m ? m->title : "");
    put_field(out, m && m->published ? m->published->iso() : "");
    put_field(out, m ? m->published_source : "");
    put_number(out, m ? static_cast<int>(m->published_confidence) : 0);
    encode_decision(out, r.decision);
    put_number(out, static_cast<std::int64_t>(r.plan.changes.size()));
    for (const StampChange& c : r.plan.changes) {
        put_number(out, static_cast<int>(c.kind));
        put_number(out, static_cast<int>(c.change));
        put_field(out, c.text);
    }
    put_number(out, static_cast<std::int64_t>(r.decision.flags.size()));
    for (const Flag& f : r.decision.flags) {
        put_number(out, static_cast<int>(f.level));
        put_field(out, f.code);
        put_field(out, f.message);
    }
    put_number(out, static_cast<std::int64_t>(r.plan.edits.size()));
    for (const Edit& e : r.plan.edits) {
        put_number(out, static_cast<std::int64_t>(e.offset));
        put_number(out, static_cast<std::int64_t>(e.length));
        put_field(out, e.text);
    }
    encode_error(out, r.error);
    put_field(out, r.diff);
    put_number(out, r.written ? 1 : 0);
}

namespace {

Status decode_changes(FieldReader& in, Plan& plan) {
    std::int64_t count = 0;
    ARCHTAG_READ(count, in.number());
    for (std::int64_t i = 0; i < count; ++i) {
        StampChange c;
        ARCHTAG_READ(c.kind, in.enumerator<NoticeKind>(static_cast<int>(NoticeKind::age)));
        ARCHTAG_READ(c.change, in.enumerator<Change>(static_cast<int>(Change::keep)));
        ARCHTAG_READ(c.text, in.field());
        plan.changes.push_back(std::move(c));
    }
    return ok();
}

Status decode_edits(FieldReader& in, std::vector<Edit>& edits) {
    std::int64_t count = 0;
    ARCHTAG_READ(count, in.number());
    for (std::int64_t i = 0; i < count; ++i) {
        Edit e;
        std::int64_t offset = 0, length = 0;
        ARCHTAG_READ(offset, in.number());
        ARCHTAG_READ(length, in.number());
        ARCHTAG_READ(e.text, in.field());
        if (offset < 0 || length < 0)
            return fail(make_error("", "an edit has a negative offset or length"));
        e.offset = static_cast<std::size_t>(offset);
        e.length = static_cast<std::size_t>(length);
        edits.push_back(std::move(e));
    }
    return ok();
}

Status decode_flags(FieldReader& in, std::vector<Flag>& flags) {
    std::int64_t count = 0;
    ARCHTAG_READ(count, in.number());
    for (std::int64_t i = 0; i < count; ++i) {
        Flag f;
        ARCHTAG_READ(f.level, in.enumerator<FlagLevel>(static_cast<int>(FlagLevel::error)));
        ARCHTAG_READ(f.code, in.field());
        ARCHTAG_READ(f.message, in.field());
        flags.push_back(std::move(f));
    }
    return ok();
}

Status decode_notices(FieldReader& in, std::vector<Notice>& notices) {
    std::int64_t count = 0;
    ARCHTAG_READ(count, in.number());
    for (std::int64_t i = 0; i < count; ++i) {
        Notice n;
        ARCHTAG_READ(n.kind, in.enumerator<NoticeKind>(static_cast<int>(NoticeKind::age)));
        for (std::string* text : {&n.text, &n.lang, &n.link_url, &n.link_text})
            ARCHTAG_READ(*text, in.field());
        notices.push_back(std::move(n));
    }
    return ok();
}

Status decode_meta(FieldReader& in, ArticleResult& r) {
    ArticleMeta m;
    std::string published;
    ARCHTAG_READ(m.title, in.field());
    ARCHTAG_READ(published, in.field());
    ARCHTAG_READ(m.published_source, in.field());
    ARCHTAG_READ(m.published_confidence,
                 in.enumerator<Confidence>(static_cast<int>(Confidence::high)));
    if (!published.empty()) {
        auto ts = parse_timestamp(published);
        if (!ts)
            return fail(make_error("", fmt::format("'{}' is not a timestamp", published)));
        m.published = *ts;
    }
    m.path = r.path;
    if (r.format)
        m.format = *r.format;
    r.meta = std::move(m);
    return ok();
}

}  // namespace

Status decode_result(FieldReader& in, ArticleResult& r) {
    std::int64_t format = 0, written = 0;
    ARCHTAG_READ(r.path, in.field());
    ARCHTAG_READ(format, in.number());
    if (format < -1 || format > static_cast<int>(Format::xml))
        return fail(make_error("", fmt::format("{} is not a known format", format)));
    if (format >= 0)
        r.format = static_cast<Format>(format);
    ARCHTAG_READ(r.policy, in.field());
    ARCHTAG_READ(r.publication, in.field());
    if (Status s = decode_meta(in, r); !s)
        return s;
    for (std::string* word : decision_words(r.decision))
        ARCHTAG_READ(*word, in.field());
    if (Status s = decode_notices(in, r.decision.notices); !s)
        return s;
    if (Status s = decode_changes(in, r.plan); !s)
        return s;
    if (Status s = decode_flags(in, r.decision.flags); !s)
        return s;
    if (Status s = decode_edits(in, r.plan.edits); !s)
        return s;
    if (Status s = decode_error(in, r.error); !s)
        return s;
    ARCHTAG_READ(r.diff, in.field());
    ARCHTAG_READ(written, in.number());
    r.written = written != 0;
    return ok();
}

}  // namespace archtag::app
