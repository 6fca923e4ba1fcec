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

#include <chrono>
#include <map>
#include <sstream>
#include <cstdio>

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

double run(const Config& config, const std::string& post) {
  auto library = store::Library::open(config.library, store::Access::read_write);
  const auto start = std::chrono::steady_clock::now();
  pipeline::resolve_posts(library, config, {post});
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
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
  const double first = run(config, post);
  const std::size_t requests = server.log().size();
  const double second = run(config, post);
  const std::size_t waves = (requests + config.http.jobs - 1) / static_cast<std::size_t>(config.http.jobs);
  std::printf("resolve sample post, %d ms per response: first run %.2f s (%zu requests; one at a time %.1f s; "
              "critical path %.1f s, %.1f s with --jobs %d), second run %.0f ms (%zu requests)\n",
              k_latency_ms, first, requests, requests * k_latency_ms / 1000.0, k_latency_ms / 1000.0,
              waves * k_latency_ms / 1000.0, config.http.jobs, second * 1000, server.log().size() - requests);
  return 0;
}
