#include "core/csl/person_name.hpp"
#include "core/resolve/doi.hpp"
#include "core/resolve/doi_csl.hpp"
#include "core/util/file.hpp"

#include <gtest/gtest.h>

namespace refs::resolve {
namespace {

TEST(DoiCsl, CrossrefFlavourBecomesCleanCsl) {
  auto text = util::read_file(std::string(REFS_SOURCE_DIR) + "/tests/fixtures/doi/csl_json_crossref_10.1126_science.169.3946.635.json");
  ASSERT_TRUE(text);
  auto c = parse_doi_csl(*text, "10.1126/science.169.3946.635");
  ASSERT_TRUE(c) << c.error();
  EXPECT_EQ(c->type, "article-journal");
  EXPECT_EQ(c->title, "The Structure of Ordinary Water");
  EXPECT_EQ(c->authors, (std::vector<model::Person>{{"Frank", "Henry S.", ""}}));
  EXPECT_EQ(c->issued, (model::Date{1970, 8, 14}));
  EXPECT_EQ(c->container_title, "Science");
  EXPECT_EQ(c->volume, "169");
  EXPECT_EQ(c->issue, "3946");
  EXPECT_EQ(c->page, "635-641");
  EXPECT_EQ(c->publisher, "American Association for the Advancement of Science (AAAS)");
  EXPECT_EQ(c->url, "https://doi.org/10.1126/science.169.3946.635");
  EXPECT_EQ(c->abstract.find('<'), std::string::npos);
  EXPECT_EQ(c->sources.at("title"), "doi");
}

TEST(DoiCsl, ArraysOrganisationsAndJunk) {
  auto c = parse_doi_csl(R"({"type":"proceedings-article","title":["A Title"],"container-title":["Proc. X"],
    "author":[{"name":"The ACME Consortium"},{"family":"Doe","given":"Jane"},{"given":"Nobody"}],
    "published-online":{"date-parts":[[2020,2]]}})", "10.1/x");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->type, "paper-conference");
  EXPECT_EQ(c->title, "A Title");
  EXPECT_EQ(c->container_title, "Proc. X");
  EXPECT_EQ(c->authors, (std::vector<model::Person>{{"", "", "The ACME Consortium"}, {"Doe", "Jane", ""}}));
  EXPECT_EQ(c->issued, (model::Date{2020, 2, 0}));
  EXPECT_EQ(parse_doi_csl("<html>", "10.1/x").error(), "the DOI's metadata is not CSL-JSON");
  EXPECT_EQ(parse_doi_csl("{}", "10.1/x").error(), "the DOI's metadata has no title");
}

TEST(DoiSource, PlansOneEscapedRequestPerDoi) {
  const auto doi = make_doi_resolver({});
  const std::vector<model::WorkId> ids = {{model::IdKind::doi, "10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0"}};
  const auto requests = doi->plan(ids);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].url, "https://doi.org/10.1002/%28sici%291097-4571%28199806%2949%3A8%3C693%3A%3Aaid-asi4%3E3.0.co%3B2-0");
  EXPECT_EQ(requests[0].headers, std::vector<std::string>{"Accept: application/vnd.citationstyles.csl+json"});
}

TEST(PersonName, GivenFamilyParticlesAndSuffixes) {
  EXPECT_EQ(csl::person_from_name("Bowen Peng"), (model::Person{"Peng", "Bowen", ""}));
  EXPECT_EQ(csl::person_from_name("Adrian  Del Maestro"), (model::Person{"Del Maestro", "Adrian", ""}));
  EXPECT_EQ(csl::person_from_name("Ludwig van Beethoven"), (model::Person{"van Beethoven", "Ludwig", ""}));
  EXPECT_EQ(csl::person_from_name("Martin Luther King Jr."), (model::Person{"King", "Martin Luther", "", "Jr."}));
  EXPECT_EQ(csl::person_from_name("Peng, Bowen"), (model::Person{"Peng", "Bowen", ""}));
  EXPECT_EQ(csl::person_from_name("Plato"), (model::Person{"Plato", "", ""}));
  EXPECT_EQ(csl::person_from_name("Microsoft Research AI4Science"), (model::Person{"", "", "Microsoft Research AI4Science"}));
  EXPECT_EQ(csl::person_from_name("The LIGO Scientific Collaboration"), (model::Person{"", "", "The LIGO Scientific Collaboration"}));
}

} // namespace
} // namespace refs::resolve
