// Prints what archived copies cost `refs resolve` on the sample post when
// every response is 300 ms late and 10 of its 20 web pages can no longer
// describe themselves (6 walled, 4 dead), each with a Wayback Machine
// capture (the loopback TLS server plays the sites, arXiv and the archive):
//   make bench   (or build/tests/bench/archive_latency_bench SOURCE_DIR)
// Figures: wall time and requests with the archive on (capture lists at
// the archive's pace, 2 s apart) and off. The bench fails unless every lost
// page got its capture's title, author and date.
#include "core/config.hpp"
#include "core/csl/csl_date.hpp"
#include "core/pipeline/resolve_posts.hpp"
#include "core/store/library.hpp"
#include "tests/support/arxiv_feed_builder.hpp"
#include "tests/support/fixture_server.hpp"
#include "tests/support/news_page.hpp"
#include "tests/support/temp_dir.hpp"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace refs;
constexpr int k_latency_ms = 300;

/// How the sample's lost pages answer a robot now.
const std::vector<testing::Reply> k_lost = {
    {403, "<html><head><title>Just a moment...</title></head></html>", "text/html", {{"cf-mitigated", "challenge"}}, k_latency_ms},
    {401, "", "text/html", {{"x-datadome", "protected"}}, k_latency_ms},
    {999, "", "text/html", {}, k_latency_ms},
    {403, "<title>Access Denied</title>", "text/html", {}, k_latency_ms},
    {200, "<html><head><title>Are you a robot?</title></head></html>", "text/html", {}, k_latency_ms},
    {451, "", "text/html", {}, k_latency_ms},
    {404, "", "text/html", {}, k_latency_ms},
    {410, "", "text/html", {}, k_latency_ms},
    {404, "", "text/html", {}, k_latency_ms},
    {404, "", "text/html", {}, k_latency_ms},
};

struct Expected {
  std::string title;
  std::string date;
};

/// Serves arXiv, every web page (the first ten lost), and their captures;
/// returns what each lost page's capture says, by URL.
std::map<std::string, Expected> serve(testing::FixtureServer& server, const pipeline::ResolveOutcome& offline) {
  server.on("export.arxiv.org", "/api/query", [](const httplib::Request& request) {
    std::map<std::string, testing::FakePaper> papers;
    std::stringstream ids(request.get_param_value("id_list"));
    for (std::string id; std::getline(ids, id, ',');) {
      papers[id] = {"Paper " + id, {"Ada Lovelace"}, "2023-11-01T00:00:00Z"};
    }
    return testing::Reply{200, testing::arxiv_feed(papers, request.get_param_value("id_list")), "application/atom+xml", {}, k_latency_ms};
  });
  server.on("web.archive.org", "/cdx/search/cdx", [](const httplib::Request& request) {
    const std::string url = request.get_param_value("url");
    return testing::Reply{200, "[[\"timestamp\",\"original\",\"statuscode\",\"mimetype\"],[\"20231115000000\",\"" + url +
                                   "\",\"200\",\"text/html\"]]", "application/json", {}, k_latency_ms};
  });
  std::map<std::string, Expected> lost;
  for (const auto& post : offline.posts) {
    for (const auto& r : post.references) {
      if (r.kind != "web") {
        continue;
      }
      const std::string url = r.work->value;
      const std::size_t host_start = url.find("://") + 3;
      const std::size_t path_start = url.find('/', host_start);
      const std::string host = url.substr(host_start, path_start - host_start);
      if (lost.size() < k_lost.size() && !lost.contains(url)) {
        const std::string date = "2023-11-0" + std::to_string(1 + lost.size() % 9);
        server.on(host, url.substr(path_start), k_lost[lost.size()]);
        testing::Reply capture{200, testing::news_page("Archived: " + r.title, "Site", "Arch Ivist", date), "text/html",
                               {{"Memento-Datetime", "Wed, 15 Nov 2023 00:00:00 GMT"}}, k_latency_ms};
        server.on("web.archive.org", "/web/20231115000000id_/" + url, capture);
        lost[url] = {"Archived: " + r.title, date};
      } else if (!lost.contains(url)) {
        server.on(host, url.substr(path_start), testing::Reply{200, testing::news_page(r.title, "Site", "Ann Author", "2023-11-20"),
                                                                "text/html", {}, k_latency_ms});
      }
    }
  }
  return lost;
}

