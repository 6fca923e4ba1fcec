// Prints how long `refs resolve` takes on the sample post when every
// response is 300 ms late (a loopback TLS server standing in for arXiv and
// the 20 web pages; the 2 PDFs are not fetched):
//   make bench   (or build/tests/bench/resolve_latency_bench SOURCE_DIR)
// Figures: wall time of the first run, next to the sum of all latencies
// (what one request at a time would cost) and the critical path; and the
// second run, which must make no request.
#include "core/config.hpp"
#include "core/pipeline/resolve_posts.hpp"
#include "core/store/library.hpp"
#include "tests/support/arxiv_feed_builder.hpp"
#include "tests/support/fixture_server.hpp"
#include "tests/support/temp_dir.hpp"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace refs;
constexpr int k_latency_ms = 300;

void serve(testing::FixtureServer& server, const pipeline::ResolveOutcome& offline) {
  server.on("export.arxiv.org", "/api/query", [](const httplib::Request& request) {
    std::map<std::string, testing::FakePaper> papers;
    std::stringstream ids(request.get_param_value("id_list"));
    for (std::string id; std::getline(ids, id, ',');) {
      papers[id] = {"Paper " + id, {"Ada Lovelace"}, "2023-11-01T00:00:00Z"};
    }
    return testing::Reply{200, testing::arxiv_feed(papers, request.get_param_value("id_list")),
                          "application/atom+xml", {}, k_latency_ms};
  });
  for (const auto& post : offline.posts) {
    for (const auto& r : post.references) {
      if (r.kind != "web") {
        continue;
      }
      const std::string url = r.work->value;
      const std::size_t host_start = url.find("://") + 3;
      const std::size_t path_start = url.find('/', host_start);
      const std::string html = "<html><head><title>" + r.title + " | Site</title><meta property=\"og:site_name\" "
                               "content=\"Site\"><meta name=\"author\" content=\"Ann Author\"></head></html>";
      server.on(url.substr(host_start, path_start - host_start), url.substr(path_start),
                testing::Reply{200, html, "text/html", {}, k_latency_ms});
    }
  }
}

struct Timed {
  pipeline::ResolveOutcome outcome;
  double seconds = 0;
};

Timed run(const Config& config, const std::string& post) {
  auto library = store::Library::open(config.library, store::Access::read_write);
  const auto start = std::chrono::steady_clock::now();
  Timed t{pipeline::resolve_posts(library, config, {post}), 0};
  t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return t;
}

/// The references whose data did not come from where it should: arXiv
/// papers from arXiv, pages from the page (`via` as on the first run) or the
/// cache (`cached`, on the second); PDFs are not served, so the post's.
std::vector<std::string> misdescribed(const pipeline::ResolveOutcome& outcome, bool second_run) {
  std::vector<std::string> wrong;
  for (const auto& post : outcome.posts) {
    for (const auto& r : post.references) {
      const std::string fetched = r.kind == "pdf" ? "post" : r.kind == "arxiv" ? "arxiv" : "web";
      const std::string expected = second_run && r.kind != "pdf" ? "cached" : fetched;
      if (r.via != expected) {
        wrong.push_back(r.reference.label + " (" + r.kind + "): from " + r.via + ", not " + expected +
                        (r.problem.empty() ? "" : ": " + r.problem));
      }
    }
  }
  return wrong;
}

/// The least time the logged requests could take under the scheduler's
/// limits: each host's requests at its concurrency (arXiv 1, others 2), all
/// of them at --jobs; the longest of those.
double critical_path(const std::vector<testing::Logged>& log, const Config& config) {
  std::map<std::string, double> busy;
  double all = 0;
  for (const testing::Logged& l : log) {
    const double s = std::chrono::duration<double>(l.end - l.start).count();
    busy[l.host] += s;
    all += s;
  }
  double path = all / config.http.jobs;
  for (const auto& [host, seconds] : busy) {
    const auto rule = config.http.host_rules.find(host);
    const int limit = host == "export.arxiv.org" ? 1
                      : rule != config.http.host_rules.end() ? rule->second.max_concurrent
                                                              : config.http.default_host_rule.max_concurrent;
    path = std::max(path, seconds / limit);
  }
  return path;
}

bool report_wrong(const char* run, const std::vector<std::string>& wrong) {
  for (const std::string& w : wrong) {
    std::printf("  %s run: %s\n", run, w.c_str());
  }
  return wrong.empty();
}

} // namespace

int main(int argc, char** argv) {
  const std::string source = argc > 1 ? argv[1] : ".";
  const std::string post = source + "/tests/data/ai-trends-2023-11.md";
  testing::FixtureServer server;
  testing::TempDir dir;
  Config config;
  config.library = dir / "bench.sqlite";
  config.now = 1764201600;
  config.offline = true;
  {
    auto library = store::Library::open(dir / "offline.sqlite", store::Access::read_write);
    serve(server, pipeline::resolve_posts(library, config, {post}));
  }
  config.offline = false;
  config.http.connect_to = {server.connect_to()};
  config.http.cacert = server.cacert();
  const Timed first = run(config, post);
  if (!server.wait_idle()) {
    std::printf("resolve_latency_bench FAILED: the server still answers 30 s after the run\n");
    return 1;
  }
  const auto log = server.log();
  const Timed second = run(config, post);
  server.wait_idle(); // nothing was asked, or the count below says so
  const std::size_t again = server.arrivals().size() - log.size();
  std::printf("resolve sample post, %d ms per response: first run %.2f s (%zu requests; one at a time %.1f s; "
              "critical path %.2f s with --jobs %d, from the request log), second run %.0f ms (%zu requests)\n",
              k_latency_ms, first.seconds, log.size(), static_cast<double>(log.size()) * k_latency_ms / 1000.0,
              critical_path(log, config), config.http.jobs, second.seconds * 1000, again);
  bool ok = report_wrong("first", misdescribed(first.outcome, false));
  ok = report_wrong("second", misdescribed(second.outcome, true)) && ok;
  if (again != 0) {
    std::printf("  second run: %zu requests, none expected (everything is cached)\n", again);
    ok = false;
  }
  if (!ok) {
    std::printf("resolve_latency_bench FAILED: the runs above did not describe every reference; the times mean nothing\n");
    return 1;
  }
  return 0;
}
