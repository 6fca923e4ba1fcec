#include "core/resolve/arxiv.hpp"
#include "core/resolve/arxiv_feed.hpp"
#include "core/util/file.hpp"

#include <gtest/gtest.h>

namespace refs::resolve {
namespace {

std::string fixture(const std::string& name) {
  auto text = util::read_file(std::string(REFS_SOURCE_DIR) + "/tests/fixtures/arxiv/" + name);
  return text ? *text : "";
}

std::vector<std::string> families(const model::Citation& c) {
  std::vector<std::string> out;
  for (const auto& p : c.authors) {
    out.push_back(p.family + "|" + p.given);
  }
  return out;
}

TEST(ArxivFeed, LegacyFeedWithWrappedTextDoiAndJournalRef) {
  auto feed = parse_arxiv_feed(fixture("arxiv_api_2016_id_list_1111.2011v2.xml"));
  ASSERT_TRUE(feed) << feed.error();
  ASSERT_EQ(feed->entries.size(), 1u);
  const FeedEntry& e = feed->entries[0];
  EXPECT_EQ(e.id, "1111.2011");
  EXPECT_EQ(e.version, 2);
  const model::Citation& c = e.citation;
  EXPECT_EQ(c.title, "Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit");
  EXPECT_EQ(families(c), (std::vector<std::string>{"Murray|James M.", "Del Maestro|Adrian", "Tesanovic|Zlatko"}));
  EXPECT_EQ(c.issued, (model::Date{2011, 11, 8}));
  EXPECT_EQ(c.primary_class, "cond-mat.str-el");
  EXPECT_EQ(c.journal_ref, "Phys. Rev. B 85, 115117 (2012)");
  EXPECT_EQ(c.comment, "8 pages, 3 figures. Published version");
  EXPECT_EQ(c.categories, "cond-mat.str-el cond-mat.stat-mech");
  EXPECT_EQ(c.doi, "10.48550/arXiv.1111.2011");
  EXPECT_EQ(c.number, "arXiv:1111.2011");
  EXPECT_EQ(c.url, "https://arxiv.org/abs/1111.2011");
  EXPECT_TRUE(c.abstract.starts_with("Theoretical description of anisotropic systems, such as layered superconductors"));
  EXPECT_EQ(c.ids, (std::vector<model::WorkId>{{model::IdKind::arxiv, "1111.2011"},
                                               {model::IdKind::url, "https://arxiv.org/abs/1111.2011"},
                                               {model::IdKind::doi, "10.1103/physrevb.85.115117"}}));
  EXPECT_EQ(c.sources.at("title"), "arxiv");
  EXPECT_EQ(c.sources.at("author"), "arxiv");
}

TEST(ArxivFeed, CurrentFeed) {
  auto feed = parse_arxiv_feed(fixture("arxiv_api_2026_id_list_1605.08386.xml"));
  ASSERT_TRUE(feed);
  ASSERT_EQ(feed->entries.size(), 1u);
  const model::Citation& c = feed->entries[0].citation;
  EXPECT_EQ(c.title, "Heat-bath random walks with Markov bases");
  EXPECT_EQ(families(c), (std::vector<std::string>{"Stanley|Caprice", "Windisch|Tobias"}));
  EXPECT_EQ(c.primary_class, "math.CO");
  EXPECT_EQ(c.issued, (model::Date{2016, 5, 26}));
}

TEST(ArxivFeed, OldStyleIdsAndAffiliations) {
  auto feed = parse_arxiv_feed(fixture("arxiv_api_2026_id_list_oldstyle_astro-ph_0601001_affiliations_journalref.xml"));
  ASSERT_TRUE(feed);
  ASSERT_EQ(feed->entries.size(), 1u);
  EXPECT_EQ(feed->entries[0].id, "astro-ph/0601001");
  EXPECT_EQ(feed->entries[0].citation.url, "https://arxiv.org/abs/astro-ph/0601001");
}

TEST(ArxivFeed, TwoEntriesInIdListOrder) {
  auto feed = parse_arxiv_feed(fixture("arxiv_api_2012_id_list_two_entries_arxiv2bib.xml"));
  ASSERT_TRUE(feed);
  ASSERT_EQ(feed->entries.size(), 2u);
}

TEST(ArxivFeed, ErrorEntryIsNotAPaper) {
  auto feed = parse_arxiv_feed(fixture("arxiv_api_2026_error_malformed_id_abc.xml"));
  ASSERT_TRUE(feed);
  EXPECT_TRUE(feed->entries.empty());
  EXPECT_EQ(feed->errors, std::vector<std::string>{"incorrect id format for abc"});
}

TEST(ArxivFeed, UnknownIdsAreMissingOrEmptyEntries) {
  auto old_api = parse_arxiv_feed(fixture("query_missing_id.2025-08_oldbackend.xml"));
  auto new_api = parse_arxiv_feed(fixture("query_missing_id.2025-11_newbackend.xml"));
  ASSERT_TRUE(old_api && new_api);
  ASSERT_EQ(old_api->entries.size(), 1u);
  ASSERT_EQ(new_api->entries.size(), 1u);
  EXPECT_EQ(old_api->entries[0].id, "2201.13452");
  EXPECT_EQ(new_api->entries[0].id, "2201.13452");
  EXPECT_TRUE(parse_arxiv_feed(fixture("arxiv_api_2026_unknown_id_0000.0000.xml"))->entries.empty());
  EXPECT_TRUE(parse_arxiv_feed(fixture("query_empty.2025-08_oldbackend.xml"))->entries.empty());
}

TEST(ArxivFeed, NotAFeed) {
  EXPECT_EQ(parse_arxiv_feed("Rate exceeded.").error(), "not XML: No document element found");
  EXPECT_EQ(parse_arxiv_feed("<html><body>hi</body></html>").error(), "not an Atom feed");
}

class ArxivSource : public ::testing::Test {
protected:
  std::unique_ptr<Resolver> m_arxiv = make_arxiv_resolver({"https://export.arxiv.org/api/query"});
};

TEST_F(ArxivSource, PlansOneRequestPerHundredIds) {
  std::vector<model::WorkId> ids;
  for (int i = 1; i <= 150; ++i) {
    ids.push_back({model::IdKind::arxiv, "2309." + std::to_string(10000 + i)});
  }
  const auto requests = m_arxiv->plan(ids);
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].subjects.size(), 100u);
  EXPECT_EQ(requests[1].subjects.size(), 50u);
  EXPECT_TRUE(requests[1].url.starts_with("https://export.arxiv.org/api/query?id_list=2309.10101,2309.10102,"));
  EXPECT_TRUE(requests[1].url.ends_with(",2309.10150&max_results=50"));
}

