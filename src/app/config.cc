#include "app/config.h"

#include <fmt/format.h>
#include <tinyxml2.h>

#include <boost/filesystem.hpp>

#include "util/file.h"
#include "util/strings.h"

namespace archtag::app {

namespace {

namespace fs = boost::filesystem;

Error error_at(const std::string& path, std::string_view xml, int line, std::string_view needle,
               std::string message) {
    std::string text = line_of(xml, line);
    std::size_t col = needle.empty() ? std::string::npos : text.find(needle);
    return make_error_at(path, line, col == std::string::npos ? 1 : static_cast<int>(col) + 1,
                         std::move(message), text);
}

std::string relative_to(const std::string& config_path, const std::string& value) {
    fs::path p(value);
    if (p.is_absolute())
        return value;
    return (fs::path(config_path).parent_path() / p).lexically_normal().string();
}

// <hook mode="check|fix" protect="refs/heads/main refs/heads/published"/>
Status read_hook(const tinyxml2::XMLElement* e, const std::string& path, std::string_view xml,
                 Config& c) {
    if (const char* mode = e->Attribute("mode")) {
        std::string m = mode;
        if (m != "check" && m != "fix")
            return fail(error_at(path, xml, e->GetLineNum(), "mode",
                                 fmt::format("<hook mode=\"{}\"> is not a mode (expected check, "
                                             "which refuses the commit, or fix, which stamps the "
                                             "staged articles)",
                                             m)));
        c.hook_mode = m == "fix" ? HookMode::fix : HookMode::check;
    }
    if (const char* protect = e->Attribute("protect")) {
        for (const std::string& ref : split_words(protect)) {
            if (ref.rfind("refs/heads/", 0) != 0)
                return fail(
                    error_at(path, xml, e->GetLineNum(), "protect",
                             fmt::format("<hook protect> names branches as refs/heads/NAME, "
                                         "not '{}'",
                                         ref)));
            c.protect.push_back(ref);
        }
    }
    return ok();
}

Status read_entry(const tinyxml2::XMLElement* e, const std::string& path, std::string_view xml,
                  Config& c) {
    static const std::vector<std::string> k_known{"policies", "rules", "include", "exclude",
                                                  "hook"};
    std::string name = e->Name();
    if (name == "hook")
        return read_hook(e, path, xml, c);
    if (name == "policies" || name == "rules") {
        const char* value = e->Attribute("path");
        if (!value)
            return fail(
                error_at(path, xml, e->GetLineNum(), "<" + name,
                         fmt::format("<{}> needs a path attribute (a file or directory)", name)));
        (name == "policies" ? c.policy_paths : c.rules_paths).push_back(relative_to(path, value));
        return ok();
    }
    if (name == "include" || name == "exclude") {
        const char* value = e->Attribute("glob");
        if (!value)
            return fail(error_at(path, xml, e->GetLineNum(), "<" + name,
                                 fmt::format("<{}> needs a glob attribute", name)));
        (name == "include" ? c.include : c.exclude).push_back(value);
        return ok();
    }
    std::string hint = closest_match(name, k_known);
    return fail(error_at(
        path, xml, e->GetLineNum(), "<" + name,
        fmt::format("unknown element <{}> in <archtag>{}", name,
                    hint.empty() ? " (expected <policies>, <rules>, <include>, <exclude> or <hook>)"
                                 : fmt::format(" (did you mean <{}>?)", hint))));
}

}  // namespace

Expected<Config> parse_config(std::string_view xml, const std::string& path) {
    tinyxml2::XMLDocument doc;
    if (doc.Parse(xml.data(), xml.size()) != tinyxml2::XML_SUCCESS) {
        int line = doc.ErrorLineNum();
        return fail(make_error_at(path, line, 1,
                                  fmt::format("not well-formed XML: {}", doc.ErrorName()),
                                  line_of(xml, line)));
    }
    const tinyxml2::XMLElement* root = doc.RootElement();
    if (!root || std::string(root->Name()) != "archtag")
        return fail(make_error(path, "expected <archtag> as the root element"));
    Config c;
    c.path = path;
    for (const auto* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
        Status s = read_entry(e, path, xml, c);
        if (!s)
            return fail(s.error());
    }
    return c;
}

Expected<Config> load_config(const std::string& path) {
    auto bytes = read_file(path, 1 << 20);
    if (!bytes)
        return fail(bytes.error());
    return parse_config(*bytes, path);
}

}  // namespace archtag::app
