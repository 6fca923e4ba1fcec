// End-to-end: pages that are gone or walled, described by their Wayback
// Machine captures. The fixture server answers for the live sites (as
// they answer robots in 2026) and impersonates web.archive.org: its CDX
// API and its `id_` replays.
#include "tests/support/fixture_server.hpp"
#include "tests/support/news_page.hpp"
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <httplib.h>

#include <gtest/gtest.h>

#include <filesystem>

namespace refs::testing {
namespace {

using namespace std::chrono_literals;

const std::string k_reuters = "https://www.reuters.com/business/autos-transportation/california-suspends-gm-cruises-permits-2023-10-24/";
const std::string k_reuters_path = "/business/autos-transportation/california-suspends-gm-cruises-permits-2023-10-24/";
const std::string k_cruise = "California suspends GM Cruise's driverless permits";

/// A CDX answer: the field names, then one row per capture, answered 200.
std::string cdx(const std::string& original, const std::vector<std::string>& timestamps) {
  std::string out = "[[\"timestamp\",\"original\",\"statuscode\",\"mimetype\"]";
  for (const std::string& ts : timestamps) {
    out += ",\n[\"" + ts + "\",\"" + original + "\",\"200\",\"text/html\"]";
  }
  return out + "]\n";
}

/// A replay of a capture, as the Wayback Machine sends it with `id_`.
Reply replay(const std::string& body, const std::string& memento = "Sat, 18 Nov 2023 10:10:10 GMT") {
  return Reply{200, body, "text/html; charset=utf-8", {{"Memento-Datetime", memento}}, 0};
}

class CliArchive : public ::testing::Test {
protected:
  /// Runs refs with every host routed to the fixture server, the archive's
  /// pacing shortened so that a test takes no minutes.
  RunResult run(std::vector<std::string> args, std::vector<std::string> env = {}) {
    args.insert(args.begin(), {"--db", "lib.sqlite", "--connect-to", m_server.connect_to(), "--cacert", m_server.cacert()});
    env.insert(env.begin(), {"no_proxy=*", "REFS_ARCHIVE_INTERVAL_MS=50", "REFS_RETRY_DELAY_MS=10"});
    return run_refs(m_dir.path(), args, env);
  }

  std::vector<Logged> requests_to(const std::string& host, const std::string& path = "") const {
    std::vector<Logged> out;
    for (const Logged& l : m_server.log()) {
      if (l.host == host && (path.empty() || l.path == path)) {
        out.push_back(l);
      }
    }
    return out;
  }

  /// Reuters answers robots 401 with DataDome's header; the archive has it.
  void serve_walled_reuters() {
    m_server.on("www.reuters.com", k_reuters_path,
                Reply{401, "<html><head><title>reuters.com</title></head><body></body></html>", "text/html",
                      {{"x-datadome", "protected"}}, 0});
    m_server.on("web.archive.org", "/cdx/search/cdx",
                Reply{200, cdx(k_reuters, {"20231125000000", "20231118101010", "20231118101010", "20230101000000"}),
                      "application/json", {}, 0});
    m_server.on("web.archive.org", "/web/20231118101010id_/" + k_reuters,
                replay(news_page(k_cruise, "Reuters", "David Shepardson", "2023-10-24T17:16:48Z")));
  }

