#pragma once
// Stamps: archtag's notices written into an article as delimited, versioned
// regions that archtag can find again, replace and remove. The exact markers
// and which bytes each stamp owns are documented in docs/stamp-format.md.
// Everything here is pure: bytes in, edits out.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/article_meta.h"
#include "model/decision.h"
#include "model/notice.h"
#include "model/policy.h"
#include "util/expected.h"

namespace archtag::stamp {

struct FoundStamp {
    NoticeKind kind = NoticeKind::archival;
    std::size_t begin = 0;  // the byte region [begin, end) belongs to archtag:
    std::size_t end = 0;    // removing it gives the bytes before stamping
    int version = 1;
    std::string region;  // the bytes of [begin, end)
    std::string text;    // the notice as a reader sees it (escapes undone)
    int line = 0;        // 1-based line of the stamp's marker
};

// Finds archtag's stamps in a file, in byte order. Malformed stamps (a begin
// marker without its end, an end marker without its begin, two stamps of one
// kind, an unknown version) are an Error with line and column; the path is
// left empty for the caller to fill in.
Expected<std::vector<FoundStamp>> find(std::string_view bytes, const DocumentLayout& layout,
                                       const Placement& placement);

// The edits that make `bytes` carry exactly `notices` (at most one per kind)
// where `placement` says, plus one StampChange per kind present before or
// after, archival first. No edits when the file already agrees.
Expected<Plan> plan(std::string_view bytes, const DocumentLayout& layout,
                    const std::vector<Notice>& notices, const Placement& placement);

// Removes every archtag stamp; every change is `remove`.
Expected<Plan> plan_unstamp(std::string_view bytes, const DocumentLayout& layout,
                            const Placement& placement);

}  // namespace archtag::stamp
