// Semantic Scholar's and DBLP's answers, read for what each field says
// (tests/fixtures/published: shapes of real answers, SHAPES.md cites them).
#include "core/resolve/dblp.hpp"
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

TEST(ResolveScholarly, TheBatchRequestPostsTheIdsAsJson) {
  const std::vector<std::string> ids = {"2309.00071", "2306.00984"};
  const http::Request r = scholar_batch_request(ids);
  EXPECT_EQ(r.url, "https://api.semanticscholar.org/graph/v1/paper/batch"
                   "?fields=title,authors,year,venue,publicationVenue,externalIds,publicationDate,journal");
  EXPECT_EQ(r.body, R"({"ids":["ARXIV:2309.00071","ARXIV:2306.00984"]})");
  EXPECT_EQ(r.body_type, "application/json");
  EXPECT_EQ(r.subjects, ids);
}

TEST(ResolveScholarly, EachFieldOfABatchAnswerIsReadForWhatItIs) {
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

TEST(ResolveScholarly, ABatchAnswerOfAnotherSizeOrShapeIsAnError) {
  EXPECT_EQ(read_scholar_batch("[null]", 2).error(), "Semantic Scholar answered 1 papers for 2 ids");
  EXPECT_EQ(read_scholar_batch(R"({"message": "Too Many Requests", "code": "429"})", 1).error(),
            "Semantic Scholar's answer is not a list of papers");
  const auto odd = read_scholar_batch(R"([{"title": 7, "authors": "x", "year": "2023", "externalIds": []}, 5])", 2);
  ASSERT_TRUE(odd);
  EXPECT_EQ((*odd)[0]->title, "");
  EXPECT_EQ((*odd)[0]->year, 0);
  EXPECT_FALSE((*odd)[1].has_value());
}

TEST(ResolveScholarly, DblpSearchHitsKeepTheirShapesQuirks) {
  const auto hits = read_dblp_search(fixture("dblp_search.json"));
  ASSERT_TRUE(hits) << hits.error();
  ASSERT_EQ(hits->size(), 3u);
  const DblpHit& neurips = (*hits)[0];
  EXPECT_EQ(neurips.key, "conf/nips/TianFICK23");
  EXPECT_EQ(neurips.title, "StableRep: Synthetic Images from Text-to-Image Models Make Strong Visual Representation Learners");
  EXPECT_EQ(neurips.year, 2023);
  EXPECT_EQ(neurips.authors.size(), 5u);
  EXPECT_FALSE(is_informal(neurips));
  EXPECT_TRUE(is_informal((*hits)[1])); // CoRR: the preprint
  EXPECT_EQ((*hits)[1].doi, "10.48550/arxiv.2306.00984");
  const DblpHit& single = (*hits)[2]; // one author as an object, a homonym number, a venue list
  ASSERT_EQ(single.authors.size(), 1u);
  EXPECT_EQ(single.authors[0].family, "Wang");
  EXPECT_EQ(single.authors[0].given, "Wei");
  EXPECT_EQ(single.venue, "ICLP");
  EXPECT_EQ(single.title, "Synthetic Images Everywhere?");
  const auto none = read_dblp_search(R"({"result":{"hits":{"@total":"0","@computed":"0","@sent":"0","@first":"0"}}})");
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
  EXPECT_EQ(read_dblp_search("<html>busy</html>").error(), "DBLP's answer is not a search result");
}

TEST(ResolveScholarly, DblpRecordsInBothLayoutsDescribeTheVersion) {
  const auto iclr = read_dblp_record(fixture("dblp_record_iclr.bib"));
  ASSERT_TRUE(iclr) << iclr.error();
  EXPECT_EQ(iclr->type, "paper-conference");
  EXPECT_EQ(iclr->title, "Reverse Forward Curriculum Learning for Extreme Sample and Demo Efficiency");
  EXPECT_EQ(iclr->container_title,
            "The Twelfth International Conference on Learning Representations, ICLR 2024, Vienna, Austria, May 7-11, 2024");
  EXPECT_EQ(iclr->authors[2].family, "Chan");
  EXPECT_EQ(iclr->authors[2].given, "Tse-kai");
  EXPECT_EQ(iclr->publisher, "OpenReview.net");
  EXPECT_EQ(iclr->issued.year, 2024);
  EXPECT_EQ(iclr->key, "");
  EXPECT_TRUE(iclr->bib_fields.empty()); // timestamp, biburl, bibsource: DBLP's own
  for (const auto& [field, source] : iclr->sources) {
    EXPECT_EQ(source, "published") << field;
  }
  const auto lncs = read_dblp_record(fixture("dblp_record_lncs_old_layout.bib"));
  ASSERT_TRUE(lncs) << lncs.error();
  EXPECT_EQ(lncs->page, "150-162");
  EXPECT_EQ(lncs->volume, "4209");
  EXPECT_EQ(lncs->collection_title, "Lecture Notes in Computer Science");
  EXPECT_EQ(lncs->doi, "10.1007/11880561_13"); // DBLP's `\_`, undone
  EXPECT_EQ(lncs->url, "https://doi.org/10.1007/11880561_13");
  EXPECT_EQ(read_dblp_record("no entry here").error(), "DBLP's record holds no BibTeX entry");
}

TEST(ResolveScholarly, TheSearchAsksForTheTitlesWordsAndTheName) {
  const http::Request r = dblp_search_request("YaRN: Efficient Context-Window Extension", "Peng");
  EXPECT_EQ(r.url, "https://dblp.org/search/publ/api?q=yarn+efficient+context+window+extension+peng&format=json&h=10");
  EXPECT_EQ(without_homonym_number("Wei Wang 0001"), "Wei Wang");
  EXPECT_EQ(without_homonym_number("Louis XIV 1643"), "Louis XIV");
  EXPECT_EQ(without_homonym_number("Agent 007"), "Agent 007");
}

} // namespace
} // namespace refs::resolve
