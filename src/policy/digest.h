#pragma once
#include <string>
#include <string_view>

namespace archtag::policy {

// FNV-1a 64 of the bytes as 16 lower-case hex digits: enough to tell whether
// a policy file changed, not a security measure.
std::string digest(std::string_view bytes);

}  // namespace archtag::policy