TEST_F(ArxivSource, AnswersEverySubject) {
  const http::Request request{"u", {}, {"2201.13455", "2201.13452"}, "", ""};
  http::Response response;
  response.status = 200;
  response.body = fixture("query_missing_id.2025-11_newbackend.xml");
  const auto answers = m_arxiv->parse(request, response);
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_FALSE(answers[0].citation);
  EXPECT_EQ(answers[0].problem, "arXiv has no paper 2201.13455");
  ASSERT_TRUE(answers[1].citation);
  EXPECT_EQ(answers[1].citation->title, "Asymptotic Analysis for a Nonlinear Reaction-Diffusion System Modeling an Infectious Disease");
}

TEST_F(ArxivSource, RefusedIdIsDroppedAndTheRestAskedAgain) {
  const http::Request request{"u", {}, {"2309.00071", "abc"}, "", ""};
  http::Failure refused = http::failure(http::Failure::Kind::http_status, "HTTP 400", 400);
  refused.body = fixture("arxiv_api_2026_error_malformed_id_abc.xml");
  const auto answers = m_arxiv->parse(request, tl::make_unexpected(refused));
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_TRUE(answers[0].ask_again);
  EXPECT_FALSE(answers[1].ask_again);
  EXPECT_EQ(answers[1].problem, "arXiv refused the id: incorrect id format for abc");
}

TEST_F(ArxivSource, NetworkFailureIsEveryonesProblem) {
  const http::Request request{"u", {}, {"2309.00071", "2309.00072"}, "", ""};
  const auto answers = m_arxiv->parse(request, tl::make_unexpected(http::failure(http::Failure::Kind::timeout, "timed out after 20 s")));
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[1].problem, "timed out after 20 s");
  EXPECT_FALSE(answers[1].ask_again);
}

// pugixml expands no entity of a DTD, but a feed that declares one is not
// arXiv's: its "&lol;" references would be read as the title.
TEST(ArxivFeed, AFeedThatDeclaresADtdIsRefused) {
  const std::string feed = "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY lol \"lol\">"
                           "<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                           "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://arxiv.org/abs/2401.00001v1</id>"
                           "<title>&lol;&x;</title></entry></feed>";
  const auto parsed = parse_arxiv_feed(feed);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error(), "not an Atom feed: it declares a DTD (entities are not read)");
  // The same feed without its DTD is read.
  const auto plain = parse_arxiv_feed("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
                                      "<id>http://arxiv.org/abs/2401.00001v1</id><title>Plain</title></entry></feed>");
  ASSERT_TRUE(plain) << plain.error();
  ASSERT_EQ(plain->entries.size(), 1u);
  EXPECT_EQ(plain->entries[0].citation.title, "Plain");
}

} // namespace
} // namespace refs::resolve
