// End-to-end: `refs resolve` over the network, every host routed with
// --connect-to to the loopback TLS fixture server.
#include "core/post/footnote_reader.hpp"
#include "tests/support/arxiv_feed_builder.hpp"
#include "tests/support/fixture_server.hpp"
#include "tests/support/news_page.hpp"
#include "tests/support/refs_runner.hpp"
#include "tests/support/sample_preprints.hpp"
#include "tests/support/temp_dir.hpp"

#include <httplib.h>

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

using namespace std::chrono_literals;

const std::map<std::string, FakePaper>& k_papers = sample_preprints();

class CliFetch : public ::testing::Test {
protected:
  void SetUp() override {
    m_server.on("export.arxiv.org", "/api/query", [](const httplib::Request& request) {
      return Reply{200, arxiv_feed(k_papers, request.get_param_value("id_list")), "application/atom+xml; charset=utf-8", {}, 0};
    });
  }

  /// Serves every web page of the sample post; two of them as real sites
  /// would answer a robot (403) or a vanished page (404).
  void serve_sample_pages() {
    m_server.on("www.reuters.com", "/business/autos-transportation/california-suspends-gm-cruises-driverless-autonomous-vehicle-permits-2023-10-24",
                Reply{200, news_page("California suspends GM Cruise's driverless autonomous vehicle permits", "Reuters", "David Shepardson", "2023-10-24T17:16:48Z"), "text/html; charset=utf-8", {}, 0});
    m_server.on("www.wsj.com", "/tech/ai/google-commits-2-billion-in-funding-to-ai-startup-anthropic-db4d4c50",
                Reply{403, "<title>Access Denied</title>", "text/html", {}, 0});
    // The Wayback Machine has no copy of either.
    m_server.on("web.archive.org", "/cdx/search/cdx", Reply{200, "[]", "application/json", {}, 0});
    // The other pages carry the titles the post links them with.
    auto text = slurp(test_data("ai-trends-2023-11.md"));
    for (const model::Reference& r : post::to_references(post::read_footnotes(text, "post").footnotes)) {
      const std::size_t host_start = r.url.find("://") + 3;
      const std::size_t path_start = r.url.find('/', host_start);
      const std::string host = r.url.substr(host_start, path_start - host_start);
      if (host == "www.reuters.com" || host == "www.wsj.com" || host == "sidsite.com" || r.url.find("arxiv.org") != std::string::npos ||
          r.url.ends_with(".pdf")) {
        continue;
      }
      m_server.on(host, r.url.substr(path_start), Reply{200, news_page(r.text, "Site", "Ann Author", "2023-11-20"), "text/html", {}, 0});
    }
  }

