#include "core/key/citation_key.hpp"

#include <gtest/gtest.h>

namespace refs::key {
namespace {

model::Citation citation(std::vector<model::Person> authors, int year, std::string title,
                         std::string site = "") {
  model::Citation c;
  c.authors = std::move(authors);
  c.issued.year = year;
  c.title = std::move(title);
  c.container_title = std::move(site);
  return c;
}

TEST(CitationKey, FamilyYearFirstWord) {
  const KeyMaker keys;
  EXPECT_EQ(keys.base_key(citation({{"Peng", "Bowen", ""}}, 2023, "YaRN: Efficient Context Window Extension")),
            "peng2023yarn");
  EXPECT_EQ(keys.base_key(citation({{"Vaswani", "Ashish", ""}}, 2017, "Attention Is All You Need")),
            "vaswani2017attention");
  EXPECT_EQ(keys.base_key(citation({{"O'Brien", "", ""}}, 2020, "The Art of the Deal")), "obrien2020art");
}

TEST(CitationKey, StopwordsAndNumbersAreSkipped) {
  const KeyMaker keys;
  EXPECT_EQ(keys.base_key(citation({{"Smith", "", ""}}, 2021, "On the 3 Body Problem")), "smith2021body");
  EXPECT_EQ(keys.base_key(citation({{"Smith", "", ""}}, 2021, "A Study")), "smith2021study");
}

TEST(CitationKey, SiteStandsInWithoutAuthorAndNoYearNoDigits) {
  const KeyMaker keys;
  EXPECT_EQ(keys.base_key(citation({}, 2023, "California sidelines GM Cruise", "Reuters")), "reuters2023california");
  EXPECT_EQ(keys.base_key(citation({}, 0, "How to Visualize", "neptune.ai")), "neptuneaivisualize");
  EXPECT_EQ(keys.base_key(citation({}, 2023, "Executive Order", "The White House")), "whitehouse2023executive");
  EXPECT_EQ(keys.base_key(citation({}, 0, "")), "anon");
}

TEST(CitationKey, TransliteratesLatinGreekCyrillic) {
  const KeyMaker keys;
  EXPECT_EQ(keys.base_key(citation({{"Müller", "Jürgen", ""}}, 2019, "Über Straßen")), "muller2019uber");
  EXPECT_EQ(keys.base_key(citation({{"Παπαδόπουλος", "", ""}}, 2020, "Θεωρία")), "papadopoulos2020theoria");
  EXPECT_EQ(keys.base_key(citation({{"Иванов", "", ""}}, 2018, "Теория чисел")), "ivanov2018teoria");
}

TEST(CitationKey, HanHangulKanaAreNotRomanised) {
  const KeyMaker keys;
  EXPECT_EQ(keys.base_key(citation({{"김", "철수", ""}}, 2023, "인공지능 트렌드", "Naver")), "naver2023");
  EXPECT_EQ(keys.base_key(citation({}, 2023, "2023 AI 기술 트렌드", "Tistory")), "tistory2023ai");
  EXPECT_EQ(keys.base_key(citation({{"山田", "", ""}}, 2022, "東京の研究", "Example")), "example2022");
}

TEST(CitationKey, ClashSuffixes) {
  EXPECT_EQ(with_suffix("peng2023yarn", 0), "peng2023yarn");
  EXPECT_EQ(with_suffix("peng2023yarn", 1), "peng2023yarna");
  EXPECT_EQ(with_suffix("peng2023yarn", 26), "peng2023yarnz");
  EXPECT_EQ(with_suffix("peng2023yarn", 27), "peng2023yarnaa");
}

} // namespace
} // namespace refs::key
