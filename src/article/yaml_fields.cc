// YAML front matter through yaml-cpp.
#include <yaml-cpp/yaml.h>

#include "article/field_readers.h"

namespace archtag::article {

namespace {

class YamlFlattener {
  public:
    YamlFlattener(const FrontMatterText& fm, FieldMap& out) : m_fm(fm), m_out(out) {}

    // Values of `key`; maps nest their keys under it, sequences add items.
    Status add(const std::string& key, const YAML::Node& node, int depth) {
        if (depth > k_max_depth)
            return fail(too_deep(node));
        m_out[key];  // present even when null or empty
        switch (node.Type()) {
            case YAML::NodeType::Scalar:
                m_out[key].push_back({node.Scalar(), line_of_node(node)});
                return ok();
            case YAML::NodeType::Sequence:
                for (const YAML::Node& item : node) {
                    Status s = add(key, item, depth + 1);
                    if (!s)
                        return s;
                }
                return ok();
            case YAML::NodeType::Map:
                return add_map(key, node, depth + 1);
            default:
                return ok();
        }
    }

    Status add_map(const std::string& prefix, const YAML::Node& map, int depth) {
        for (const auto& entry : map) {
            // Complex keys ({a: b}: c) name nothing a mapping could ask for.
            if (!entry.first.IsScalar())
                continue;
            Status s = add(join_key(prefix, entry.first.Scalar()), entry.second, depth);
            if (!s)
                return s;
        }
        return ok();
    }

  private:
    int line_of_node(const YAML::Node& node) const {
        const YAML::Mark mark = node.Mark();
        return mark.is_null() ? 0 : m_fm.first_line + mark.line;
    }

    Error too_deep(const YAML::Node& node) const {
        const YAML::Mark mark = node.Mark();
        return front_matter_error(m_fm, mark.is_null() ? 0 : mark.line + 1, mark.column + 1,
                                  "YAML front matter nests too deeply");
    }

    const FrontMatterText& m_fm;
    FieldMap& m_out;
};

std::string_view type_name(YAML::NodeType::value type) {
    return type == YAML::NodeType::Sequence ? "a list" : "a single value";
}

}  // namespace

Expected<FieldMap> read_yaml_fields(const FrontMatterText& fm) {
    try {
        // yaml-cpp accepts a quoted scalar left open at the end of its input
        // (it swallows the keys that follow); an explicit document end makes
        // it report the missing quote instead.
        std::string text(fm.content);
        if (!text.empty() && text.back() != '\n')
            text += '\n';
        text += "...\n";
        YAML::Node root = YAML::Load(text);
        FieldMap fields;
        if (root.IsNull())
            return fields;
        if (!root.IsMap()) {
            const YAML::Mark mark = root.Mark();
            return fail(
                front_matter_error(fm, mark.is_null() ? 0 : mark.line + 1, mark.column + 1,
                                   "YAML front matter must be a mapping of keys to values, found " +
                                       std::string(type_name(root.Type()))));
        }
        Status s = YamlFlattener(fm, fields).add_map("", root, 0);
        if (!s)
            return fail(s.error());
        return fields;
    } catch (const YAML::Exception& e) {
        int line = e.mark.is_null() ? 0 : e.mark.line + 1;
        if (e.msg == YAML::ErrorMsg::DOC_IN_SCALAR)
            return fail(
                front_matter_error(fm, line, 1,
                                   "invalid YAML front matter: a quoted value is not closed "
                                   "before the end of the front matter"));
        return fail(
            front_matter_error(fm, line, e.mark.column + 1, "invalid YAML front matter: " + e.msg));
    }
}

}  // namespace archtag::article