struct Timed {
  pipeline::ResolveOutcome outcome;
  double seconds = 0;
  std::size_t requests = 0;
  std::size_t archive_requests = 0;
};

Timed run(Config config, const std::string& post, testing::FixtureServer& server, const testing::TempDir& dir, bool archive) {
  config.archive = archive;
  config.library = dir / (archive ? "archive-on.sqlite" : "archive-off.sqlite");
  const std::size_t before = server.arrivals().size();
  const std::size_t archive_before = server.log().size();
  auto library = store::Library::open(config.library, store::Access::read_write);
  const auto start = std::chrono::steady_clock::now();
  Timed t{pipeline::resolve_posts(library, config, {post}), 0, 0, 0};
  t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  server.wait_idle();
  t.requests = server.arrivals().size() - before;
  const auto log = server.log();
  for (std::size_t i = archive_before; i < log.size(); ++i) {
    t.archive_requests += log[i].host == "web.archive.org" ? 1 : 0;
  }
  return t;
}

/// The lost pages that did not get their capture's title, author and date.
std::vector<std::string> undescribed(const Timed& t, const std::map<std::string, Expected>& lost) {
  std::vector<std::string> wrong;
  std::size_t seen = 0;
  for (const auto& c : t.outcome.citations) {
    for (const auto& id : c.ids) {
      const auto it = lost.find(id.value);
      if (it == lost.end()) {
        continue;
      }
      ++seen;
      const bool ok = c.title == it->second.title && !c.authors.empty() && c.authors[0].family == "Ivist" &&
                      csl::format_date(c.issued) == it->second.date && !c.archive_url.empty();
      if (!ok) {
        wrong.push_back(id.value + ": \"" + c.title + "\", " + csl::format_date(c.issued));
      }
    }
  }
  if (seen != lost.size()) {
    wrong.push_back(std::to_string(lost.size() - seen) + " lost pages have no citation at all");
  }
  return wrong;
}

} // namespace

int main(int argc, char** argv) {
  const std::string source = argc > 1 ? argv[1] : ".";
  const std::string post = source + "/tests/data/ai-trends-2023-11.md";
  testing::FixtureServer server;
  testing::TempDir dir;
  Config config;
  config.now = 1764201600;
  config.offline = true;
  std::map<std::string, Expected> lost;
  {
    config.library = dir / "offline.sqlite";
    auto library = store::Library::open(config.library, store::Access::read_write);
    lost = serve(server, pipeline::resolve_posts(library, config, {post}));
  }
  config.offline = false;
  config.http.connect_to = {server.connect_to()};
  config.http.cacert = server.cacert();
  const Timed off = run(config, post, server, dir, false);
  const Timed on = run(config, post, server, dir, true);
  const std::vector<std::string> wrong = undescribed(on, lost);
  std::printf("resolve sample post, %d ms per response, %zu of 20 web pages walled or dead, each with a capture: "
              "archive on %.2f s (%zu requests, %zu to web.archive.org, capture lists %lld ms apart), "
              "archive off %.2f s (%zu requests); %zu of %zu lost pages described from their captures\n",
              k_latency_ms, lost.size(), on.seconds, on.requests, on.archive_requests,
              static_cast<long long>(config.archive_interval.count()), off.seconds, off.requests,
              lost.size() - wrong.size(), lost.size());
  for (const std::string& w : wrong) {
    std::printf("  not from its capture: %s\n", w.c_str());
  }
  if (!wrong.empty() || lost.size() != k_lost.size()) {
    std::printf("archive_latency_bench FAILED: a lost page was not described by its capture\n");
    return 1;
  }
  return 0;
}
