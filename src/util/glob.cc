#include "util/glob.h"

namespace archtag {

namespace {

enum class Segments { yes, no };

// Matches a bracket set starting at p[0] == '['; advances p past it.
bool match_set(std::string_view& p, char c, bool& valid) {
    std::size_t i = 1;
    bool negate = i < p.size() && (p[i] == '!' || p[i] == '^');
    if (negate)
        ++i;
    bool matched = false;
    bool first = true;
    while (i < p.size() && (p[i] != ']' || first)) {
        first = false;
        char lo = p[i];
        char hi = lo;
        if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
            hi = p[i + 2];
            i += 2;
        }
        if (lo <= c && c <= hi)
            matched = true;
        ++i;
    }
    valid = i < p.size();
    if (!valid)
        return false;
    p.remove_prefix(i + 1);
    return matched != negate;
}

// `segments`: yes for paths, where `*`, `?` and sets never match '/'.
bool match(std::string_view p, std::string_view s, Segments segments) {
    while (!p.empty()) {
        if (p.substr(0, 2) == "**") {
            std::string_view rest = p.substr(2);
            bool slash = !rest.empty() && rest.front() == '/';
            if (slash && match(rest.substr(1), s, segments))
                return true;  // "**/" matches nothing
            for (std::size_t i = 0; i <= s.size(); ++i)
                if (match(rest, s.substr(i), segments))
                    return true;
            return false;
        }
        char pc = p.front();
        if (pc == '*') {
            std::string_view rest = p.substr(1);
            for (std::size_t i = 0; i <= s.size(); ++i) {
                if (match(rest, s.substr(i), segments))
                    return true;
                if (i < s.size() && s[i] == '/' && segments == Segments::yes)
                    break;
            }
            return false;
        }
        if (s.empty())
            return false;
        if (pc == '?') {
            if (s.front() == '/' && segments == Segments::yes)
                return false;
            p.remove_prefix(1);
        } else if (pc == '[') {
            bool valid = true;
            std::string_view q = p;
            bool m = match_set(q, s.front(), valid);
            if (valid) {
                if (!m || (s.front() == '/' && segments == Segments::yes))
                    return false;
                p = q;
            } else {
                if (s.front() != '[')
                    return false;
                p.remove_prefix(1);
            }
        } else {
            if (pc == '\\' && p.size() > 1) {
                p.remove_prefix(1);
                pc = p.front();
            }
            if (pc != s.front())
                return false;
            p.remove_prefix(1);
        }
        s.remove_prefix(1);
    }
    return s.empty();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    if (pattern.find('/') == std::string_view::npos) {
        std::size_t slash = path.rfind('/');
        if (slash != std::string_view::npos)
            path.remove_prefix(slash + 1);
    } else if (!pattern.empty() && pattern.front() == '/') {
        pattern.remove_prefix(1);
    }
    return match(pattern, path, Segments::yes);
}

bool glob_match_text(std::string_view pattern, std::string_view text) {
    return match(pattern, text, Segments::no);
}

}  // namespace archtag
