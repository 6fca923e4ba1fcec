#include "cli/spelling.hpp"
#include "cli/table_printer.hpp"
#include "cli/terminal.hpp"

#include <gtest/gtest.h>

namespace refs::cli {
namespace {

TEST(Terminal, DisplayWidthCountsWideAndCombiningCharacters) {
  EXPECT_EQ(display_width("YaRN"), 4);
  EXPECT_EQ(display_width("인공지능"), 8);
  EXPECT_EQ(display_width("e\xCC\x81"), 1); // e + combining acute
  EXPECT_EQ(display_width("東京 AI"), 7);
}

TEST(Terminal, CutToWidthNeverSplitsACharacter) {
  EXPECT_EQ(cut_to_width("short", 10), "short");
  EXPECT_EQ(cut_to_width("Efficient Context", 10), "Efficient…");
  EXPECT_EQ(cut_to_width("인공지능 트렌드", 6), "인공…");
  EXPECT_EQ(cut_to_width("인공지능 트렌드", 7), "인공지…");
}

TEST(TablePrinter, AlignsColumnsByDisplayWidthAndCutsOnlyTheLast) {
  const std::vector<std::vector<std::string>> rows = {{"ref-1", "peng2023yarn", "YaRN: Efficient Context Window"},
                                                      {"참고-2", "naver2023", "인공지능 트렌드"}};
  EXPECT_EQ(format_table(rows, 0), "ref-1   peng2023yarn  YaRN: Efficient Context Window\n"
                                   "참고-2  naver2023     인공지능 트렌드\n");
  EXPECT_EQ(format_table(rows, 34), "ref-1   peng2023yarn  YaRN: Effic…\n"
                                    "참고-2  naver2023     인공지능 트…\n");
}

TEST(Spelling, SuggestsOnlyCloseCommands) {
  const std::string_view names[] = {"resolve", "list", "show", "export"};
  EXPECT_EQ(closest_spelling("exprot", names), "export");
  EXPECT_EQ(closest_spelling("lst", names), "list");
  EXPECT_EQ(closest_spelling("frobnicate", names), std::nullopt);
}

} // namespace
} // namespace refs::cli
