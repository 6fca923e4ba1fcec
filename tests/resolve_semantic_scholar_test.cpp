// Semantic Scholar's batch answers, read for what each field says
// (tests/fixtures/published: shapes of real answers, SHAPES.md cites them).
#include "core/resolve/semantic_scholar.hpp"
#include "core/util/file.hpp"

#include <gtest/gtest.h>

namespace refs::resolve {
namespace {

std::string fixture(const std::string& name) {
  auto text = util::read_file(std::string(REFS_SOURCE_DIR) + "/tests/fixtures/published/" + name);
  EXPECT_TRUE(text.has_value()) << name;
  return text.value_or("");
}

TEST(ResolveSemanticScholar, TheBatchRequestPostsTheIdsAsJson) {
  const std::vector<std::string> ids = {"2309.00071", "2306.00984"};
  const http::Request r = scholar_batch_request(ids);
  EXPECT_EQ(r.url, "https://api.semanticscholar.org/graph/v1/paper/batch"
                   "?fields=title,authors,year,venue,publicationVenue,externalIds,publicationDate,journal");
  EXPECT_EQ(r.body, R"({"ids":["ARXIV:2309.00071","ARXIV:2306.00984"]})");
  EXPECT_EQ(r.body_type, "application/json");
  EXPECT_EQ(r.subjects, ids);
}

TEST(ResolveSemanticScholar, EachFieldOfABatchAnswerIsReadForWhatItIs) {
  const auto papers = read_scholar_batch(fixture("scholar_batch.json"), 4);
  ASSERT_TRUE(papers) << papers.error();
  ASSERT_EQ(papers->size(), 4u);
  const ScholarPaper& yarn = *(*papers)[0];
  EXPECT_EQ(yarn.title, "YaRN: Efficient Context Window Extension of Large Language Models");
  EXPECT_EQ(yarn.authors.size(), 4u);
  EXPECT_EQ(yarn.authors[0].family, "Peng");
  EXPECT_EQ(yarn.year, 2023); // the preprint's, not ICLR 2024
  EXPECT_EQ(yarn.venue_name, "International Conference on Learning Representations");
  EXPECT_EQ(yarn.venue_alternates, (std::vector<std::string>{"Int Conf Learn Represent", "ICLR"}));
  EXPECT_EQ(yarn.journal_name, "ArXiv");
  EXPECT_TRUE(names_a_venue(yarn));
  // The 10.48550 DOI is the preprint's: only the DBLP key names the version.
  EXPECT_EQ(published_identities(yarn), (std::vector<std::string>{"dblp:conf/iclr/PengQFS24"}));

  EXPECT_FALSE((*papers)[1].has_value()); // null: an id Semantic Scholar does not know

  const ScholarPaper& fmti = *(*papers)[2];
  EXPECT_FALSE(names_a_venue(fmti)); // S2's arXiv venue, without a type
  EXPECT_TRUE(published_identities(fmti).empty()); // DBLP's CoRR key is the preprint's

  const ScholarPaper& acl = *(*papers)[3];
  EXPECT_EQ(acl.venue_type, "conference");
  EXPECT_EQ(acl.journal_pages, "4969-4983");
  EXPECT_EQ(acl.publication_date, ""); // null
  EXPECT_EQ(acl.authors.size(), 2u);   // a null authorId is still an author
  EXPECT_EQ(published_identities(acl),
            (std::vector<std::string>{"dblp:conf/acl/LoWNKW20", "acl:2020.acl-main.447", "doi:10.18653/v1/2020.acl-main.447"}));
}

TEST(ResolveSemanticScholar, ABatchAnswerOfAnotherSizeOrShapeIsAnError) {
  EXPECT_EQ(read_scholar_batch("[null]", 2).error(), "Semantic Scholar answered 1 papers for 2 ids");
  EXPECT_EQ(read_scholar_batch(R"({"message": "Too Many Requests", "code": "429"})", 1).error(),
            "Semantic Scholar's answer is not a list of papers");
  const auto odd = read_scholar_batch(R"([{"title": 7, "authors": "x", "year": "2023", "externalIds": []}, 5])", 2);
  ASSERT_TRUE(odd);
  EXPECT_EQ((*odd)[0]->title, "");
  EXPECT_EQ((*odd)[0]->year, 0);
  EXPECT_FALSE((*odd)[1].has_value());
}

} // namespace
} // namespace refs::resolve
