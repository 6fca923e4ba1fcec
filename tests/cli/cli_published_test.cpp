// End-to-end: the published versions of arXiv preprints. The fixture
// server plays arXiv, Semantic Scholar's batch API and DBLP (records and
// search), in the shapes tests/fixtures/published/SHAPES.md cites.
#include "tests/support/arxiv_feed_builder.hpp"
#include "tests/support/fixture_server.hpp"
#include "tests/support/refs_runner.hpp"
#include "tests/support/scholarly_services.hpp"
#include "tests/support/temp_dir.hpp"

#include <httplib.h>

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

const std::map<std::string, FakePaper> k_arxiv = {
    {"2309.00071", {"YaRN: Efficient Context Window Extension of Large Language Models",
                    {"Bowen Peng", "Jeffrey Quesnelle", "Honglu Fan", "Enrico Shippole"}, "2023-08-31T17:59:59Z", "cs.CL"}},
    {"2306.00984", {"StableRep: Synthetic Images from Text-to-Image Models Make Strong Visual Representation Learners",
                    {"Yonglong Tian", "Lijie Fan", "Phillip Isola", "Huiwen Chang", "Dilip Krishnan"}, "2023-06-01T17:59:51Z", "cs.CV"}},
    {"2310.12941", {"The Foundation Model Transparency Index", {"Rishi Bommasani", "Kevin Klyman"}, "2023-10-19T17:39:02Z", "cs.LG"}},
};

const FakeDblpRecord k_yarn_iclr{
    "conf/iclr/PengQFS24", "inproceedings", "YaRN: Efficient Context Window Extension of Large Language Models",
    {"Bowen Peng", "Jeffrey Quesnelle", "Honglu Fan", "Enrico Shippole"},
    "The Twelfth International Conference on Learning Representations,\n                  ICLR 2024, Vienna, Austria, May 7-11, 2024",
    "ICLR", "Conference and Workshop Papers", "2024", "", "", "OpenReview.net", "", "https://openreview.net/forum?id=wHBfxhZu1u"};

const FakeDblpRecord k_stablerep_neurips{
    "conf/nips/TianFICK23", "inproceedings",
    "StableRep: Synthetic Images from Text-to-Image Models Make Strong Visual Representation Learners",
    {"Yonglong Tian", "Lijie Fan", "Phillip Isola", "Huiwen Chang", "Dilip Krishnan"},
    "Advances in Neural Information Processing Systems 36: Annual Conference on Neural Information Processing Systems 2023, NeurIPS 2023, New Orleans, LA, USA, December 10 - 16, 2023",
    "NeurIPS", "Conference and Workshop Papers", "2023", "", "", "", "",
    "http://papers.nips.cc/paper_files/paper/2023/hash/971f1e59cd956cc094da4e2f78c6ea7c-Abstract-Conference.html"};

/// DBLP's record of a preprint: CoRR, an informal publication.
FakeDblpRecord corr(const std::string& arxiv_id, const std::string& title, std::vector<std::string> authors) {
  std::string key = "journals/corr/abs-" + arxiv_id;
  std::replace(key.begin(), key.end(), '.', '-');
  return {key, "article", title, std::move(authors), "CoRR", "CoRR", "Informal and Other Publications",
          "20" + arxiv_id.substr(0, 2), "", "10.48550/ARXIV." + arxiv_id, "", "abs/" + arxiv_id, "https://doi.org/10.48550/arXiv." + arxiv_id};
}

class CliPublished : public ::testing::Test {
protected:
  void SetUp() override {
    m_server.on("export.arxiv.org", "/api/query", [](const httplib::Request& request) {
      return Reply{200, arxiv_feed(k_arxiv, request.get_param_value("id_list")), "application/atom+xml; charset=utf-8", {}, 0};
    });
    m_dir.write("post.md", "Three papers[^a][^b][^c].\n\n"
                           "[^a]: [YaRN](https://arxiv.org/abs/2309.00071)\n"
                           "[^b]: [StableRep](https://arxiv.org/pdf/2306.00984v2.pdf)\n"
                           "[^c]: [FMTI](https://arxiv.org/abs/2310.12941)\n");
  }

