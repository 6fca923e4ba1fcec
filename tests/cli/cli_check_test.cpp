// End-to-end: `refs check` against live sites as they answer robots in
// 2026 (walls, soft 404s, moves, deaths), all played by the loopback
// fixture server, with the Wayback Machine impersonated too.
#include "tests/support/fixture_server.hpp"
#include "tests/support/kill_points.hpp"
#include "tests/support/news_page.hpp"
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <mutex>

namespace refs::testing {
namespace {

using namespace std::chrono_literals;

constexpr std::int64_t k_day = 24 * 60 * 60;
constexpr std::int64_t k_epoch = 1764201600; // 2025-11-27, run_refs's SOURCE_DATE_EPOCH

Reply page(const std::string& title) { return Reply{200, news_page(title, "Site", "Ann Author", "2023-11-20"), "text/html", {}, 0}; }

class CliCheck : public ::testing::Test {
protected:
  std::vector<std::string> routed(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", "lib.sqlite", "--connect-to", m_server.connect_to(), "--cacert", m_server.cacert()});
    return args;
  }
  std::vector<std::string> env(std::int64_t now = k_epoch) const {
    return {"no_proxy=*", "REFS_ARCHIVE_INTERVAL_MS=50", "REFS_RETRY_DELAY_MS=10", "SOURCE_DATE_EPOCH=" + std::to_string(now)};
  }
  RunResult run(std::vector<std::string> args, std::int64_t now = k_epoch) {
    return run_refs(m_dir.path(), routed(std::move(args)), env(now));
  }

  /// The verdicts of a --json run, by label.
  static std::map<std::string, std::string> verdicts(const RunResult& r) {
    std::map<std::string, std::string> out;
    const auto json = nlohmann::json::parse(r.out, nullptr, false);
    if (json.is_object()) {
      for (const auto& link : json["links"]) {
        out[link["label"].get<std::string>()] = link["verdict"].get<std::string>() + " " + link["detail"].get<std::string>();
      }
    }
    return out;
  }