  /// Runs refs with every host routed to the fixture server. The test
  /// environment's closed proxy is switched off (no_proxy=*): libcurl
  /// would send every request to it, --connect-to or not.
  RunResult run(std::vector<std::string> args, std::vector<std::string> env = {"REFS_ARXIV_INTERVAL_MS=300", "REFS_ARCHIVE_INTERVAL_MS=100"}) {
    args.insert(args.begin(), {"--db", "lib.sqlite", "--connect-to", m_server.connect_to(), "--cacert", m_server.cacert()});
    env.push_back("no_proxy=*");
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

TEST_F(CliFetch, SamplePostAsksArxivOnceForAllSixteenPapers) {
  serve_sample_pages();
  // The archive has its own tests (cli_archive_test.cpp).
  const RunResult r = run({"resolve", "--no-archive", "--mailto", "writer@example.org", test_data("ai-trends-2023-11.md")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err,
            "refs: note: " + test_data("ai-trends-2023-11.md") + ":206: footnote [^ref-n-2]: the link text differs from the title "
            "\"California suspends GM Cruise's driverless autonomous vehicle permits\" (web)\n"
            "refs: warning: https://www.wsj.com/tech/ai/google-commits-2-billion-in-funding-to-ai-startup-anthropic-db4d4c50: "
            "HTTP 403 (the site blocks robots or wants a login); cited from the post's text\n"
            "refs: warning: https://sidsite.com/posts/python-corrset-optimization/: HTTP 404; cited from the post's text\n"
            "hint: run 'refs resolve --refresh' later to try the failed references again\n");
  const auto arxiv = requests_to("export.arxiv.org");
  ASSERT_EQ(arxiv.size(), 1u);
  EXPECT_EQ(arxiv[0].target,
            "/api/query?id_list=2310.12941,2306.06079,2310.19736,2310.19909,2309.00071,2311.00212,2310.18313,"
            "2306.00984,2311.01906,2311.00871,2301.13310,2311.07361,2311.08401,2311.05997,2311.07590,2304.08483"
            "&max_results=16"); // in the post's order
  EXPECT_EQ(arxiv[0].user_agent, "refs/0.1.0 (mailto:writer@example.org)");
  EXPECT_EQ(m_server.log().size(), 21u); // PDFs are not fetched
  for (const char* host : {"towardsdatascience.com", "export.arxiv.org"}) {
    EXPECT_LE(m_server.max_concurrent(host), 2) << host;
  }
  EXPECT_NE(r.out.find("ref-pa-6   peng2023yarn"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ref-pa-14  microsoftresearchai4science2023impact  arxiv"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ref-n-2    shepardson2023california"), std::string::npos) << r.out;
  EXPECT_TRUE(r.out.ends_with("data from: 18 web, 4 post, 16 arxiv\n"
                              "fell back to the post's text: 1 HTTP 403 (the site blocks robots or wants a login), 1 HTTP 404\n"
                              "titles unlike the link text: 1 (see the notes)\n")) << r.out;
  const RunResult reuters = run({"show", "shepardson2023california"});
  EXPECT_NE(reuters.out.find("title:           California suspends GM Cruise's driverless autonomous vehicle permits  [json-ld]\n"), std::string::npos) << reuters.out;
  EXPECT_NE(reuters.out.find("author:          Shepardson, David  [json-ld]\n"), std::string::npos) << reuters.out;
  EXPECT_NE(reuters.out.find("container-title: Reuters  [opengraph]\n"), std::string::npos) << reuters.out;

  const RunResult show = run({"show", "arxiv2023yarn"});
  EXPECT_TRUE(show.out.starts_with("key:             peng2023yarn\nformer key:      arxiv2023yarn\n")) << show.out;
  EXPECT_NE(show.out.find("author:          Peng, Bowen and Quesnelle, Jeffrey and Fan, Honglu and Shippole, Enrico  [arxiv]\n"), std::string::npos);
  EXPECT_NE(show.out.find("issued:          2023-08-31  [arxiv]\n"), std::string::npos);
  EXPECT_NE(show.out.find("primary-class:   cs.CL  [arxiv]\n"), std::string::npos);
}

TEST_F(CliFetch, SecondRunAndOfflineRunMakeNoRequest) {
  serve_sample_pages();
  run({"resolve", test_data("ai-trends-2023-11.md")});
  const std::size_t first = m_server.log().size();
  const RunResult again = run({"resolve", test_data("ai-trends-2023-11.md")});
  EXPECT_EQ(m_server.log().size(), first);
  EXPECT_NE(again.out.find("; 0 new, 0 updated, 38 known\n"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("data from: 34 cached, 4 post\n"), std::string::npos) << again.out;
  const RunResult offline = run({"resolve", "--offline", test_data("ai-trends-2023-11.md")});
  EXPECT_EQ(m_server.log().size(), first);
  EXPECT_TRUE(offline.out.ends_with("data from: 34 stored, 4 post\n")) << offline.out;
  const RunResult refreshed = run({"resolve", "--refresh", test_data("ai-trends-2023-11.md")});
  EXPECT_EQ(m_server.log().size(), 2 * first);
  EXPECT_TRUE(refreshed.out.find("data from: 18 web, 4 post, 16 arxiv\n") != std::string::npos) << refreshed.out;
}

TEST_F(CliFetch, UnknownPaperFallsBackWithAWarningAndIsRemembered) {
  m_dir.write("p.md", "X[^a][^b]\n\n[^a]: [YaRN](https://arxiv.org/abs/2309.00071v2)\n[^b]: [Gone](https://arxiv.org/abs/2401.99999)\n");
  const RunResult r = run({"resolve", "p.md"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "refs: warning: https://arxiv.org/abs/2401.99999: arXiv has no paper 2401.99999; cited from the post's text\n"
                   "hint: run 'refs resolve --refresh' later to try the failed references again\n");
  EXPECT_EQ(r.out, "a  peng2023yarn   arxiv  arxiv  YaRN: Efficient Context Window Extension of Large Language Models\n"
                   "b  arxiv2024gone  arxiv  post   Gone\n"
                   "2 references in 1 post: 2 arxiv; 2 new, 0 updated, 0 known\n"
                   "data from: 1 arxiv, 1 post\n"
                   "fell back to the post's text: 1 arXiv has no paper 2401.99999\n");
  const RunResult verbose = run({"resolve", "-v", "p.md"});
  EXPECT_EQ(verbose.out.substr(0, verbose.out.find("2 references")),
            "a  peng2023yarn   arxiv  cached  YaRN: Efficient Context Window Extension of Large Language Models\n"
            "    title arxiv, author arxiv, issued arxiv, DOI arxiv; https://arxiv.org/abs/2309.00071v2\n"
            "b  arxiv2024gone  arxiv  post    Gone\n"
            "    title post, issued post, DOI post; https://arxiv.org/abs/2401.99999\n");
  const RunResult again = run({"resolve", "--strict", "p.md"});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(requests_to("export.arxiv.org").size(), 1u);
  EXPECT_NE(again.err.find("arXiv has no paper 2401.99999 (remembered from an earlier run)"), std::string::npos);
}

// A feed that cannot be read (here cut short whenever one paper is in the
// batch) is asked again in halves, down to single ids: the good papers
// resolve, the one that spoils the answer falls back to the post.
TEST_F(CliFetch, AnUnreadableBatchIsHalvedUntilOnlyTheBadIdFails) {
  m_server.on("export.arxiv.org", "/api/query", [](const httplib::Request& request) {
    const std::string ids = request.get_param_value("id_list");
    std::string feed = arxiv_feed(k_papers, ids);
    if (ids.find("2310.12941") != std::string::npos) {
      feed.resize(feed.size() / 2); // truncated mid-entry
    }
    return Reply{200, feed, "application/atom+xml; charset=utf-8", {}, 0};
  });
  m_dir.write("p.md", "X[^a][^b][^c][^d]\n\n[^a]: [YaRN](https://arxiv.org/abs/2309.00071)\n"
                      "[^b]: [FMTI](https://arxiv.org/abs/2310.12941)\n[^c]: [Days](https://arxiv.org/abs/2306.06079)\n"
                      "[^d]: [Survey](https://arxiv.org/abs/2310.19736)\n");
  const RunResult r = run({"resolve", "p.md"});
  EXPECT_EQ(r.exit_code, 0);
  std::vector<std::string> asked;
  for (const Logged& l : requests_to("export.arxiv.org")) {
    asked.push_back(l.target.substr(l.target.find("id_list=") + 8, l.target.find('&') - l.target.find("id_list=") - 8));
  }
  EXPECT_EQ(asked, (std::vector<std::string>{"2309.00071,2310.12941,2306.06079,2310.19736", "2309.00071,2310.12941",
                                             "2306.06079,2310.19736", "2309.00071", "2310.12941"}));
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')), "refs: warning: https://arxiv.org/abs/2310.12941: arXiv sent no feed: not XML: "
                                               "Start-end tags mismatch; cited from the post's text");
  EXPECT_EQ(r.out.substr(0, r.out.find("4 references")),
            "a  peng2023yarn          arxiv  arxiv  YaRN: Efficient Context Window Extension of Large Language Models\n"
            "b  arxiv2023fmti         arxiv  post   FMTI\n"
            "c  andrychowicz2023deep  arxiv  arxiv  Deep Learning for Day Forecasts from Sparse Observations\n"
            "d  guo2023evaluating     arxiv  arxiv  Evaluating Large Language Models: A Comprehensive Survey\n");
}

// A short link that leads to an article the post also cites directly is
// that article: one citation for both footnotes.
TEST_F(CliFetch, AShortLinkIsTheArticleItLeadsTo) {
  const std::string article = "/2023/11/20/openai-board-ousts-altman";
  m_server.on("bit.ly", "/3xYzAbc", Reply{301, "", "text/html", {{"Location", "https://www.example.com" + article}}, 0});
  m_server.on("www.example.com", article,
              Reply{200, news_page("OpenAI's board ousts Sam Altman", "Example News", "Ann Author", "2023-11-20"), "text/html", {}, 0});
  m_server.on("bit.ly", "/home", Reply{301, "", "text/html", {{"Location", "https://www.example.com/"}}, 0});
  m_server.on("www.example.com", "/", Reply{200, news_page("Example News", "Example News", "Ann Author", "2023-11-20"), "text/html", {}, 0});
  m_dir.write("p.md", "X[^s][^d][^h]\n\n[^s]: [Altman out](https://bit.ly/3xYzAbc)\n"
                      "[^d]: [OpenAI's board ousts Sam Altman](https://www.example.com" + article + ")\n"
                      "[^h]: [Example News](https://bit.ly/home)\n");
  const RunResult r = run({"resolve", "--no-archive", "p.md"});
  EXPECT_EQ(r.out.substr(0, r.out.find("3 references")),
            "s  author2023openais  web  web   OpenAI's board ousts Sam Altman\n"
            "d  author2023openais  web  web   OpenAI's board ousts Sam Altman\n"
            "h  bitexample         web  post  Example News\n");
  EXPECT_EQ(r.err, "refs: note: p.md:3: footnote [^s]: the link text differs from the title \"OpenAI's board ousts Sam "
                   "Altman\" (web)\n"
                   "refs: warning: https://bit.ly/home: redirected to the site's home page (https://www.example.com/); "
                   "cited from the post's text\n"
                   "refs: note: lib.sqlite: bitaltman and example2023openais are one work (same URL "
                   "https://example.com/2023/11/20/openai-board-ousts-altman): joined as author2023openais; `refs dedupe "
                   "--undo 1` separates them\n"
                   "refs: warning: p.md:4: [^s] (line 3) and [^d] cite the same work (author2023openais); `refs dedupe "
                   "--post p.md` shows how to make them one\n"
                   "hint: run 'refs resolve --refresh' later to try the failed references again\n");
}

TEST_F(CliFetch, ArxivDownIsAWarningNotAnError) {
  m_server.on("export.arxiv.org", "/api/query", Reply{503, "busy", "text/plain", {}, 0});
  m_dir.write("p.md", "X[^a]\n\n[^a]: [YaRN](https://arxiv.org/abs/2309.00071)\n");
  const RunResult r = run({"resolve", "p.md"}, {"REFS_ARXIV_INTERVAL_MS=10", "REFS_RETRY_DELAY_MS=10"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')),
            "refs: warning: https://arxiv.org/abs/2309.00071: HTTP 503; cited from the post's text");
  EXPECT_EQ(requests_to("export.arxiv.org").size(), 3u);
}

TEST_F(CliFetch, DoiByContentNegotiationThroughARedirect) {
  m_server.on("doi.org", "/10.1126/science.169.3946.635",
              Reply{302, "", "text/html", {{"Location", "https://api.crossref.org/v1/works/10.1126%2Fscience.169.3946.635/transform"}}, 0});
  // cpp-httplib hands handlers the decoded path.
  m_server.on("api.crossref.org", "/v1/works/10.1126/science.169.3946.635/transform",
              Reply{200, slurp(std::string(REFS_SOURCE_DIR) + "/tests/fixtures/doi/csl_json_crossref_10.1126_science.169.3946.635.json"),
                    "application/vnd.citationstyles.csl+json", {}, 0});
  m_dir.write("p.md", "X[^w]\n\n[^w]: [Water](https://doi.org/10.1126/science.169.3946.635)\n");
  const RunResult r = run({"resolve", "p.md"});
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "w  frank1970structure  doi  doi  The Structure of Ordinary Water");
  EXPECT_EQ(m_server.log().at(0).accept, "application/vnd.citationstyles.csl+json");
  const std::string bib = run({"export", "frank1970structure"}).out;
  EXPECT_NE(bib.find("  author = {Frank, Henry S.},\n"), std::string::npos) << bib;
}

TEST_F(CliFetch, ArxivRequestsAreThreeSecondsApartAcrossProcesses) {
  m_dir.write("p.md", "X[^a]\n\n[^a]: [YaRN](https://arxiv.org/abs/2309.00071)\n");
  run({"resolve", "p.md"}, {});
  run({"resolve", "--refresh", "p.md"}, {});
  const auto arxiv = requests_to("export.arxiv.org");
  ASSERT_EQ(arxiv.size(), 2u);
  EXPECT_GE(arxiv[1].start - arxiv[0].start, 3s);
}

TEST_F(CliFetch, NothingLeavesWithoutConnectToInTests) {
  m_dir.write("p.md", "X[^a]\n\n[^a]: [YaRN](https://arxiv.org/abs/2309.00071)\n");
  // No --connect-to: the test environment's proxy is a closed loopback port.
  const RunResult r = run_refs(m_dir.path(), {"--db", "lib.sqlite", "resolve", "p.md"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(r.err.starts_with("refs: warning: https://arxiv.org/abs/2309.00071: cannot connect")) << r.err;
  EXPECT_TRUE(m_server.log().empty());
}

} // namespace
} // namespace refs::testing

namespace refs::testing {
namespace {

TEST(CliExtract, ShowsEveryFieldWithItsOrigin) {
  TempDir dir;
  const RunResult r = run_refs(dir.path(), {"extract", std::string(REFS_SOURCE_DIR) + "/tests/fixtures/web/bbc_news_2017_metascraper.head.html",
                                            "--url", "https://www.bbc.co.uk/news/business-40504764"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "type:            webpage\n"
                   "title:           The man who built a $1bn firm in his basement  [json-ld headline]\n"
                   "author:          Smale, Will  [json-ld author]\n"
                   "issued:          2017-07-10  [json-ld datePublished]\n"
                   "container-title: BBC News  [opengraph og:site_name]\n"
                   "language:        en  [title <html lang>]\n"
                   "identifier:      canonical_url http://www.bbc.com/news/business-40504764\n"
                   "encoding:        UTF-8\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "home/.local/share/refs/library.sqlite"));
  const RunResult missing = run_refs(dir.path(), {"extract", "nope.html"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "refs: error: nope.html: cannot read: no such file or directory\n");
}

TEST(CliExtract, VerboseShowsTheRulesAndTheRejectedCandidates) {
  // A German page whose head names only a desk; the byline and the date
  // are in the visible article, beside an update and a comment's date.
  TempDir dir;
  const RunResult r = run_refs(dir.path(), {"extract", "-v", std::string(REFS_SOURCE_DIR) + "/tests/fixtures/web/SYNTHETIC_body_byline_de.html",
                                            "--url", "https://www.stadtanzeiger.example/2022/radwege"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "type:            webpage\n"
            "title:           Neue Radwege für die Altstadt  [page h1 in article <h1> (title <title> is the headline and "
            "\"Stadtanzeiger\")]\n"
            "author:          Bornhöft, Fiona and Hofbeck, Mariam  [page author class <p class=\"byline\">]\n"
            "issued:          2022-01-24  [page date class <p class=\"meta\">]\n"
            "container-title: Stadtanzeiger  [page h1 in article <h1> (the <title> beside the headline)]\n"
            "language:        de  [title <html lang>]\n"
            "encoding:        UTF-8\n"
            "rejected:        issued: \"Aktualisiert: 26.01.2022\" from date class <p class=\"meta\">: a date of change, not of "
            "publication\n"
            "rejected:        issued: \"2022-01-26\" from time near headline <time>: a date of change, not of publication\n"
            "rejected:        issued: \"Kommentar von Hans Meier am 25.01.2022\" from date class <p class=\"comment-meta\">: in "
            "<p class=\"comment-meta\">\n");
  const RunResult plain = run_refs(dir.path(), {"extract", std::string(REFS_SOURCE_DIR) + "/tests/fixtures/web/SYNTHETIC_body_byline_de.html"});
  EXPECT_EQ(plain.out.find("rejected:"), std::string::npos);
}

TEST_F(CliFetch, CacheClearMakesTheNextRunFetchAgain) {
  m_dir.write("p.md", "X[^a]\n\n[^a]: [YaRN](https://arxiv.org/abs/2309.00071)\n");
  run({"resolve", "p.md"});
  const RunResult cleared = run({"cache", "clear"});
  EXPECT_EQ(cleared.err, "refs: note: cleared 1 cached fetch\n");
  run({"resolve", "p.md"});
  EXPECT_EQ(requests_to("export.arxiv.org").size(), 2u);
}

} // namespace
} // namespace refs::testing

namespace refs::testing {
namespace {

TEST_F(CliFetch, RefreshRevalidatesWithTheEtag) {
  m_server.on("blog.example.com", "/post", [](const httplib::Request& request) {
    if (request.get_header_value("If-None-Match") == "\"v1\"") {
      return Reply{304, "", "text/html", {{"ETag", "\"v1\""}}, 0};
    }
    return Reply{200, news_page("A post", "Blog", "Ann Author", "2024-01-02"), "text/html", {{"ETag", "\"v1\""}}, 0};
  });
  m_dir.write("p.md", "X[^a]\n\n[^a]: [A post](https://blog.example.com/post)\n");
  EXPECT_NE(run({"resolve", "p.md"}).out.find("a  author2024post  web  web  A post\n"), std::string::npos);
  const RunResult again = run({"resolve", "--refresh", "p.md"});
  EXPECT_NE(again.out.find("a  author2024post  web  cached  A post\n"), std::string::npos) << again.out;
  const auto log = m_server.log();
  ASSERT_EQ(log.size(), 2u);
}

TEST_F(CliFetch, AJournalPageIsHandedToTheDoiSource) {
  m_server.on("journal.example.org", "/article/7",
              Reply{200, "<html><head><meta name=\"citation_title\" content=\"The Structure of Ordinary Water\">"
                         "<meta name=\"citation_doi\" content=\"10.1126/science.169.3946.635\"></head></html>", "text/html", {}, 0});
  m_server.on("doi.org", "/10.1126/science.169.3946.635",
              Reply{200, slurp(std::string(REFS_SOURCE_DIR) + "/tests/fixtures/doi/csl_json_crossref_10.1126_science.169.3946.635.json"),
                    "application/vnd.citationstyles.csl+json", {}, 0});
  m_dir.write("p.md", "X[^w]\n\n[^w]: [Water](https://journal.example.org/article/7)\n");
  const RunResult r = run({"resolve", "p.md"});
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "w  frank1970structure  web  web  The Structure of Ordinary Water");
  const RunResult shown = run({"show", "frank1970structure"});
  EXPECT_NE(shown.out.find("container-title: Science  [doi]\n"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("identifier:      doi 10.1126/science.169.3946.635\n"), std::string::npos) << shown.out;
}

TEST_F(CliFetch, PrivateHostsAreRefusedUnlessAllowed) {
  m_dir.write("p.md", "X[^r]\n\n[^r]: [Router](https://192.168.1.1/admin)\n");
  const RunResult r = run({"resolve", "p.md"});
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')),
            "refs: warning: https://192.168.1.1/admin: refused: 192.168.1.1 is a private or loopback host (--allow-private); "
            "cited from the post's text");
  EXPECT_TRUE(m_server.log().empty());
}

TEST_F(CliFetch, ConfigFileGivesMailtoAndJobs) {
  m_dir.write("xdg/refs/config.toml", "mailto = \"config@example.org\"\njobs = 1\n");
  m_dir.write("p.md", "X[^a]\n\n[^a]: [YaRN](https://arxiv.org/abs/2309.00071)\n");
  run({"resolve", "p.md"}, {"XDG_CONFIG_HOME=" + (m_dir / "xdg").string()});
  EXPECT_EQ(requests_to("export.arxiv.org").at(0).user_agent, "refs/0.1.0 (mailto:config@example.org)");
  m_dir.write("xdg/refs/config.toml", "jobs = [\n");
  const RunResult bad = run({"resolve", "p.md"}, {"XDG_CONFIG_HOME=" + (m_dir / "xdg").string()});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_TRUE(bad.err.starts_with("refs: error: " + (m_dir / "xdg/refs/config.toml").string() + ":")) << bad.err;
}

} // namespace
} // namespace refs::testing

namespace refs::testing {
namespace {

// One work cited in two posts by URLs that share nothing: the sources show
// it is one (a published DOI named by the arXiv API, a page's canonical
// URL), and the library joins them, with a note.
class CliFetchDedupe : public CliFetch {};

TEST_F(CliFetchDedupe, APreprintNamingAPublishedDoiCitedElsewhereIsThatWork) {
  m_server.on("export.arxiv.org", "/api/query", [](const httplib::Request& request) {
    const std::map<std::string, FakePaper> papers = {
        {"2401.00001", {"The Structure of Ordinary Water", {"Henry S. Frank"}, "2024-01-01T00:00:00Z", "physics.chem-ph",
                        "10.1126/science.169.3946.635"}}};
    return Reply{200, arxiv_feed(papers, request.get_param_value("id_list")), "application/atom+xml", {}, 0};
  });
  m_server.on("doi.org", "/10.1126/science.169.3946.635",
              Reply{200, slurp(std::string(REFS_SOURCE_DIR) + "/tests/fixtures/doi/csl_json_crossref_10.1126_science.169.3946.635.json"),
                    "application/vnd.citationstyles.csl+json", {}, 0});
  m_dir.write("a.md", "Published[^p].\n\n[^p]: [Water](https://doi.org/10.1126/science.169.3946.635)\n");
  m_dir.write("b.md", "Preprint[^q].\n\n[^q]: [Water preprint](https://arxiv.org/abs/2401.00001)\n");
  ASSERT_EQ(run({"resolve", "a.md"}).exit_code, 0);
  const RunResult b = run({"resolve", "b.md"});
  EXPECT_EQ(b.exit_code, 0);
  EXPECT_EQ(b.err, "refs: note: b.md:3: footnote [^q]: the link text differs from the title \"The Structure of "
                   "Ordinary Water\" (arxiv)\n"
                   "refs: note: lib.sqlite: frank1970structure and arxiv2024water are one work (preprint of the "
                   "published DOI 10.1126/science.169.3946.635): joined as frank1970structure; `refs dedupe --undo 1` "
                   "separates them\n");
  EXPECT_EQ(b.out.substr(0, b.out.find('\n')), "q  frank1970structure  arxiv  arxiv  The Structure of Ordinary Water");
  EXPECT_EQ(run({"--offline", "list"}).out, "frank1970structure  article-journal  1970  2  The Structure of Ordinary Water\n");
  const RunResult shown = run({"--offline", "show", "arxiv2024water"});
  EXPECT_NE(shown.out.find("identifier:      doi 10.1126/science.169.3946.635\n"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("identifier:      arxiv 2401.00001\n"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("container-title: Science  [doi]\n"), std::string::npos) << shown.out;
}

TEST_F(CliFetchDedupe, ACanonicalUrlJoinsItsPageButAHomePageCanonicalJoinsNothing) {
  const auto page = [](const std::string& title, const std::string& canonical) {
    return "<html><head><title>" + title + "</title><link rel=\"canonical\" href=\"" + canonical +
           "\"><meta property=\"og:title\" content=\"" + title + "\"></head><body></body></html>";
  };
  m_server.on("news.example.com", "/print/story-5",
              Reply{200, page("Rain in Spain", "https://news.example.com/2023/11/story-5"), "text/html", {}, 0});
  m_server.on("news.example.com", "/2023/11/story-5",
              Reply{200, page("Rain in Spain", "https://news.example.com/2023/11/story-5"), "text/html", {}, 0});
  m_server.on("news.example.com", "/2023/11/story-6",
              Reply{200, page("Snow in Norway", "https://news.example.com/"), "text/html", {}, 0});
  m_server.on("news.example.com", "/", Reply{200, page("Example News", "https://news.example.com/"), "text/html", {}, 0});
  m_dir.write("p.md", "A[^a] B[^b] C[^c] D[^d]\n\n"
                      "[^a]: [Rain, printable](https://news.example.com/print/story-5)\n"
                      "[^b]: [Rain](https://news.example.com/2023/11/story-5)\n"
                      "[^c]: [Snow](https://news.example.com/2023/11/story-6)\n"
                      "[^d]: [Example News](https://news.example.com/)\n");
  const RunResult r = run({"resolve", "p.md"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "refs: note: p.md:3: footnote [^a]: the link text differs from the title \"Rain in Spain\" (web)\n"
                   "refs: note: lib.sqlite: examplerain and example2023rain are one work (canonical URL "
                   "https://news.example.com/2023/11/story-5): joined as example2023rain; `refs dedupe --undo 1` "
                   "separates them\n"
                   "refs: warning: p.md:4: [^a] (line 3) and [^b] cite the same work (example2023rain); "
                   "`refs dedupe --post p.md` shows how to make them one\n");
  const RunResult listed = run({"--offline", "list"});
  EXPECT_EQ(std::count(listed.out.begin(), listed.out.end(), '\n'), 3) << listed.out;
  EXPECT_EQ(run({"--offline", "dedupe"}).err, "refs: note: no two of the 3 citations are one work\n");
}

} // namespace
} // namespace refs::testing