  /// The three services as they answer for the post's three preprints:
  /// Semantic Scholar knows YaRN's ICLR record and only the FMTI preprint,
  /// not StableRep; DBLP's search finds StableRep at NeurIPS, and only the
  /// CoRR record of the FMTI.
  void serve_services() {
    m_server.on("api.semanticscholar.org", "/graph/v1/paper/batch",
                scholar_batch({{"2309.00071", {"YaRN: Efficient Context Window Extension of Large Language Models",
                                               {"Bowen Peng", "Jeffrey Quesnelle", "Honglu Fan", "Enrico Shippole"}, 2023,
                                               "International Conference on Learning Representations", "conference",
                                               {"Int Conf Learn Represent", "ICLR"}, "conf/iclr/PengQFS24", "", ""}},
                               {"2310.12941", {"The Foundation Model Transparency Index", {"Rishi Bommasani", "Kevin Klyman"}, 2023,
                                               "arXiv.org", "", {}, "journals/corr/abs-2310-12941", "", ""}}}));
    m_server.on("dblp.org", "/search/publ/api",
                dblp_search({{"stablerep", k_stablerep_neurips},
                             {"stablerep", corr("2306.00984", k_stablerep_neurips.title, k_stablerep_neurips.authors)},
                             {"transparency", corr("2310.12941", "The Foundation Model Transparency Index", {"Rishi Bommasani", "Kevin Klyman"})}}));
    serve_dblp_records(m_server, {k_yarn_iclr, k_stablerep_neurips});
  }

  RunResult run(std::vector<std::string> args, std::vector<std::string> env = {}) {
    args.insert(args.begin(), {"--db", "lib.sqlite", "--connect-to", m_server.connect_to(), "--cacert", m_server.cacert()});
    env.insert(env.begin(), {"no_proxy=*", "REFS_ARXIV_INTERVAL_MS=10", "REFS_SCHOLAR_INTERVAL_MS=20",
                             "REFS_DBLP_INTERVAL_MS=40", "REFS_RETRY_DELAY_MS=10"});
    return run_refs(m_dir.path(), args, env);
  }

  std::vector<Logged> requests_to(const std::string& host) const {
    std::vector<Logged> out;
    for (const Logged& l : m_server.log()) {
      if (l.host == host) {
        out.push_back(l);
      }
    }
    return out;
  }

  FixtureServer m_server;
  TempDir m_dir;
};