  FixtureServer m_server;
  TempDir m_dir;
};

TEST_F(CliCheck, EveryAnswerGetsItsVerdictAndNoWallIsCalledDead) {
  m_server.on("example.com", "/ok", page("A page"));
  m_server.on("example.com", "/old", Reply{301, "", "text/html", {{"Location", "https://example.com/2024/new-place"}}, 0});
  m_server.on("example.com", "/2024/new-place", page("A page that moved"));
  m_server.on("example.com", "/slash", Reply{301, "", "text/html", {{"Location", "https://example.com/slash/"}}, 0});
  m_server.on("example.com", "/slash/", page("The same page"));
  m_server.on("example.com", "/temporary", Reply{302, "", "text/html", {{"Location", "https://example.com/ok"}}, 0});
  m_server.on("openai.com", "/blog/devday", Reply{403, "<html><head><title>Just a moment...</title></head></html>", "text/html",
                                                 {{"cf-mitigated", "challenge"}, {"server", "cloudflare"}}, 0});
  m_server.on("www.reuters.com", "/technology/story", Reply{401, "", "text/html", {{"x-datadome", "protected"}}, 0});
  m_server.on("www.linkedin.com", "/pulse/post", Reply{999, "", "text/html", {}, 0});
  m_server.on("www.wsj.com", "/tech/story", Reply{403, "<title>Access Denied</title>", "text/html", {}, 0});
  m_server.on("example.org", "/challenge", Reply{200, "<html><head><title>Just a moment...</title></head></html>", "text/html", {}, 0});
  // A site that answers 429 to everything is left alone after 3 of them.
  m_server.on("busy.example.org", "/busy", Reply{429, "", "text/plain", {}, 0});
  m_server.on("busy.example.org", "/busy-too", Reply{429, "", "text/plain", {}, 0});
  m_server.on("example.org", "/not-found-page", Reply{200, "<html><head><title>Page Not Found | Site</title></head></html>", "text/html", {}, 0});
  m_server.on("example.org", "/to-home", Reply{302, "", "text/html", {{"Location", "https://example.org/"}}, 0});
  m_server.on("example.org", "/", page("Home"));
  m_server.on("luminousmen.com", "/post/x", Reply{200, "<html><head><title>This domain is for sale</title></head></html>", "text/html", {}, 0});
  m_server.on("example.org", "/gone", Reply{404, "<title>Not here</title>", "text/html", {}, 0});
  m_server.on("example.org", "/removed", Reply{410, "", "text/html", {}, 0});
  m_server.on("example.org", "/down", Reply{503, "", "text/html", {}, 0});
  m_server.on("example.org", "/big.zip", Reply{200, std::string(1 << 20, 'z'), "application/zip", {}, 0});
  const std::vector<std::pair<std::string, std::string>> links = {
      {"ok", "https://example.com/ok"},           {"moved", "https://example.com/old"},
      {"slash", "https://example.com/slash"},     {"temp", "https://example.com/temporary"},
      {"cf", "https://openai.com/blog/devday"},   {"dd", "https://www.reuters.com/technology/story"},
      {"li", "https://www.linkedin.com/pulse/post"}, {"wsj", "https://www.wsj.com/tech/story"},
      {"ch", "https://example.org/challenge"},    {"busy", "https://busy.example.org/busy"},
      {"busy2", "https://busy.example.org/busy-too"},
      {"nf", "https://example.org/not-found-page"}, {"home", "https://example.org/to-home"},
      {"parked", "https://luminousmen.com/post/x"}, {"gone", "https://example.org/gone"},
      {"removed", "https://example.org/removed"}, {"down", "https://example.org/down"},
      {"big", "https://example.org/big.zip"},     {"nx", "https://www.nxdomain-example.org/post"}};
  std::string post = "Text";
  for (const auto& [label, url] : links) {
    post += "[^" + label + "]";
  }
  post += ".\n\n";
  for (const auto& [label, url] : links) {
    post += "[^" + label + "]: [Link](" + url + ")\n";
  }
  m_dir.write("p.md", post);
  std::vector<std::string> args = {"--db", "lib.sqlite", "--connect-to", "www.nxdomain-example.org:443:no-such-host.invalid:443",
                                   "--connect-to", m_server.connect_to(), "--cacert", m_server.cacert(), "check", "--json", "p.md"};
  const RunResult r = run_refs(m_dir.path(), args, env());
  EXPECT_EQ(r.exit_code, 0) << r.err; // nothing is dead on a first check
  const auto v = verdicts(r);
  EXPECT_EQ(v.at("ok"), "ok HTTP 200");
  EXPECT_EQ(v.at("moved"), "moved permanently redirected");
  EXPECT_EQ(v.at("slash"), "ok HTTP 200");
  EXPECT_EQ(v.at("temp"), "ok HTTP 200");
  EXPECT_EQ(v.at("cf"), "blocked HTTP 403, Cloudflare challenge");
  EXPECT_EQ(v.at("dd"), "blocked HTTP 401, DataDome");
  EXPECT_EQ(v.at("li"), "blocked HTTP 999");
  EXPECT_EQ(v.at("wsj"), "blocked HTTP 403, \"Access Denied\"");
  EXPECT_EQ(v.at("ch"), "blocked a wall: \"Just a moment...\"");
  EXPECT_EQ(v.at("busy").substr(0, 10) + v.at("busy2").substr(0, 10), "throttled throttled ");
  EXPECT_NE((v.at("busy") + v.at("busy2")).find("busy.example.org asked us to slow down (HTTP 429) 3 times; not asked again in this run"),
            std::string::npos);
  EXPECT_EQ(v.at("nf"), "soft-404 an error page: \"Page Not Found | Site\"");
  EXPECT_EQ(v.at("home"), "soft-404 redirected to the home page https://example.org/");
  EXPECT_EQ(v.at("parked"), "soft-404 an error page: \"This domain is for sale\"");
  EXPECT_EQ(v.at("gone"), "suspect HTTP 404");
  EXPECT_EQ(v.at("removed"), "suspect HTTP 410");
  EXPECT_EQ(v.at("down"), "unknown HTTP 503");
  EXPECT_EQ(v.at("big"), "ok HTTP 200");
  EXPECT_EQ(v.at("nx"), "suspect host not found");
  const auto json = nlohmann::ordered_json::parse(r.out);
  EXPECT_EQ(json["links"][1]["moved_to"], "https://example.com/2024/new-place");
  EXPECT_EQ(json["urls"], 19);
  EXPECT_EQ(json["verdicts"].dump(), "{\"ok\":4,\"moved\":1,\"blocked\":5,\"throttled\":2,\"soft-404\":3,\"dead\":0,"
                                     "\"suspect\":3,\"unknown\":1}");
}

TEST_F(CliCheck, ADeadLinkFailedTwoChecksThreeDaysApart) {
  m_server.on("example.org", "/gone", Reply{404, "", "text/html", {}, 0});
  m_server.on("example.org", "/ok", page("Fine"));
  m_dir.write("p.md", "X[^g][^o].\n\n[^g]: [Gone](https://example.org/gone)\n[^o]: [Fine](https://example.org/ok)\n");
  const RunResult first = run({"check", "p.md"});
  EXPECT_EQ(first.exit_code, 0);
  EXPECT_EQ(first.out, "suspect  p.md:3  [^g]  https://example.org/gone  HTTP 404; dead if it still fails on 2025-11-30\n"
                       "ok       p.md:4  [^o]  https://example.org/ok    HTTP 200\n"
                       "2 links in 1 post (2 URLs): 1 ok, 1 suspect\n");
  const RunResult two_days = run({"check", "p.md"}, k_epoch + 2 * k_day);
  EXPECT_EQ(two_days.exit_code, 0);
  EXPECT_NE(two_days.out.find("suspect  p.md:3  [^g]  https://example.org/gone  HTTP 404; dead if it still fails on 2025-11-30\n"),
            std::string::npos) << two_days.out;
  const RunResult three_days = run({"check", "p.md"}, k_epoch + 3 * k_day);
  EXPECT_EQ(three_days.exit_code, 1);
  EXPECT_EQ(three_days.out, "dead  p.md:3  [^g]  https://example.org/gone  HTTP 404; failing since 2025-11-27\n"
                            "ok    p.md:4  [^o]  https://example.org/ok    HTTP 200\n"
                            "2 links in 1 post (2 URLs): 1 ok, 1 dead\n");
  // The page comes back: the run of failures ends, and a new one starts over.
  m_server.on("example.org", "/gone", page("Back"));
  EXPECT_EQ(run({"check", "p.md"}, k_epoch + 4 * k_day).exit_code, 0);
  m_server.on("example.org", "/gone", Reply{404, "", "text/html", {}, 0});
  const RunResult again = run({"check", "p.md"}, k_epoch + 8 * k_day);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("suspect  p.md:3"), std::string::npos) << again.out;
}

/// A post with a BOM and CRLF line ends whose dead link has a capture.
class CliCheckWrite : public CliCheck {
protected:
  void SetUp() override {
    m_server.on("www.whitehouse.gov", "/briefing-room/2023/10/30/fact-sheet/", Reply{404, "", "text/html", {}, 0});
    m_server.on("example.com", "/ok", page("A page"));
    m_server.on("web.archive.org", "/cdx/search/cdx",
                Reply{200, "[[\"timestamp\",\"original\",\"statuscode\",\"mimetype\"],[\"20231101120000\","
                           "\"https://www.whitehouse.gov/briefing-room/2023/10/30/fact-sheet/\",\"200\",\"text/html\"]]",
                      "application/json", {}, 0});
    m_server.on("web.archive.org", "/web/20231101120000id_/https://www.whitehouse.gov/briefing-room/2023/10/30/fact-sheet/",
                Reply{200, news_page("FACT SHEET: President Biden Issues Executive Order", "The White House", "The White House", "2023-10-30"),
                      "text/html", {{"Memento-Datetime", "Wed, 01 Nov 2023 12:00:00 GMT"}}, 0});
    m_dir.write("p.md", k_before);
  }

