#pragma once
// A byte-exact scan of an XML document's markup. TinyXML-2 keeps neither
// byte offsets nor the original bytes, so this scanner finds where every
// element starts and ends in the file as it is on disk; the reader then pairs
// its elements with TinyXML-2's, which appear in the same document order.
//
// It is also the safety gate run before any parser sees the file: entity
// declarations and absurd nesting are refused here, without recursion.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace archtag::article::xml {

// TinyXML-2 9 refuses documents nested 99 elements deep (its compile-time
// TINYXML2_MAX_ELEMENT_DEPTH of 100 counts the document too), so the scanner
// draws the line there, with a message that says so.
inline constexpr int k_max_depth = 98;

struct ScannedElement {
    std::string name;  // as written, prefix included
    std::string id;    // the id attribute as written, or ""
    std::size_t open_begin = 0;
    std::size_t open_end = 0;
    std::size_t close_begin = 0;
    std::size_t close_end = 0;
    int depth = 0;  // 0 for the root element
};

enum class ScanProblemKind {
    none,
    unsafe,     // refused on purpose (entities, nesting); always reported
    malformed,  // not well-formed XML
};

struct ScanProblem {
    ScanProblemKind kind = ScanProblemKind::none;
    std::size_t offset = 0;  // where in the bytes
    std::string message;
};

struct ScanResult {
    // In document order of their start tags (the order of a pre-order walk).
    std::vector<ScannedElement> elements;
    ScanProblem problem;
    // The DOCTYPE declaration's byte span, or begin == end when there is none.
    std::size_t doctype_begin = 0;
    std::size_t doctype_end = 0;
};

// Scans `bytes` (UTF-8 or an ASCII-compatible single-byte encoding). Stops
// at the first problem, keeping what it found before it.
ScanResult scan_markup(std::string_view bytes);

}  // namespace archtag::article::xml
