#include "report/json_stream.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace archtag::report {

namespace {

using nlohmann::json;

// Streams `elements` as the array under "list" in {"a", "list", "z"}, the way
// the report writers do, for comparison with dumping the whole document.
std::string streamed(const std::vector<json>& elements, int indent) {
    json shell = {{"a", "</x>\n"}, {"list", json::array()}, {"z", {{"k", 1}}}};
    bool compact = indent < 0;
    std::string key = compact ? "\"list\":" : "\n  \"list\": ";
    JsonHalves halves = split_at_array(shell.dump(indent), key);
    std::ostringstream out;
    out << halves.head;
    JsonArrayWriter list(out, compact ? JsonArrayWriter::k_compact : 2);
    for (const json& e : elements)
        list.add(e.dump(indent));
    list.close();
    out << halves.tail;
    return out.str();
}

std::string dumped_whole(const std::vector<json>& elements, int indent) {
    json whole = {{"a", "</x>\n"}, {"list", elements}, {"z", {{"k", 1}}}};
    return whole.dump(indent);
}

std::vector<std::vector<json>> element_lists() {
    json nested = {{"path", "a\nb"}, {"flags", json::array()}, {"notices", {1, {{"x", 2}}}}};
    return {{}, {nested}, {nested, 2, "three", json::object(), json::array()}};
}

}  // namespace

TEST(JsonStream, IndentedArrayMatchesAWholeDump) {
    for (const auto& elements : element_lists())
        EXPECT_EQ(streamed(elements, 2), dumped_whole(elements, 2));
}

TEST(JsonStream, CompactArrayMatchesAWholeDump) {
    for (const auto& elements : element_lists())
        EXPECT_EQ(streamed(elements, -1), dumped_whole(elements, -1));
}

TEST(JsonStream, SplitCutsAroundThePlaceholder) {
    JsonHalves halves = split_at_array("{\n  \"a\": \"[]\",\n  \"b\": []\n}", "\n  \"b\": ");
    EXPECT_EQ(halves.head, "{\n  \"a\": \"[]\",\n  \"b\": ");
    EXPECT_EQ(halves.tail, "\n}");
}

}  // namespace archtag::report
