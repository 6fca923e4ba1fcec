// DBLP's search hits and records, in the shapes of real answers
// (tests/fixtures/published, SHAPES.md cites them).
#include "core/resolve/dblp.hpp"
#include "core/util/file.hpp"

#include <gtest/gtest.h>

namespace refs::resolve {
namespace {

std::string fixture(const std::string& name) {
  auto text = util::read_file(std::string(REFS_SOURCE_DIR) + "/tests/fixtures/published/" + name);
  EXPECT_TRUE(text.has_value()) << name;
  return text.value_or("");
}

TEST(ResolveDblp, DblpSearchHitsKeepTheirShapesQuirks) {
  const auto hits = read_dblp_search(fixture("dblp_search.json"));
  ASSERT_TRUE(hits) << hits.error();
  ASSERT_EQ(hits->size(), 3u);
  const DblpHit& neurips = (*hits)[0];
  EXPECT_EQ(neurips.key, "conf/nips/TianFICK23");
  EXPECT_EQ(neurips.title, "StableRep: Synthetic Images from Text-to-Image Models Make Strong Visual Representation Learners");
  EXPECT_EQ(neurips.year, 2023);
  EXPECT_EQ(neurips.authors.size(), 5u);
  EXPECT_TRUE(is_publication(neurips));
  EXPECT_FALSE(is_publication((*hits)[1])); // CoRR: the preprint
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

TEST(ResolveDblp, DblpRecordsInBothLayoutsDescribeTheVersion) {
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

TEST(ResolveDblp, TheSearchAsksForItsWordsAndHomonymNumbersGo) {
  const http::Request r = dblp_search_request("yarn efficient context window extension peng");
  EXPECT_EQ(r.url, "https://dblp.org/search/publ/api?q=yarn+efficient+context+window+extension+peng&format=json&h=10");
  EXPECT_EQ(without_homonym_number("Wei Wang 0001"), "Wei Wang");
  EXPECT_EQ(without_homonym_number("Louis XIV 1643"), "Louis XIV");
  EXPECT_EQ(without_homonym_number("Agent 007"), "Agent 007");
}

// Found by the bibtex_reader fuzzer: an author that is only a year once lost
// its family name as a homonym number, and the version could not be stored.
TEST(ResolveDblp, ANameThatIsOnlyANumberStaysAName) {
  const auto record = read_dblp_record("@article{m1, title = {Uses a macro b}, author =  2001}\n");
  ASSERT_TRUE(record) << record.error();
  ASSERT_EQ(record->authors.size(), 1u);
  EXPECT_EQ(record->authors[0].family, "2001");
  const auto homonym = read_dblp_record("@inproceedings{k, title = {T}, author = {Wei Wang 0001 and Li Chen}}");
  ASSERT_TRUE(homonym) << homonym.error();
  ASSERT_EQ(homonym->authors.size(), 2u);
  EXPECT_EQ(homonym->authors[0].family, "Wang");
  EXPECT_EQ(homonym->authors[0].given, "Wei");
}

} // namespace
} // namespace refs::resolve
