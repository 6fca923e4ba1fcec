#include "core/export/latex_ascii.hpp"

#include <gtest/gtest.h>

namespace refs::exporting {
namespace {

std::string ascii(std::string_view text) {
  std::vector<char32_t> unmapped;
  std::string out = to_latex_ascii(text, unmapped);
  EXPECT_TRUE(unmapped.empty()) << text;
  return out;
}

TEST(LatexAscii, AccentsAndSpecialLetters) {
  EXPECT_EQ(ascii("Müller"), "M{\\\"u}ller");
  EXPECT_EQ(ascii("José"), "Jos{\\'e}");
  EXPECT_EQ(ascii("Çelik"), "{\\c C}elik");
  EXPECT_EQ(ascii("naïve"), "na{\\\"\\i}ve");
  EXPECT_EQ(ascii("Dvořák"), "Dvo{\\v r}{\\'a}k");
  EXPECT_EQ(ascii("Łukasz Straße"), "{\\L}ukasz Stra{\\ss}e");
  EXPECT_EQ(ascii("Ångström"), "{\\AA}ngstr{\\\"o}m");
  EXPECT_EQ(ascii("Erdős"), "Erd{\\H o}s");
  EXPECT_EQ(ascii("Nguyễn"), "Nguy{\\~{\\^e}}n");
  EXPECT_EQ(ascii("pages 3–5 — “quoted” …"), "pages 3--5 --- ``quoted'' \\ldots{}");
  EXPECT_EQ(ascii("plain ASCII {\\textbraceleft{}}"), "plain ASCII {\\textbraceleft{}}");
}

TEST(LatexAscii, CharactersWithoutALatexFormAreKeptAndReported) {
  std::vector<char32_t> unmapped;
  EXPECT_EQ(to_latex_ascii("Kim 김 and Ж", unmapped), "Kim 김 and Ж");
  EXPECT_EQ(unmapped, (std::vector<char32_t>{U'김', U'Ж'}));
}

} // namespace
} // namespace refs::exporting
