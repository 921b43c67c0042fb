#include "policy/claim.h"

#include <algorithm>

#include "util/glob.h"
#include "util/strings.h"

namespace archtag::policy {

namespace {

bool field_has_value(const FieldMap& fields, const std::string& key,
                     const std::vector<std::string>& wanted) {
    auto it = fields.find(key);
    if (it == fields.end())
        return false;
    for (const FieldValue& v : it->second)
        for (const std::string& w : wanted)
            if (iequals(trim(v.value), trim(w)))
                return true;
    return false;
}

// The recognition key itself, and for "publication" every key the policy reads
// the publication from (an archive may call it "brand" or "site").
std::vector<std::string> keys_for(const Policy& p, const std::string& key) {
    std::vector<std::string> keys{key};
    if (key == "publication")
        for (const std::string& k : p.fields.publication)
            if (k != key)
                keys.push_back(k);
    return keys;
}

bool recognizes(const Policy& p, std::string_view path, const FieldMap& fields) {
    for (const FieldMatch& m : p.recognition.fields)
        for (const std::string& key : keys_for(p, m.key))
            if (field_has_value(fields, key, m.values))
                return true;
    return std::any_of(p.recognition.paths.begin(), p.recognition.paths.end(),
                       [&](const std::string& glob) { return glob_match(glob, path); });
}

}  // namespace

const Policy* claim(const std::vector<Policy>& policies, std::string_view path,
                    const FieldMap& fields, bool* ambiguous) {
    if (ambiguous)
        *ambiguous = false;
    if (policies.size() == 1)
        return &policies.front();
    const Policy* found = nullptr;
    for (const Policy& p : policies) {
        if (!recognizes(p, path, fields))
            continue;
        if (found) {
            if (ambiguous)
                *ambiguous = true;
            break;
        }
        found = &p;
    }
    return found;
}

}  // namespace archtag::policy
