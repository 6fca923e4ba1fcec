// The gates a published version must pass, the venue names readers know,
// and what applying a version changes (and undoing it restores).
#include "core/published/published_citation.hpp"
#include "core/published/venue_label.hpp"
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

TEST(PublishedVersion, AnIdentifierAndEveryGateConfirm) {
  const GateResult r = pass_gates(k_yarn, paper("YaRN: efficient context window extension of large language models.",
                                                {{"Peng", "Bowen", ""}}, 2024), true);
  EXPECT_EQ(r.standing, Standing::confirmed);
  EXPECT_EQ(r.why, "");
  // Found by a title search, the same version is a candidate only.
  EXPECT_EQ(pass_gates(k_yarn, paper(k_yarn.title, {{"Peng", "Bowen", ""}}, 2024), false).standing, Standing::candidate);
}

TEST(PublishedVersion, AWorkshopVersionIsACandidateEvenThroughAnIdentifier) {
  model::Citation workshop = paper(k_yarn.title, {{"Peng", "Bowen", ""}}, 2024);
  workshop.container_title = "ICLR 2024 Workshop on Mathematical and Empirical Understanding of Foundation Models";
  const GateResult r = pass_gates(k_yarn, workshop, true);
  EXPECT_EQ(r.standing, Standing::candidate);
  EXPECT_EQ(r.why, "a workshop version: cited only when accepted");
}

TEST(PublishedVersion, AnotherWorkFailsAGate) {
  // "Deep Learning": the same title by other authors, or years before.
  const model::Citation deep = paper("Deep Learning", {{"Sato", "Kenji", ""}}, 2023);
  EXPECT_EQ(pass_gates(deep, paper("Deep Learning", {{"LeCun", "Yann", ""}}, 2023), true).why, "no author named Sato");
  EXPECT_EQ(pass_gates(deep, paper("Deep Learning", {{"Sato", "Kenji", ""}}, 2015), true).why,
            "published in 2015, before the preprint (2023)");
  // The same authors, another title: refused from a search, a candidate
  // through an identifier (a title may change between versions).
  const model::Citation other = paper("YaRN 2: Longer Context Windows for Large Language Models", {{"Peng", "Bowen", ""}}, 2024);
  EXPECT_EQ(pass_gates(k_yarn, other, false).standing, Standing::refused);
  const GateResult changed = pass_gates(k_yarn, other, true);
  EXPECT_EQ(changed.standing, Standing::candidate);
  EXPECT_EQ(changed.why, "the title changed: \"YaRN 2: Longer Context Windows for Large Language Models\"");
  // A search hit without authors cannot be compared.
  EXPECT_EQ(pass_gates(k_yarn, paper(k_yarn.title, {}, 2024), false).why, "no authors to compare");
}

TEST(PublishedVersion, TyposAndNameOrderDoNotRefuse) {
  const GateResult typo = pass_gates(paper("Optimisation of Sparse Attention Kernels", {{"Kim", "Minji", ""}}, 2023),
                                     paper("Optimization of Sparse Attention Kernels", {{"Minji", "Kim", ""}}, 2023), true);
  EXPECT_EQ(typo.standing, Standing::confirmed); // one typo; a family-first name read the other way round
  EXPECT_EQ(pass_gates(paper("GPT-4 Technical Report", {{"Kim", "Minji", ""}}, 2023),
                       paper("GPT-3 Technical Report", {{"Kim", "Minji", ""}}, 2023), true).standing,
            Standing::candidate); // another number is another title
}

