#include "policy/load.h"

#include <fmt/format.h>
#include <tinyxml2.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>

#include "policy/digest.h"
#include "policy/policy_reader.h"
#include "policy/xml_files.h"
#include "util/file.h"

namespace archtag::policy {

namespace {

// Policy files are small; anything this big is not one.
constexpr std::uint64_t k_max_policy_bytes = 4 * 1024 * 1024;

struct Loaded {
    Policy policy;
    std::unique_ptr<const detail::XmlSource> source;
};

Expected<Loaded> load_source(std::string bytes, const std::string& path) {
    std::string policy_digest = digest(bytes);
    auto src = detail::XmlSource::parse(std::move(bytes), path);
    if (!src)
        return fail(src.error());
    auto policy = detail::read_policy(**src);
    if (!policy)
        return fail(policy.error());
    policy->digest = policy_digest;
    return Loaded{std::move(*policy), std::move(*src)};
}

}  // namespace

Expected<Policy> load_from_string(std::string_view xml, const std::string& path_for_errors) {
    auto loaded = load_source(std::string(xml), path_for_errors);
    if (!loaded)
        return fail(loaded.error());
    return std::move(loaded->policy);
}

Expected<std::vector<Policy>> load(const std::string& file_or_dir) {
    auto files = detail::xml_files(file_or_dir, "policy");
    if (!files)
        return fail(files.error());
    std::vector<Policy> policies;
    std::map<std::string, std::string> first_file_of_id;
    for (const std::string& file : *files) {
        auto bytes = read_file(file, k_max_policy_bytes);
        if (!bytes)
            return fail(bytes.error());
        auto loaded = load_source(std::move(*bytes), file);
        if (!loaded)
            return fail(loaded.error());
        auto [it, fresh] = first_file_of_id.emplace(loaded->policy.id, file);
        if (!fresh)
            return fail(loaded->source->at_attribute(
                loaded->source->root(), "id",
                fmt::format("duplicate policy id '{}' (already declared in {})", loaded->policy.id,
                            it->second)));
        policies.push_back(std::move(loaded->policy));
    }
    return policies;
}

}  // namespace archtag::policy
