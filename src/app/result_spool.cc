#include "app/result_spool.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "app/result_codec.h"

namespace archtag::app {

namespace {

Error spool_error(const char* what) {
    return make_error(
        "", fmt::format("temporary file for the report: {}: {}", what, std::strerror(errno)));
}

}  // namespace

Expected<ResultSpool> ResultSpool::create() {
    std::FILE* f = std::tmpfile();
    if (!f)
        return fail(spool_error("cannot create"));
    return ResultSpool(f);
}

Status ResultSpool::add(const ArticleResult& r) {
    m_record.clear();
    encode_result(m_record, r);
    std::string head = fmt::format("{}:", m_record.size());
    if (std::fwrite(head.data(), 1, head.size(), m_file.get()) != head.size() ||
        std::fwrite(m_record.data(), 1, m_record.size(), m_file.get()) != m_record.size())
        return fail(spool_error("cannot write"));
    ++m_count;
    return ok();
}

Status ResultSpool::replay(const std::function<void(ArticleResult&)>& each) {
    if (std::fflush(m_file.get()) != 0 || std::fseek(m_file.get(), 0, SEEK_SET) != 0)
        return fail(spool_error("cannot read"));
    std::string record;
    for (std::size_t i = 0; i < m_count; ++i) {
        unsigned long long length = 0;
        if (std::fscanf(m_file.get(), "%llu:", &length) != 1)
            return fail(spool_error("cannot read"));
        record.resize(static_cast<std::size_t>(length));
        if (std::fread(record.data(), 1, record.size(), m_file.get()) != record.size())
            return fail(spool_error("cannot read"));
        FieldReader in(record);
        ArticleResult r;
        if (Status s = decode_result(in, r); !s)
            return fail(
                make_error("", "temporary file for the report is damaged: " + s.error().message));
        each(r);
    }
    return ok();
}

}  // namespace archtag::app
