#include "core/dedupe/folded_text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace refs::dedupe {
namespace {

TEST(FoldedText, UnicodeVariantsFoldToOneForm) {
  EXPECT_EQ(fold_letters("Ｅｆｆｉｃｉｅｎｔ ﬁne-tuning: “LLMs”"), fold_letters("efficient fine tuning LLMs"));
  EXPECT_EQ(to_utf8(fold_letters("Café Crème")), "cafecreme");
  EXPECT_EQ(to_utf8(fold_letters("Cafe\u0301")), "cafe");
  EXPECT_EQ(fold_letters("STRASSE"), fold_letters("Straße"));
  EXPECT_EQ(fold_letters("대규모 언어 모델"), fold_letters("대규모-언어-모델!"));
  EXPECT_EQ(fold_letters("GPT-4\u00a0Technical\u2014Report"), fold_letters("gpt 4 technical report"));
  EXPECT_EQ(to_utf8(fold_words("C++ vs. C#: “P = NP”?")), "c++ vs c# p = np");
  EXPECT_EQ(to_utf8(fold_words("Title | Site ~ x")), "title site x");
  EXPECT_TRUE(fold_letters(" -- !! ").empty());
}

TEST(FoldedText, NumbersOfATitle) {
  using V = std::vector<std::string>;
  EXPECT_EQ(title_numbers("GPT-4 Technical Report"), V{"4"});
  EXPECT_EQ(title_numbers("Llama 2: Open Foundation, Part II"), (V{"2", "2"}));
  EXPECT_EQ(title_numbers("The Second Edition, v03"), (V{"2", "3"}));
  EXPECT_EQ(title_numbers("Chapter XIV and Volume iii"), (V{"14", "3"}));
  EXPECT_EQ(title_numbers("Mix and civil matters"), V{});
  EXPECT_EQ(title_numbers("C and L, thirteen and zero"), (V{"13", "0"}));
  EXPECT_EQ(title_numbers("２０２３ report"), V{"2023"});
  EXPECT_EQ(title_numbers("AI 트렌드 2부"), V{"2"});
  EXPECT_EQ(title_numbers("MetNet-3 and Zero-shot"), (V{"3", "0"}));
}

} // namespace
} // namespace refs::dedupe
