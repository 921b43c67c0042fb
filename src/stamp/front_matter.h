#pragma once
// Front-matter stamps: one line per notice in YAML or TOML front matter,
// one leading member in JSON front matter (docs/stamp-format.md).
#include <string>
#include <string_view>
#include <vector>

#include "stamp/dialect.h"

namespace archtag::stamp::detail {

struct FrontMatterKeys {
    std::string archival;
    std::string age;

    const std::string& of(NoticeKind kind) const {
        return kind == NoticeKind::archival ? archival : age;
    }
};

Expected<std::vector<Found>> find_front_matter_stamps(std::string_view bytes,
                                                      const DocumentLayout& layout,
                                                      const FrontMatterKeys& keys);
Status check_front_matter_key(std::string_view bytes, const DocumentLayout& layout,
                              const std::vector<Found>& found, const std::string& key);
Expected<std::size_t> front_matter_anchor(std::string_view original, const DocumentLayout& layout);
std::string render_front_matter_stamp(std::string_view original, const DocumentLayout& layout,
                                      const Notice& notice, const std::string& key, Slot slot);

}  // namespace archtag::stamp::detail
