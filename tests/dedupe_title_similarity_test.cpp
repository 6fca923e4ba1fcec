#include "core/dedupe/title_similarity.hpp"

#include <gtest/gtest.h>

namespace refs::dedupe {
namespace {

TEST(TitleSimilarity, LevenshteinOverTheLongerTitle) {
  EXPECT_DOUBLE_EQ(title_similarity(U"abcdefghijklmnopqrst", U"abcdefghijklmnopqrst"), 1.0);
  EXPECT_DOUBLE_EQ(title_similarity(U"abcdefghijklmnopqrst", U"abcdefghijklmnopqrsx"), 0.95);
  EXPECT_DOUBLE_EQ(title_similarity(U"abcdefghijklmnopqrst", U"abcdefghijklmnopqrs"), 0.95);
  EXPECT_DOUBLE_EQ(title_similarity(U"abcdefghijklmnopqrst", U"abcdefghijklmnopqxyz"), 0.0);
  EXPECT_DOUBLE_EQ(title_similarity(U"abcdefghijklmnopqrst", U"abcdefghijklmnopqxyz", 0.5), 0.85);
  EXPECT_DOUBLE_EQ(title_similarity(U"kitten", U"sitting", 0.0), 1.0 - 3.0 / 7.0);
  EXPECT_DOUBLE_EQ(title_similarity(U"", U"", 0.0), 1.0);
}

} // namespace
} // namespace refs::dedupe