  const std::string k_before = "\xEF\xBB\xBF---\r\ndate: 2023-11-20\r\n---\r\nText[^w][^o].\r\n\r\n"
                               "[^w]: [Fact sheet](https://www.whitehouse.gov/briefing-room/2023/10/30/fact-sheet/ \"The (order)\")\r\n"
                               "[^o]: [Fine](https://example.com/ok)\r\n";
  const std::string k_after = "\xEF\xBB\xBF---\r\ndate: 2023-11-20\r\n---\r\nText[^w][^o].\r\n\r\n"
                              "[^w]: [Fact sheet](https://www.whitehouse.gov/briefing-room/2023/10/30/fact-sheet/ \"The (order)\") "
                              "([archived](https://web.archive.org/web/20231101120000/https://www.whitehouse.gov/briefing-room/2023/10/30/fact-sheet/))\r\n"
                              "[^o]: [Fine](https://example.com/ok)\r\n";
};

TEST_F(CliCheckWrite, ArchiveFindsTheCaptureAndWriteAddsItOnce) {
  const RunResult archive = run({"check", "--archive", "p.md"});
  EXPECT_EQ(archive.exit_code, 0);
  EXPECT_NE(archive.out.find("HTTP 404; dead if it still fails on 2025-11-30; archived 2023-11-01: "
                             "https://web.archive.org/web/20231101120000/https://www.whitehouse.gov/briefing-room/2023/10/30/fact-sheet/\n"),
            std::string::npos) << archive.out;
  EXPECT_NE(m_server.arrivals()[2].find("closest=20231120235959"), std::string::npos);
  EXPECT_EQ(slurp(m_dir / "p.md"), k_before); // --archive alone never writes
  const RunResult write = run({"check", "--write", "p.md"});
  EXPECT_EQ(write.err, "refs: note: p.md: added archived copies to its footnotes\n");
  EXPECT_EQ(slurp(m_dir / "p.md"), k_after);
  const RunResult again = run({"check", "--write", "p.md"});
  EXPECT_EQ(again.err, "");
  EXPECT_EQ(slurp(m_dir / "p.md"), k_after);
}

TEST_F(CliCheckWrite, AKilledWriteLeavesTheOldPostOrTheNew) {
  const bool seen = kill_at_creation(m_dir.path(), "p.md.tmp-", routed({"check", "--write", "p.md"}), 20s, env());
  ASSERT_TRUE(seen);
  EXPECT_EQ(slurp(m_dir / "p.md"), k_before);
  ASSERT_EQ(run({"check", "--write", "p.md"}).exit_code, 0);
  EXPECT_EQ(slurp(m_dir / "p.md"), k_after);
}

TEST_F(CliCheck, ConditionalRequestsAndHeadWhereASiteAnswersIt) {
  std::mutex mutex;
  std::vector<std::string> seen;
  const auto record = [&](const httplib::Request& request) {
    std::lock_guard lock(mutex);
    seen.push_back(request.method + " " + request.path + " " + request.get_header_value("If-None-Match"));
  };
  m_server.on("example.com", "/cached", [&](const httplib::Request& request) {
    record(request);
    if (request.get_header_value("If-None-Match") == "\"v1\"") {
      return Reply{304, "", "text/html", {{"ETag", "\"v1\""}}, 0};
    }
    Reply r = page("Cached page");
    r.headers.push_back({"ETag", "\"v1\""});
    return r;
  });
  m_server.on("github.com", "/refs/refs", [&](const httplib::Request& request) {
    record(request);
    return request.method == "HEAD" ? Reply{405, "", "text/html", {}, 0} : page("refs");
  });
  m_server.on("arxiv.org", "/abs/2309.00071", [&](const httplib::Request& request) {
    record(request);
    return page("YaRN");
  });
  m_dir.write("p.md", "X[^c][^g].\n\n[^c]: [Cached](https://example.com/cached)\n[^g]: [Repo](https://github.com/refs/refs)\n");
  ASSERT_EQ(run({"--no-archive", "resolve", "p.md"}).exit_code, 0); // stores the page's ETag
  m_dir.write("q.md", "X[^c][^g][^a].\n\n[^c]: [Cached](https://example.com/cached)\n[^g]: [Repo](https://github.com/refs/refs)\n"
                      "[^a]: [YaRN](https://arxiv.org/abs/2309.00071)\n");
  seen.clear();
  const RunResult r = run({"check", "q.md"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("3 links in 1 post (3 URLs): 3 ok\n"), std::string::npos) << r.out;
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, (std::vector<std::string>{"GET /cached \"v1\"", "GET /refs/refs ", "HEAD /abs/2309.00071 ", "HEAD /refs/refs "}));
}

TEST_F(CliCheck, EveryPostInTheLibraryByDefault) {
  m_server.on("example.com", "/a", page("A"));
  m_server.on("example.com", "/b", Reply{404, "", "text/html", {}, 0});
  m_dir.write("a.md", "X[^a].\n\n[^a]: [A](https://example.com/a)\n");
  m_dir.write("b.md", "X[^b][^a].\n\n[^b]: [B](https://example.com/b)\n[^a]: [A](https://example.com/a)\n");
  ASSERT_EQ(run({"--no-archive", "resolve", "a.md", "b.md"}).exit_code, 0);
  const RunResult r = run({"check"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("3 links in 2 posts (2 URLs): 2 ok, 1 suspect\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find((m_dir / "b.md").string() + ":3"), std::string::npos) << r.out;
  // A post the library remembers that is gone since is skipped, not fatal.
  std::filesystem::remove(m_dir / "a.md");
  const RunResult gone = run({"check"});
  EXPECT_EQ(gone.exit_code, 0);
  EXPECT_EQ(gone.err, "refs: warning: " + (m_dir / "a.md").string() + ": cannot read: no such file or directory; skipped\n");
  EXPECT_NE(gone.out.find("2 links in 1 post (2 URLs): 1 ok, 1 suspect\n"), std::string::npos) << gone.out;
}

TEST_F(CliCheck, UsageErrorsExitTwoAndAMissingPostOne) {
  m_dir.write("p.md", "X[^a].\n\n[^a]: [A](https://example.com/a)\n");
  const RunResult missing = run({"check", "nosuch.md"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "refs: error: nosuch.md: no such file or directory\n");
  EXPECT_EQ(run({"check", "--frobnicate", "p.md"}).exit_code, 2);
  const RunResult offline = run({"--offline", "check", "p.md"});
  EXPECT_EQ(offline.exit_code, 2);
  EXPECT_EQ(offline.err, "refs: error: refs check makes requests: it cannot run --offline\n");
  const RunResult save = run({"check", "--save", "p.md"});
  EXPECT_EQ(save.exit_code, 2);
  EXPECT_EQ(save.err, "refs: error: --save needs your archive.org S3 keys\n"
                      "hint: set IA_ACCESS_KEY_ID and IA_SECRET_ACCESS_KEY, or archive_access_key and archive_secret_key in "
                      "config.toml (https://archive.org/account/s3.php)\n");
  EXPECT_TRUE(m_server.log().empty());
}

TEST_F(CliCheck, SaveAsksForPagesWithoutARecentCaptureOneAtATime) {
  for (const char* p : {"/a", "/b", "/c", "/d"}) {
    m_server.on("example.com", p, page(std::string("Page ") + p));
  }
  m_server.on("web.archive.org", "/cdx/search/cdx", [](const httplib::Request& request) {
    const bool recent = request.get_param_value("url") == "https://example.com/b";
    return Reply{200, recent ? "[[\"timestamp\"],[\"20251120000000\"]]" : "[]", "application/json", {}, 0};
  });
  std::mutex mutex;
  std::vector<std::string> saves;
  m_server.on("web.archive.org", "/save", [&](const httplib::Request& request) {
    std::lock_guard lock(mutex);
    saves.push_back(request.method + " " + request.get_header_value("Authorization") + " " + request.body);
    if (request.body.find("example.com%2fd") != std::string::npos) {
      return Reply{200, "{\"status\":\"error\",\"message\":\"You have already reached the limit of active sessions.\"}", "application/json", {}, 0};
    }
    return Reply{200, "{\"url\":\"x\",\"job_id\":\"spn2-" + std::to_string(saves.size()) + "\"}", "application/json", {}, 0};
  });
  m_dir.write("p.md", "X[^a][^b][^c][^d].\n\n[^a]: [A](https://example.com/a)\n[^b]: [B](https://example.com/b)\n"
                      "[^c]: [C](https://example.com/c)\n[^d]: [D](https://example.com/d)\n");
  auto e = env();
  e.insert(e.end(), {"IA_ACCESS_KEY_ID=KEY", "IA_SECRET_ACCESS_KEY=SECRET", "REFS_SAVE_INTERVAL_MS=400"});
  const RunResult r = run_refs(m_dir.path(), routed({"check", "--save", "p.md"}), e);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "refs: warning: https://example.com/d: Save Page Now refused: You have already reached the limit of active sessions.\n"
                   "refs: note: web.archive.org: Save Page Now took 2 of 4 live pages; 1 had a capture from the last 30 days\n");
  std::sort(saves.begin(), saves.end());
  EXPECT_EQ(saves, (std::vector<std::string>{"POST LOW KEY:SECRET url=https%3a%2f%2fexample.com%2fa",
                                             "POST LOW KEY:SECRET url=https%3a%2f%2fexample.com%2fc",
                                             "POST LOW KEY:SECRET url=https%3a%2f%2fexample.com%2fd"}));
  std::vector<Logged> posted;
  for (const Logged& l : m_server.log()) {
    if (l.path == "/save") {
      posted.push_back(l);
    }
  }
  ASSERT_EQ(posted.size(), 3u);
  EXPECT_GE(posted[1].start - posted[0].end, 400ms);
  EXPECT_GE(posted[2].start - posted[1].end, 400ms);
}

} // namespace
} // namespace refs::testing