TEST(PublishedVersion, VenuesAreNamedAsReadersKnowThem) {
  EXPECT_EQ(venue_short_name("The Twelfth International Conference on Learning Representations, ICLR 2024, Vienna, Austria, May 7-11, 2024", {}),
            "ICLR");
  EXPECT_EQ(venue_short_name("Advances in Neural Information Processing Systems 36: Annual Conference on Neural Information Processing "
                             "Systems 2023, NeurIPS 2023, New Orleans, LA, USA, December 10 - 16, 2023", {}),
            "NeurIPS");
  EXPECT_EQ(venue_short_name("2023 IEEE/CVF International Conference on Computer Vision (ICCV)", {}), "ICCV");
  EXPECT_EQ(venue_short_name("ICLR 2024 Workshop on Large Language Model (LLM) Agents", {}), "");
  EXPECT_EQ(venue_short_name("Nature", {"Nat", "NATURE JOURNAL", "NJ"}), "NJ");
  model::Citation c;
  c.container_title = "The Twelfth International Conference on Learning Representations, ICLR 2024, Vienna, Austria, May 7-11, 2024";
  c.container_title_short = "ICLR";
  c.issued.year = 2024;
  EXPECT_EQ(venue_label(c), "ICLR 2024");
  c.container_title = "NeurIPS 2023 Workshop on Instruction Tuning";
  c.container_title_short = "NeurIPS";
  c.issued.year = 2023;
  EXPECT_EQ(venue_label(c), "NeurIPS 2023 workshop");
  c.container_title_short = "";
  EXPECT_EQ(venue_label(c), "NeurIPS 2023 Workshop on Instruction Tuning");
  c.container_title = "Transactions on Machine Learning Research";
  c.issued.year = 2024;
  EXPECT_EQ(venue_label(c), "Transactions on Machine Learning Research 2024");
}

TEST(PublishedVersion, ApplyingTakesTheVenueAndUndoingGivesItBack) {
  model::Citation preprint = k_yarn;
  preprint.type = "article";
  preprint.publisher = "arXiv";
  preprint.number = "arXiv:2309.00071";
  preprint.doi = "10.48550/arXiv.2309.00071";
  preprint.journal_ref = "ICLR 2024";
  preprint.ids = {{model::IdKind::arxiv, "2309.00071"}};
  for (const char* f : {"type", "title", "author", "issued", "publisher", "number", "DOI", "journal-ref"}) {
    preprint.sources[f] = "arxiv";
  }
  model::Citation version = paper("YaRN: Efficient Context Window Extension of Large Language Models", {{"Peng", "Bowen", ""}}, 2024);
  version.type = "paper-conference";
  version.container_title = "ICLR 2024";
  version.container_title_short = "ICLR";
  version.page = "1-20";
  version.doi = "10.5555/yarn";
  const model::Citation applied = with_published_version(preprint, version);
  EXPECT_EQ(applied.type, "paper-conference");
  EXPECT_EQ(applied.container_title, "ICLR 2024");
  EXPECT_EQ(applied.issued.year, 2024);
  EXPECT_EQ(applied.page, "1-20");
  EXPECT_EQ(applied.publisher, ""); // arXiv is not the version's publisher
  EXPECT_EQ(applied.number, "");
  EXPECT_EQ(applied.doi, "10.5555/yarn");
  EXPECT_EQ(applied.sources.at("publisher"), "published");
  EXPECT_EQ(applied.authors, preprint.authors); // the version lists fewer: more than case differs
  EXPECT_EQ(applied.ids, (std::vector<model::WorkId>{{model::IdKind::arxiv, "2309.00071"}, {model::IdKind::doi, "10.5555/yarn"}}));
  EXPECT_EQ(changed_fields(preprint, applied),
            (std::vector<std::string>{"type", "issued", "container-title", "container-title-short", "volume", "issue", "page", "publisher",
                                      "number", "DOI"})); // volume and issue: cleared, the version has none

  // Learned since: another URL; undone, it stays, and the rest is as before.
  model::Citation later = applied;
  later.ids.push_back({model::IdKind::url, "https://arxiv.org/pdf/2309.00071"});
  const model::Citation undone = without_published_version(later, preprint, applied);
  model::Citation expected = preprint;
  expected.ids.push_back({model::IdKind::url, "https://arxiv.org/pdf/2309.00071"});
  EXPECT_EQ(undone, expected);
}

} // namespace
} // namespace refs::published
