#include "tests/support/corpus_accuracy.hpp"

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

// The hand-labelled pages of tests/fixtures/corpus (labelled by reading
// them, before the extractor ran on them). The floors are what the
// extractor reached when they were set; a change that loses a page fails
// here, and `build/tests/bench/accuracy_bench tests/fixtures/corpus` lists
// every miss.
TEST(WebAccuracy, LabelledCorpusStaysAtLeastThisRight) {
  const auto scores = score_corpus(std::string(REFS_SOURCE_DIR) + "/tests/fixtures/corpus");
  ASSERT_EQ(scores.size(), 4u);
  const int floors[] = {38, 30, 30, 31};
  for (std::size_t i = 0; i < scores.size(); ++i) {
    EXPECT_EQ(scores[i].total, 40) << scores[i].field;
    EXPECT_GE(scores[i].right, floors[i]) << scores[i].field << ": " << ::testing::PrintToString(scores[i].misses);
  }
}

} // namespace
} // namespace refs::testing
