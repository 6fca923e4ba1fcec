// The gates a published version must pass before it is proposed.
#include "core/published/version_gates.hpp"

#include <gtest/gtest.h>

namespace refs::published {
namespace {

model::Citation paper(const std::string& title, std::vector<model::Person> authors, int year) {
  model::Citation c;
  c.title = title;
  c.authors = std::move(authors);
  c.issued.year = year;
  return c;
}

const model::Citation k_yarn = paper("YaRN: Efficient Context Window Extension of Large Language Models",
                                     {{"Peng", "Bowen", ""}, {"Quesnelle", "Jeffrey", ""}}, 2023);

TEST(PublishedVersionGates, AnIdentifierAndEveryGateConfirm) {
  const GateResult r = pass_gates(k_yarn, paper("YaRN: efficient context window extension of large language models.",
                                                {{"Peng", "Bowen", ""}}, 2024), true);
  EXPECT_EQ(r.standing, Standing::confirmed);
  EXPECT_EQ(r.why, "");
  // Found by a title search, the same version is a candidate only.
  EXPECT_EQ(pass_gates(k_yarn, paper(k_yarn.title, {{"Peng", "Bowen", ""}}, 2024), false).standing, Standing::candidate);
}

TEST(PublishedVersionGates, AWorkshopVersionIsACandidateEvenThroughAnIdentifier) {
  model::Citation workshop = paper(k_yarn.title, {{"Peng", "Bowen", ""}}, 2024);
  workshop.container_title = "ICLR 2024 Workshop on Mathematical and Empirical Understanding of Foundation Models";
  const GateResult r = pass_gates(k_yarn, workshop, true);
  EXPECT_EQ(r.standing, Standing::candidate);
  EXPECT_EQ(r.why, "a workshop version: cited only when accepted");
}

TEST(PublishedVersionGates, AnotherWorkFailsAGate) {
  // "Deep Learning": the same title by other authors, or years before.
  const model::Citation deep = paper("Deep Learning", {{"Sato", "Kenji", ""}}, 2023);
  EXPECT_EQ(pass_gates(deep, paper("Deep Learning", {{"LeCun", "Yann", ""}}, 2023), true).why, "no author is Kenji Sato");
  // The search asked for the name, so a namesake is no evidence: the initial must agree too.
  EXPECT_EQ(pass_gates(deep, paper("Deep Learning", {{"Sato", "Taro", ""}}, 2023), false).why, "no author is Kenji Sato");
  EXPECT_EQ(pass_gates(deep, paper("Deep Learning", {{"Sato", "K.", ""}}, 2023), false).standing, Standing::candidate);
  EXPECT_EQ(pass_gates(deep, paper("Deep Learning", {{"Sato", "Kenji", ""}}, 2015), true).why,
            "published in 2015, before the preprint (2023)");
  // The same authors, another title: refused from a search, a candidate
  // through an identifier (a title may change between versions).
  const model::Citation other = paper("YaRN 2: Longer Context Windows for Large Language Models", {{"Peng", "Bowen", ""}}, 2024);
  EXPECT_EQ(pass_gates(k_yarn, other, false).standing, Standing::refused);
  const GateResult changed = pass_gates(k_yarn, other, true);
  EXPECT_EQ(changed.standing, Standing::candidate);
  EXPECT_EQ(changed.why, "the title changed: \"YaRN 2: Longer Context Windows for Large Language Models\"");
  // A preprint server's record, or a dataset, is never the published version.
  model::Citation ssrn = paper(k_yarn.title, {{"Peng", "Bowen", ""}}, 2024);
  ssrn.type = "article-journal";
  ssrn.doi = "10.2139/ssrn.4567890";
  EXPECT_EQ(pass_gates(k_yarn, ssrn, true).why, "its DOI 10.2139/ssrn.4567890 is a preprint server's");
  model::Citation dataset = paper(k_yarn.title, {{"Peng", "Bowen", ""}}, 2024);
  dataset.type = "dataset";
  EXPECT_EQ(pass_gates(k_yarn, dataset, true).why, "a dataset, not a published version");
  // A search hit without authors cannot be compared.
  EXPECT_EQ(pass_gates(k_yarn, paper(k_yarn.title, {}, 2024), false).why, "no authors to compare");
}

TEST(PublishedVersionGates, TyposAndNameOrderDoNotRefuse) {
  const GateResult typo = pass_gates(paper("Optimisation of Sparse Attention Kernels", {{"Kim", "Minji", ""}}, 2023),
                                     paper("Optimization of Sparse Attention Kernels", {{"Minji", "Kim", ""}}, 2023), true);
  EXPECT_EQ(typo.standing, Standing::confirmed); // one typo; a family-first name read the other way round
  EXPECT_EQ(pass_gates(paper("GPT-4 Technical Report", {{"Kim", "Minji", ""}}, 2023),
                       paper("GPT-3 Technical Report", {{"Kim", "Minji", ""}}, 2023), true).standing,
            Standing::candidate); // another number is another title
}

} // namespace
} // namespace refs::published
