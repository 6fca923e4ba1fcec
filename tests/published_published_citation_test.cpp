// What applying a published version changes, and undoing it restores.
#include "core/published/published_citation.hpp"

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

TEST(PublishedPublishedCitation, ApplyingTakesTheVenueAndUndoingGivesItBack) {
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
  EXPECT_TRUE(changed_since(later, preprint, applied).empty()); // a new URL is no change to what the version set
  model::Citation corrected = later;
  corrected.page = "1-21";
  corrected.sources["page"] = "user";
  EXPECT_EQ(changed_since(corrected, preprint, applied), (std::vector<std::string>{"page"}));
  const model::Citation undone = without_published_version(later, preprint, applied);
  model::Citation expected = preprint;
  expected.ids.push_back({model::IdKind::url, "https://arxiv.org/pdf/2309.00071"});
  EXPECT_EQ(undone, expected);
}

} // namespace
} // namespace refs::published