TEST_F(CliPublished, FindsEachPreprintsPublishedVersionWithItsEvidence) {
  serve_services();
  ASSERT_EQ(run({"resolve", "post.md"}).exit_code, 0);
  const RunResult r = run({"published"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "bommasani2023foundation  none found\n"
            "    asked: Semantic Scholar (the preprint only); DBLP search \"the foundation model transparency index bommasani\" (1 hit, no published version)\n"
            "peng2023yarn  confirmed: ICLR 2024\n"
            "    evidence: Semantic Scholar: International Conference on Learning Representations; DBLP conf/iclr/PengQFS24\n"
            "    evidence: DBLP conf/iclr/PengQFS24: The Twelfth International Conference on Learning Representations, ICLR 2024, Vienna, Austria, May 7-11, 2024\n"
            "tian2023stablerep  candidate: NeurIPS 2023\n"
            "    evidence: DBLP search \"stablerep synthetic images from text to image models make strong visual representation learners tian\": conf/nips/TianFICK23\n"
            "    evidence: DBLP conf/nips/TianFICK23: Advances in Neural Information Processing Systems 36: Annual Conference on Neural "
            "Information Processing Systems 2023, NeurIPS 2023, New Orleans, LA, USA, December 10 - 16, 2023\n");
  EXPECT_EQ(r.err, "refs: note: 3 preprints: 1 confirmed, 1 candidate, 1 none found; `refs published --apply` applies the confirmed ones; "
                   "`refs published --accept KEY` applies a candidate, `--reject KEY` says it is another work\n");
  // One Semantic Scholar request for all three, as JSON; DBLP searched for
  // the two it knows nothing of, and read for the two versions found.
  const auto scholar = requests_to("api.semanticscholar.org");
  ASSERT_EQ(scholar.size(), 1u);
  EXPECT_EQ(scholar[0].target, "/graph/v1/paper/batch?fields=title,authors,year,venue,publicationVenue,externalIds,publicationDate,journal");
  std::vector<std::string> dblp;
  for (const Logged& l : requests_to("dblp.org")) {
    dblp.push_back(l.path);
  }
  EXPECT_EQ(dblp, (std::vector<std::string>{"/search/publ/api", "/search/publ/api", "/rec/conf/iclr/PengQFS24.bib",
                                            "/rec/conf/nips/TianFICK23.bib"}));
  const auto dblp_log = requests_to("dblp.org");
  for (std::size_t i = 1; i < dblp_log.size(); ++i) { // one at a time, spaced
    EXPECT_GE(dblp_log[i].start - dblp_log[i - 1].end, std::chrono::milliseconds(30)) << i;
  }

  // Kept: asked again, nothing is requested.
  const std::size_t before = m_server.log().size();
  const RunResult again = run({"published", "--json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(m_server.log().size(), before);
  EXPECT_NE(again.out.find("\"key\": \"peng2023yarn\",\n    \"arxiv\": \"2309.00071\",\n    \"status\": \"confirmed\",\n"
                           "    \"applied\": false,\n    \"cached\": true,\n    \"venue\": \"ICLR 2024\",\n    \"workshop\": false,\n"
                           "    \"identity\": \"dblp:conf/iclr/PengQFS24\""),
            std::string::npos)
      << again.out;
}

TEST_F(CliPublished, ApplyingCitesTheConfirmedVersionsAndExportsKeepTheEprint) {
  serve_services();
  ASSERT_EQ(run({"resolve", "post.md"}).exit_code, 0);
  const std::string preprint = run({"export", "--bibtex", "peng2023yarn"}).out;
  ASSERT_NE(preprint.find("@misc{peng2023yarn,"), std::string::npos) << preprint;
  const RunResult r = run({"published", "--apply"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("refs: note: peng2023yarn: now cited as published at ICLR 2024; `refs published --undo peng2023yarn` "
                       "restores the preprint\n"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("tian2023stablerep: now cited"), std::string::npos) << r.err; // a candidate waits for --accept

  const RunResult bib = run({"export", "--bibtex", "peng2023yarn"});
  EXPECT_EQ(bib.out, "@inproceedings{peng2023yarn,\n"
                     "  title = {{YaRN}: Efficient Context Window Extension of Large Language Models},\n"
                     "  author = {Peng, Bowen and Quesnelle, Jeffrey and Fan, Honglu and Shippole, Enrico},\n"
                     "  booktitle = {The Twelfth International Conference on Learning Representations, ICLR 2024, Vienna, Austria, May 7-11, 2024},\n"
                     "  publisher = {OpenReview.net},\n"
                     "  year = {2024},\n"
                     "  eprint = {2309.00071},\n"
                     "  archivePrefix = {arXiv},\n"
                     "  primaryClass = {cs.CL},\n"
                     "  url = {https://arxiv.org/abs/2309.00071},\n"
                     "}\n");
  const RunResult biblatex = run({"export", "--biblatex", "peng2023yarn"});
  EXPECT_NE(biblatex.out.find("@inproceedings{peng2023yarn,"), std::string::npos) << biblatex.out;
  EXPECT_NE(biblatex.out.find("  eprinttype = {arxiv},\n  eprint = {2309.00071},\n  eprintclass = {cs.CL},\n"), std::string::npos)
      << biblatex.out;
  const RunResult markdown = run({"export", "--markdown", "peng2023yarn"});
  EXPECT_EQ(markdown.out, "[^peng2023yarn]: Bowen Peng et al. "
                          "[YaRN: Efficient Context Window Extension of Large Language Models](https://arxiv.org/abs/2309.00071). "
                          "ICLR 2024. arXiv:2309.00071.\n");
  const RunResult csl = run({"export", "--csl-json", "peng2023yarn"});
  EXPECT_NE(csl.out.find("\"type\": \"paper-conference\""), std::string::npos) << csl.out;
  EXPECT_NE(csl.out.find("\"container-title-short\": \"ICLR\""), std::string::npos) << csl.out;
  EXPECT_NE(csl.out.find("\"kind\": \"arxiv\",\n          \"value\": \"2309.00071\""), std::string::npos) << csl.out;
  const RunResult show = run({"show", "peng2023yarn"});
  EXPECT_NE(show.out.find("published:       ICLR 2024  [confirmed, applied]\n"
                          "evidence:        Semantic Scholar: International Conference on Learning Representations; DBLP conf/iclr/PengQFS24\n"),
            std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("type:            paper-conference  [published]\n"), std::string::npos) << show.out;

  // arXiv, asked again, describes the preprint: the published fields outrank it.
  ASSERT_EQ(run({"--refresh", "resolve", "post.md"}).exit_code, 0);
  EXPECT_NE(run({"export", "--bibtex", "peng2023yarn"}).out.find("@inproceedings{peng2023yarn,"), std::string::npos);

  // Every arXiv URL of the work still finds the published citation.
  m_dir.write("second.md", "Again[^y].\n\n[^y]: [YaRN v1](https://arxiv.org/pdf/2309.00071v1)\n");
  const RunResult second = run({"resolve", "second.md"});
  EXPECT_EQ(second.out.substr(0, second.out.find('\n')), "y  peng2023yarn  arxiv  cached  YaRN: Efficient Context Window Extension of Large Language Models");
  EXPECT_NE(run({"export", "--bibtex", "peng2023yarn"}).out.find("@inproceedings{peng2023yarn,"), std::string::npos);

  // Undone: the preprint again, exactly as it was.
  const RunResult undo = run({"published", "--undo", "peng2023yarn"});
  EXPECT_EQ(undo.exit_code, 0) << undo.err;
  EXPECT_EQ(undo.err, "refs: note: peng2023yarn: cited as the arXiv preprint again\n");
  EXPECT_EQ(run({"export", "--bibtex", "peng2023yarn"}).out, preprint);
  const RunResult twice = run({"published", "--undo", "peng2023yarn"});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_EQ(twice.err, "refs: error: peng2023yarn has no published version applied\n");
}

TEST_F(CliPublished, ARejectedCandidateIsNeverProposedAgain) {
  serve_services();
  ASSERT_EQ(run({"resolve", "post.md"}).exit_code, 0);
  ASSERT_EQ(run({"published"}).exit_code, 0);
  const RunResult reject = run({"published", "--reject", "tian2023stablerep"});
  ASSERT_EQ(reject.exit_code, 0) << reject.err;
  EXPECT_EQ(reject.err, "refs: note: tian2023stablerep: dblp:conf/nips/TianFICK23 (NeurIPS 2023) is recorded as another work; "
                        "it is never proposed again\n");
  const RunResult again = run({"--refresh", "published", "tian2023stablerep"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "tian2023stablerep  none found\n"
                       "    asked: Semantic Scholar (does not know the paper); DBLP search \"stablerep synthetic images from text to image "
                       "models make strong visual representation learners tian\" (2 hits, no published version; conf/nips/TianFICK23: "
                       "you said it is another work)\n");
  const RunResult accept = run({"published", "--accept", "tian2023stablerep"});
  EXPECT_EQ(accept.exit_code, 1);
  EXPECT_NE(accept.err.find("refs: error: tian2023stablerep: no published version is proposed"), std::string::npos) << accept.err;
}

TEST_F(CliPublished, ResolvePublishedCitesTheConfirmedVersionsOfThePostsPreprints) {
  serve_services();
  const RunResult r = run({"resolve", "--published", "post.md"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("refs: note: 3 preprints: 1 confirmed, 1 candidate, 1 none found; `refs published --accept KEY` applies a "
                       "candidate, `--reject KEY` says it is another work\n"
                       "refs: note: peng2023yarn: now cited as published at ICLR 2024; `refs published --undo peng2023yarn` restores the preprint\n"),
            std::string::npos)
      << r.err;
  const std::string bib = run({"export", "--bibtex"}).out;
  EXPECT_NE(bib.find("@inproceedings{peng2023yarn,"), std::string::npos) << bib;
  EXPECT_NE(bib.find("@misc{tian2023stablerep,"), std::string::npos) << bib;
  // Resolved again, the applied one is not asked about.
  const std::size_t before = requests_to("api.semanticscholar.org").size();
  ASSERT_EQ(run({"resolve", "--published", "--refresh", "post.md"}).exit_code, 0);
  const auto scholar = requests_to("api.semanticscholar.org");
  ASSERT_EQ(scholar.size(), before + 1);
}

TEST_F(CliPublished, KeysMustNameArxivPreprintsAndOfflineOnlyTheKeptAnswers) {
  serve_services();
  m_dir.write("web.md", "A page[^w].\n\n[^w]: [Example](https://example.com/story)\n");
  ASSERT_EQ(run({"--offline", "resolve", "web.md"}).exit_code, 0);
  const RunResult none = run({"published"});
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(none.out, "");
  EXPECT_EQ(none.err, "refs: note: no arXiv preprint to look for\n");
  ASSERT_EQ(run({"resolve", "post.md"}).exit_code, 0);
  const RunResult unknown = run({"published", "nosuchkey"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.err, "refs: error: no citation has the key 'nosuchkey'\n");
  ASSERT_NE(run({"list"}).out.find("exampleexample           webpage"), std::string::npos);
  const RunResult page = run({"published", "exampleexample"});
  EXPECT_EQ(page.exit_code, 1);
  EXPECT_EQ(page.err, "refs: error: exampleexample is not an arXiv preprint (it has no arXiv id)\n");
  const std::size_t before = m_server.log().size();
  const RunResult offline = run({"--offline", "published", "peng2023yarn"});
  EXPECT_EQ(offline.exit_code, 0) << offline.err;
  EXPECT_EQ(offline.out, "peng2023yarn  none found\n    asked: not looked up yet (offline)\n");
  EXPECT_EQ(m_server.log().size(), before);
}

TEST_F(CliPublished, APublishedRecordAlreadyInTheLibraryIsJoinedByDedupe) {
  m_dir.write("tpami.bib", "@article{wang2025jarvis,\n  title = {{JARVIS-1}: Open-World Multi-Task Agents With Memory-Augmented Multimodal Language Models},\n"
                           "  author = {Wang, Zihao and Cai, Shaofei},\n  journal = {IEEE Transactions on Pattern Analysis and Machine Intelligence},\n"
                           "  year = {2025},\n  volume = {47},\n  number = {3},\n  pages = {1894--1907},\n  doi = {10.1109/TPAMI.2024.3511593}\n}\n");
  ASSERT_EQ(run({"import", "tpami.bib"}).exit_code, 0);
  m_server.on("export.arxiv.org", "/api/query", [](const httplib::Request&) {
    return Reply{200, arxiv_feed({{"2311.05997", {"JARVIS-1: Open-World Multi-task Agents with Memory-Augmented Multimodal Language Models",
                                                  {"Zihao Wang", "Shaofei Cai"}, "2023-11-10T11:17:58Z", "cs.AI"}}}, "2311.05997"),
                 "application/atom+xml; charset=utf-8", {}, 0};
  });
  m_server.on("api.semanticscholar.org", "/graph/v1/paper/batch",
              scholar_batch({{"2311.05997", {"JARVIS-1: Open-World Multi-task Agents with Memory-Augmented Multimodal Language Models",
                                             {"Zihao Wang", "Shaofei Cai"}, 2023, "IEEE Transactions on Pattern Analysis and Machine Intelligence",
                                             "journal", {"IEEE Trans Pattern Anal Mach Intell", "TPAMI"}, "", "10.1109/TPAMI.2024.3511593", ""}}}));
  m_server.on("doi.org", "/10.1109/tpami.2024.3511593",
              Reply{200, R"json({"type":"article-journal","title":"JARVIS-1: Open-World Multi-Task Agents With Memory-Augmented Multimodal Language Models",
                   "author":[{"family":"Wang","given":"Zihao"},{"family":"Cai","given":"Shaofei"}],
                   "container-title":"IEEE Transactions on Pattern Analysis and Machine Intelligence","publisher":"Institute of Electrical and Electronics Engineers (IEEE)",
                   "volume":"47","issue":"3","page":"1894-1907","DOI":"10.1109/TPAMI.2024.3511593","issued":{"date-parts":[[2025,3]]}})json",
                    "application/vnd.citationstyles.csl+json", {}, 0});
  m_dir.write("jarvis.md", "JARVIS[^j].\n\n[^j]: [JARVIS-1](https://arxiv.org/abs/2311.05997)\n");
  ASSERT_EQ(run({"resolve", "jarvis.md"}).exit_code, 0);
  const RunResult r = run({"published", "--apply", "wang2023jarvis"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "wang2023jarvis  confirmed: TPAMI 2025\n"
                   "    title: JARVIS-1: Open-World Multi-Task Agents With Memory-Augmented Multimodal Language Models\n"
                   "    evidence: Semantic Scholar: IEEE Transactions on Pattern Analysis and Machine Intelligence; DOI 10.1109/tpami.2024.3511593\n"
                   "    evidence: doi.org 10.1109/tpami.2024.3511593: IEEE Transactions on Pattern Analysis and Machine Intelligence\n");
  EXPECT_NE(r.err.find("refs: note: wang2023jarvis: wang2025jarvis in the library holds the same DOI; `refs dedupe --apply` joins them\n"),
            std::string::npos)
      << r.err;
  const RunResult dedupe = run({"dedupe", "--apply"});
  ASSERT_EQ(dedupe.exit_code, 0) << dedupe.err;
  EXPECT_NE(dedupe.out.find("joined"), std::string::npos) << dedupe.out;
  const std::string bib = run({"export", "--bibtex"}).out;
  EXPECT_EQ(std::count(bib.begin(), bib.end(), '@'), 1) << bib;
  EXPECT_NE(bib.find("@article{"), std::string::npos) << bib;
  EXPECT_NE(bib.find("  eprint = {2311.05997},\n"), std::string::npos) << bib;
}

} // namespace
} // namespace refs::testing