  FixtureServer m_server;
  TempDir m_dir;
};

TEST_F(CliArchive, AWalledPageIsDescribedByItsCaptureNearestThePostsDate) {
  serve_walled_reuters();
  m_dir.write("p.md", "---\ntitle: AI news\ndate: 2023-11-20 09:00:00 +0900\n---\nCruise[^r].\n\n"
                      "[^r]: [Cruise loses its permit](" + k_reuters + ")\n");
  const RunResult r = run({"resolve", "p.md"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "r  shepardson2023california  web  archive  " + k_cruise + "\n"
                   "1 reference in 1 post: 1 web; 1 new, 0 updated, 0 known\n"
                   "data from: 1 archive\n"
                   "titles unlike the link text: 1 (see the notes)\n");
  EXPECT_EQ(r.err, "refs: note: " + k_reuters + ": HTTP 401 (the site blocks robots or wants a login); described from "
                   "the archived copy of 2023-11-18 (https://web.archive.org/web/20231118101010/" + k_reuters + ")\n"
                   "refs: note: p.md:7: footnote [^r]: the link text differs from the title \"" + k_cruise + "\" (archive)\n");
  // The capture list is asked for the captures nearest the end of the
  // post's day, nearest first; the latest capture before that day wins
  // over a nearer one after it, and the repeated row is one capture.
  const auto lists = requests_to("web.archive.org", "/cdx/search/cdx");
  ASSERT_EQ(lists.size(), 1u);
  EXPECT_EQ(lists[0].target,
            "/cdx/search/cdx?url=https%3a%2f%2fwww.reuters.com%2fbusiness%2fautos-transportation%2f"
            "california-suspends-gm-cruises-permits-2023-10-24%2f&output=json&fl=timestamp%2coriginal%2cstatuscode%2cmimetype"
            "&filter=statuscode%3a200&closest=20231120235959&sort=closest&limit=5");
  EXPECT_EQ(requests_to("web.archive.org").size(), 2u);

  const RunResult show = run({"show", "shepardson2023california"});
  EXPECT_NE(show.out.find("author:          Shepardson, David  [archive]\n"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("issued:          2023-10-24  [archive]\n"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("archived:        https://web.archive.org/web/20231118101010/" + k_reuters +
                          "  [captured 2023-11-18T10:10:10Z]\n"),
            std::string::npos)
      << show.out;
  const RunResult markdown = run({"export", "--markdown"});
  EXPECT_EQ(markdown.out, "[^shepardson2023california]: David Shepardson. [" + k_cruise + "](" + k_reuters +
                              "). Reuters, 2023-10-24. [archived](https://web.archive.org/web/20231118101010/" + k_reuters + ").\n");
  const RunResult biblatex = run({"export", "--biblatex"});
  EXPECT_NE(biblatex.out.find("  addendum = {Archived at \\url{https://web.archive.org/web/20231118101010/" + k_reuters +
                              "} on 2023-11-18},\n"),
            std::string::npos)
      << biblatex.out;
  const RunResult csl = run({"export", "--csl-json"});
  EXPECT_NE(csl.out.find("\"archive\": \"Internet Archive\",\n    \"archive_location\": \"https://web.archive.org/web/20231118101010/" +
                         k_reuters + "\""),
            std::string::npos)
      << csl.out;
  EXPECT_NE(csl.out.find("\"archive-date\": \"2023-11-18T10:10:10Z\""), std::string::npos) << csl.out;

  // Captures never change: the next run asks nothing, and says the same.
  const std::size_t before = m_server.log().size();
  const RunResult again = run({"resolve", "p.md"});
  EXPECT_EQ(m_server.log().size(), before);
  EXPECT_NE(again.out.find("r  shepardson2023california  web  archive  "), std::string::npos) << again.out;
}

TEST_F(CliArchive, APostWithoutADateUsesItsFilesDay) {
  serve_walled_reuters();
  const auto post = m_dir.write("p.md", "Cruise[^r].\n\n[^r]: [Cruise](" + k_reuters + ")\n");
  // 2023-06-01 12:00 UTC.
  const auto when = std::chrono::file_clock::from_sys(std::chrono::sys_seconds(std::chrono::seconds(1685620800)));
  std::filesystem::last_write_time(post, when);
  ASSERT_EQ(run({"resolve", "p.md"}).exit_code, 0);
  const auto lists = requests_to("web.archive.org", "/cdx/search/cdx");
  ASSERT_EQ(lists.size(), 1u);
  EXPECT_NE(lists[0].target.find("&closest=20230601235959&"), std::string::npos) << lists[0].target;
  // The one capture before that day is taken, not the nearer ones after it.
  m_server.wait_idle();
  EXPECT_EQ(requests_to("web.archive.org", "/web/20231118101010id_/" + k_reuters).size(), 0u);
  EXPECT_EQ(requests_to("web.archive.org", "/web/20230101000000id_/" + k_reuters).size(), 1u);
}

TEST_F(CliArchive, NoCaptureIsAWarningAndIsRemembered) {
  m_server.on("www.whitehouse.gov", "/briefing-room/statements-releases/2023/10/30/fact-sheet/",
              Reply{404, "<title>Page Not Found</title>", "text/html", {}, 0});
  m_server.on("web.archive.org", "/cdx/search/cdx", Reply{200, "[]", "application/json", {}, 0});
  m_dir.write("p.md", "---\ndate: 2023-11-20\n---\nX[^w].\n\n"
                      "[^w]: [Fact sheet](https://www.whitehouse.gov/briefing-room/statements-releases/2023/10/30/fact-sheet/)\n");
  const RunResult r = run({"resolve", "p.md"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "refs: warning: https://www.whitehouse.gov/briefing-room/statements-releases/2023/10/30/fact-sheet/: "
                   "HTTP 404; the Wayback Machine has no copy; cited from the post's text\n"
                   "hint: run 'refs resolve --refresh' later to try the failed references again\n");
  const std::size_t before = m_server.log().size();
  const RunResult again = run({"resolve", "p.md"});
  EXPECT_EQ(m_server.log().size(), before);
  EXPECT_EQ(again.err, "refs: warning: https://www.whitehouse.gov/briefing-room/statements-releases/2023/10/30/fact-sheet/: "
                       "HTTP 404 (remembered from an earlier run); the Wayback Machine has no copy (remembered from an "
                       "earlier run); cited from the post's text\n"
                       "hint: run 'refs resolve --refresh' later to try the failed references again\n");
  // --refresh asks both again.
  run({"resolve", "--refresh", "p.md"});
  EXPECT_EQ(requests_to("web.archive.org").size(), 2u);
}

TEST_F(CliArchive, ReplaysFollowANearerCaptureAndNeedMementoDatetime) {
  const std::string a = "https://www.nytimes.com/2023/11/17/technology/openai-sam-altman-ousted.html";
  const std::string b = "https://www.nytimes.com/2023/11/18/technology/openai-board.html";
  const std::string c = "https://www.nytimes.com/2023/11/19/technology/openai-challenge.html";
  for (const std::string& url : {a, b, c}) {
    m_server.on("www.nytimes.com", url.substr(23), Reply{403, "<title>Access Denied</title>", "text/html", {}, 0});
  }
  m_server.on("web.archive.org", "/cdx/search/cdx", [&](const httplib::Request& request) {
    return Reply{200, cdx(request.get_param_value("url"), {"20231118000000"}), "application/json", {}, 0};
  });
  // a: the archive sends the reader on to the capture nearest the asked
  // time, as it does for most replays.
  m_server.on("web.archive.org", "/web/20231118000000id_/" + a,
              Reply{302, "", "text/html", {{"Location", "https://web.archive.org/web/20231117221501id_/" + a}}, 0});
  m_server.on("web.archive.org", "/web/20231117221501id_/" + a,
              replay(news_page("OpenAI's Board Pushes Out Sam Altman", "The New York Times", "Cade Metz", "2023-11-17"),
                     "Fri, 17 Nov 2023 22:15:01 GMT"));
  // b: an error page of the archive itself, without Memento-Datetime.
  m_server.on("web.archive.org", "/web/20231118000000id_/" + b,
              Reply{200, news_page("Wayback Machine", "Internet Archive", "", "2026-01-01"), "text/html", {}, 0});
  // c: the archive captured the bot challenge, not the page.
  m_server.on("web.archive.org", "/web/20231118000000id_/" + c,
              replay("<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>"));
  m_dir.write("p.md", "---\ndate: 2023-11-20\n---\nX[^a][^b][^c].\n\n[^a]: [Altman out](" + a + ")\n[^b]: [Board](" + b +
                          ")\n[^c]: [Challenge](" + c + ")\n");
  const RunResult r = run({"resolve", "p.md"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "refs: note: " + a + ": HTTP 403 (the site blocks robots or wants a login); described from the archived copy "
                   "of 2023-11-17 (https://web.archive.org/web/20231117221501/" + a + ")\n"
                   "refs: note: p.md:6: footnote [^a]: the link text differs from the title \"OpenAI's Board Pushes Out Sam "
                   "Altman\" (archive)\n"
                   "refs: warning: " + b + ": HTTP 403 (the site blocks robots or wants a login); no archived copy: "
                   "web.archive.org answered without a capture; cited from the post's text\n"
                   "refs: warning: " + c + ": HTTP 403 (the site blocks robots or wants a login); the archived copy of "
                   "2023-11-18 is no description: not the page but a bot, login or error wall (\"Just a moment...\"); "
                   "cited from the post's text\n"
                   "hint: run 'refs resolve --refresh' later to try the failed references again\n");
}

TEST_F(CliArchive, EveryWallAndDeathAsksTheArchiveAndNothingElseDoes) {
  struct Page {
    std::string host;
    std::string path;
    Reply reply;
  };
  const std::vector<Page> lost = {
      // Cloudflare's managed challenge: 403, cf-mitigated, a challenge page.
      {"openai.com", "/blog/new-models-and-developer-products-announced-at-devday",
       Reply{403, "<html><head><title>Just a moment...</title></head><body></body></html>", "text/html; charset=UTF-8",
             {{"cf-mitigated", "challenge"}, {"server", "cloudflare"}}, 0}},
      // LinkedIn's answer to robots.
      {"www.linkedin.com", "/pulse/ai-trends-2023", Reply{999, "", "text/html", {}, 0}},
      // A page answered 200 that is a challenge.
      {"www.gov.uk", "/government/publications/ai-safety-summit-2023-the-bletchley-declaration",
       Reply{200, "<html><head><title>Are you a robot?</title></head><body></body></html>", "text/html", {}, 0}},
      // A dead page sent to the home page, and a parked domain.
      {"deepmind.google", "/discover/blog/graphcast", Reply{301, "", "text/html", {{"Location", "https://deepmind.google/"}}, 0}},
      {"luminousmen.com", "/post/how-to-visualize-deep-learning-models",
       Reply{200, "<html><head><title>This domain is for sale</title></head></html>", "text/html", {}, 0}},
      {"oecd.ai", "/en/ai-principles", Reply{410, "", "text/html", {}, 0}},
  };
  std::string post = "---\ndate: 2023-11-20\n---\nX[^l0][^l1][^l2][^l3][^l4][^l5][^s][^b][^n].\n\n";
  for (std::size_t i = 0; i < lost.size(); ++i) {
    m_server.on(lost[i].host, lost[i].path, lost[i].reply);
    post += "[^l" + std::to_string(i) + "]: [Page](https://" + lost[i].host + lost[i].path + ")\n";
  }
  m_server.on("deepmind.google", "/", Reply{200, news_page("Google DeepMind", "Google DeepMind", "", "2023-01-01"), "text/html", {}, 0});
  // Not lost: a server error (it may come back) and a page without metadata.
  m_server.on("status.openai.com", "/incidents/00fpy0yxrx1q", Reply{500, "", "text/html", {}, 0});
  m_server.on("example.com", "/bare", Reply{200, "<html><body>no head</body></html>", "text/html", {}, 0});
  post += "[^s]: [Outages](https://status.openai.com/incidents/00fpy0yxrx1q)\n[^b]: [Bare](https://example.com/bare)\n";
  // A host that does not resolve, routed to a name that cannot.
  post += "[^n]: [Gone](https://www.nxdomain-example.org/2023/post)\n";
  m_server.on("web.archive.org", "/cdx/search/cdx", Reply{200, "[]", "application/json", {}, 0});
  m_dir.write("p.md", post);
  // curl takes the first --connect-to rule that matches.
  const RunResult r = run_refs(m_dir.path(),
                               {"--db", "lib.sqlite", "--connect-to", "www.nxdomain-example.org:443:no-such-host.invalid:443",
                                "--connect-to", m_server.connect_to(), "--cacert", m_server.cacert(), "resolve", "p.md"},
                               {"no_proxy=*", "REFS_ARCHIVE_INTERVAL_MS=50", "REFS_RETRY_DELAY_MS=10"});
  EXPECT_EQ(r.exit_code, 0);
  std::vector<std::string> asked;
  for (const Logged& l : requests_to("web.archive.org", "/cdx/search/cdx")) {
    asked.push_back(l.target.substr(l.target.find("url=") + 4, l.target.find("&output") - l.target.find("url=") - 4));
  }
  std::sort(asked.begin(), asked.end());
  EXPECT_EQ(asked, (std::vector<std::string>{"https%3a%2f%2fdeepmind.google%2fdiscover%2fblog%2fgraphcast",
                                             "https%3a%2f%2fluminousmen.com%2fpost%2fhow-to-visualize-deep-learning-models",
                                             "https%3a%2f%2foecd.ai%2fen%2fai-principles",
                                             "https%3a%2f%2fopenai.com%2fblog%2fnew-models-and-developer-products-announced-at-devday",
                                             "https%3a%2f%2fwww.gov.uk%2fgovernment%2fpublications%2fai-safety-summit-2023-the-bletchley-declaration",
                                             "https%3a%2f%2fwww.linkedin.com%2fpulse%2fai-trends-2023",
                                             "https%3a%2f%2fwww.nxdomain-example.org%2f2023%2fpost"}))
      << r.err;
}

TEST_F(CliArchive, A429PausesTheArchiveAndASecondGivesItUpWithOneWarning) {
  std::string post = "---\ndate: 2023-11-20\n---\nX[^w0][^w1][^w2].\n\n";
  for (int i = 0; i < 3; ++i) {
    const std::string path = "/2023/11/" + std::to_string(10 + i) + "/story.html";
    m_server.on("www.wsj.com", path, Reply{403, "<title>Access Denied</title>", "text/html", {}, 0});
    post += "[^w" + std::to_string(i) + "]: [Story](https://www.wsj.com" + path + ")\n";
  }
  // The archive sends no Retry-After.
  m_server.on("web.archive.org", "/cdx/search/cdx", Reply{429, "Too Many Requests", "text/plain", {}, 0});
  m_dir.write("p.md", post);
  const RunResult r = run({"resolve", "p.md"}, {"REFS_ARCHIVE_PAUSE_MS=600"});
  EXPECT_EQ(r.exit_code, 0);
  const auto asked = requests_to("web.archive.org");
  ASSERT_EQ(asked.size(), 2u);
  EXPECT_GE(asked[1].start - asked[0].end, 600ms);
  const std::string gave_up = "refs: warning: web.archive.org: web.archive.org asked us to slow down (HTTP 429) 2 times; "
                              "no archived copies were looked up for the rest of this run\n";
  ASSERT_NE(r.err.find(gave_up), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(gave_up), r.err.rfind(gave_up));
  // The pause holds for the next process too.
  const auto second_start = std::chrono::steady_clock::now();
  run({"resolve", "--refresh", "p.md"}, {"REFS_ARCHIVE_PAUSE_MS=600"});
  const auto again = requests_to("web.archive.org");
  ASSERT_EQ(again.size(), 4u);
  EXPECT_GE(again[2].start - asked[1].end, 600ms);
  EXPECT_GE(again[2].start, second_start);
}

TEST_F(CliArchive, CaptureListsOneAtATimeAndReplaysTwoAtATime) {
  std::string post = "---\ndate: 2023-11-20\n---\nX[^w0][^w1][^w2][^w3].\n\n";
  for (int i = 0; i < 4; ++i) {
    const std::string path = "/tech/story-" + std::to_string(i);
    m_server.on("www.wsj.com", path, Reply{403, "<title>Access Denied</title>", "text/html", {}, 0});
    m_server.on("web.archive.org", "/web/20231101000000id_/https://www.wsj.com" + path, [i](const httplib::Request&) {
      Reply r = replay(news_page("Story " + std::to_string(i), "WSJ", "Ann Writer", "2023-10-3" + std::to_string(i)));
      r.delay_ms = 300;
      return r;
    });
    post += "[^w" + std::to_string(i) + "]: [Story " + std::to_string(i) + "](https://www.wsj.com" + path + ")\n";
  }
  m_server.on("web.archive.org", "/cdx/search/cdx", [](const httplib::Request& request) {
    return Reply{200, cdx(request.get_param_value("url"), {"20231101000000"}), "application/json", {}, 100};
  });
  m_dir.write("p.md", post);
  const RunResult r = run({"resolve", "p.md"}, {"REFS_ARCHIVE_INTERVAL_MS=300"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("data from: 4 archive\n"), std::string::npos) << r.out;
  const auto lists = requests_to("web.archive.org", "/cdx/search/cdx");
  ASSERT_EQ(lists.size(), 4u);
  for (std::size_t i = 1; i < lists.size(); ++i) {
    EXPECT_GE(lists[i].start - lists[i - 1].start, 300ms);
    EXPECT_GE(lists[i].start, lists[i - 1].end);
  }
  EXPECT_EQ(m_server.max_concurrent("web.archive.org"), 2);
}

TEST_F(CliArchive, ALiveAnswerLaterReplacesTheArchivedFields) {
  serve_walled_reuters();
  m_dir.write("p.md", "---\ndate: 2023-11-20\n---\nCruise[^r].\n\n[^r]: [Cruise](" + k_reuters + ")\n");
  ASSERT_EQ(run({"resolve", "p.md"}).exit_code, 0);
  m_server.on("www.reuters.com", k_reuters_path,
              Reply{200, news_page(k_cruise + " (updated)", "Reuters", "David Shepardson", "2023-10-24T17:16:48Z"), "text/html", {}, 0});
  const RunResult r = run({"resolve", "--refresh", "p.md"});
  EXPECT_NE(r.out.find("r  shepardson2023california  web  web  " + k_cruise + " (updated)\n"), std::string::npos) << r.out;
  const RunResult show = run({"show", "shepardson2023california"});
  EXPECT_NE(show.out.find("author:          Shepardson, David  [json-ld]\n"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("archived:        https://web.archive.org/web/20231118101010/"), std::string::npos) << show.out;
}

TEST_F(CliArchive, NoArchiveFlagAndConfigTurnItOff) {
  serve_walled_reuters();
  m_dir.write("p.md", "Cruise[^r].\n\n[^r]: [Cruise](" + k_reuters + ")\n");
  run({"--no-archive", "resolve", "p.md"});
  m_dir.write("xdg/refs/config.toml", "archive = false\n");
  run({"resolve", "--refresh", "p.md"}, {"XDG_CONFIG_HOME=" + (m_dir / "xdg").string()});
  EXPECT_EQ(requests_to("www.reuters.com").size(), 2u);
  EXPECT_EQ(requests_to("web.archive.org").size(), 0u);
}

} // namespace
} // namespace refs::testing
