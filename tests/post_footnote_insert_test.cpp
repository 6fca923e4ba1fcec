#include "core/post/footnote_insert.hpp"

#include <gtest/gtest.h>

namespace refs::post {
namespace {

std::string insert(std::string_view text, const std::vector<TextEdit>& edits, const std::vector<std::string>& defs) {
  return insert_footnotes(text, read_footnotes(text, "p.md"), edits, defs);
}

TEST(FootnoteInsert, EditsAreAppliedAndEveryOtherByteKept) {
  EXPECT_EQ(insert("\xEF\xBB\xBFOne [@a] two [@b].\r\n", {{7, 4, "X"}, {16, 4, "Y"}}, {}),
            "\xEF\xBB\xBFOne X two Y.\r\n");
}

TEST(FootnoteInsert, DefinitionsFollowThePostsLayout) {
  // No footnotes yet: a blank line before and between.
  EXPECT_EQ(insert("Text[^a].\n", {}, {"[^a]: A", "[^b]: B"}), "Text[^a].\n\n[^a]: A\n\n[^b]: B\n");
  // Packed definitions stay packed; spaced ones stay spaced.
  EXPECT_EQ(insert("T[^x][^y]\n\n[^x]: X\n[^y]: Y\n", {}, {"[^a]: A", "[^b]: B"}),
            "T[^x][^y]\n\n[^x]: X\n[^y]: Y\n[^a]: A\n[^b]: B\n");
  EXPECT_EQ(insert("T[^x][^y]\n\n[^x]: X\n\n[^y]: Y\n", {}, {"[^a]: A"}), "T[^x][^y]\n\n[^x]: X\n\n[^y]: Y\n\n[^a]: A\n");
  // Packed definitions followed by prose: a blank line first.
  EXPECT_EQ(insert("T[^x][^y]\n\n[^x]: X\n[^y]: Y\n\nMore.\n", {}, {"[^a]: A"}),
            "T[^x][^y]\n\n[^x]: X\n[^y]: Y\n\nMore.\n\n[^a]: A\n");
}

TEST(FootnoteInsert, LineEndsAndAMissingLastEnd) {
  EXPECT_EQ(insert("Text\r\nmore", {}, {"[^a]: A"}), "Text\r\nmore\r\n\r\n[^a]: A\r\n");
  EXPECT_EQ(insert("Text\n\n\n", {}, {"[^a]: A"}), "Text\n\n\n[^a]: A\n");
  EXPECT_EQ(insert("", {}, {"[^a]: A"}), "[^a]: A\n");
}

} // namespace
} // namespace refs::post
