// Prints what finding the published versions of the sample post's 16 arXiv
// preprints costs when every answer is 300 ms late, at the services' own
// pace (Semantic Scholar 1 s, DBLP 2 s between requests). The loopback TLS
// server plays arXiv, Semantic Scholar, DBLP and doi.org, as they answer
// for these papers (tests/fixtures/published/SHAPES.md): Semantic Scholar
// knows 7 versions (6 with DBLP keys, one journal by its DOI), 5 preprints
// only, and 4 papers not at all; DBLP's search finds 3 more.
//   make bench   (or build/tests/bench/published_latency_bench SOURCE_DIR)
// Figures: wall time and requests per service, first and second (kept)
// run. The bench fails unless the targets hold: at most 1 Semantic Scholar
// request in all and 1 DBLP record request per version found, and the
// findings are the 7 confirmed, 3 candidates and 6 none this world holds.
#include "core/config.hpp"
#include "core/pipeline/find_published.hpp"
#include "core/pipeline/published_preprints.hpp"
#include "core/pipeline/resolve_posts.hpp"
#include "core/store/library.hpp"
#include "tests/support/arxiv_feed_builder.hpp"
#include "tests/support/fixture_server.hpp"
#include "tests/support/sample_preprints.hpp"
#include "tests/support/scholarly_services.hpp"
#include "tests/support/temp_dir.hpp"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace {

using namespace refs;
using testing::FakeDblpRecord;
using testing::FakeScholarPaper;
constexpr int k_latency_ms = 300;

testing::FixtureServer::Handler late(testing::FixtureServer::Handler handler) {
  return [handler](const httplib::Request& r) {
    testing::Reply reply = handler(r);
    reply.delay_ms = k_latency_ms;
    return reply;
  };
}

FakeDblpRecord conference(const std::string& key, const std::string& arxiv_id, const std::string& venue, const std::string& booktitle,
                          const std::string& year) {
  const testing::FakePaper& p = testing::sample_preprints().at(arxiv_id);
  return {key, "inproceedings", p.title, p.authors, booktitle, venue, "Conference and Workshop Papers", year};
}

FakeScholarPaper known(const std::string& arxiv_id, const std::string& venue, const std::vector<std::string>& alternates,
                       const std::string& dblp, const std::string& doi = "") {
  const testing::FakePaper& p = testing::sample_preprints().at(arxiv_id);
  return {p.title, p.authors, 2023, venue, "conference", alternates, dblp, doi, ""};
}

const std::string k_iclr = "The Twelfth International Conference on Learning Representations, ICLR 2024, Vienna, Austria, May 7-11, 2024";
const std::string k_neurips = "Advances in Neural Information Processing Systems 36: Annual Conference on Neural Information Processing "
                              "Systems 2023, NeurIPS 2023, New Orleans, LA, USA, December 10 - 16, 2023";

void serve(testing::FixtureServer& server) {
  server.on("export.arxiv.org", "/api/query", late([](const httplib::Request& request) {
              return testing::Reply{200, testing::arxiv_feed(testing::sample_preprints(), request.get_param_value("id_list")),
                                    "application/atom+xml", {}, 0};
            }));
  std::map<std::string, FakeScholarPaper> scholar = {
      {"2309.00071", known("2309.00071", "International Conference on Learning Representations", {"ICLR"}, "conf/iclr/PengQFS24")},
      {"2306.00984", known("2306.00984", "Neural Information Processing Systems", {"NeurIPS", "NIPS"}, "conf/nips/TianFICK23")},
      {"2311.01906", known("2311.01906", "International Conference on Learning Representations", {"ICLR"}, "conf/iclr/HeH24")},
      {"2311.08401", known("2311.08401", "International Conference on Learning Representations", {"ICLR"}, "conf/iclr/TianMYMF24")},
      {"2304.08483", known("2304.08483", "IEEE International Conference on Computer Vision", {"ICCV"}, "conf/iccv/JiangYKWLL23")},
      {"2311.00212", known("2311.00212", "Journal of machine learning research", {"J Mach Learn Res", "JMLR"}, "journals/jmlr/OttoZKB25")},
      {"2311.05997", known("2311.05997", "IEEE Transactions on Pattern Analysis and Machine Intelligence", {"TPAMI"}, "",
                           "10.1109/TPAMI.2024.3511593")},
  };
  for (const char* id : {"2310.12941", "2306.06079", "2310.19736", "2310.18313", "2311.00871"}) {
    scholar[id] = known(id, "arXiv.org", {}, "");
  }
  server.on("api.semanticscholar.org", "/graph/v1/paper/batch", late(testing::scholar_batch(scholar)));
  FakeDblpRecord jmlr = conference("journals/jmlr/OttoZKB25", "2311.00212", "J. Mach. Learn. Res.", "J. Mach. Learn. Res.", "2025");
  jmlr.entry = "article";
  jmlr.volume = "26";
  jmlr.pages = "248:1--248:83";
  FakeDblpRecord workshop = conference("conf/iclr/ScheurerBH24w", "2311.07590", "LLMAgents@ICLR",
                                       "ICLR 2024 Workshop on Large Language Model (LLM) Agents", "2024");
  const std::vector<FakeDblpRecord> records = {
      conference("conf/iclr/PengQFS24", "2309.00071", "ICLR", k_iclr, "2024"),
      conference("conf/nips/TianFICK23", "2306.00984", "NeurIPS", k_neurips, "2023"),
      conference("conf/iclr/HeH24", "2311.01906", "ICLR", k_iclr, "2024"),
      conference("conf/iclr/TianMYMF24", "2311.08401", "ICLR", k_iclr, "2024"),
      conference("conf/iccv/JiangYKWLL23", "2304.08483", "ICCV",
                 "IEEE/CVF International Conference on Computer Vision, ICCV 2023, Paris, France, October 1-6, 2023", "2023"),
      jmlr,
      conference("conf/nips/GoldblumSNSPSCIBHC23", "2310.19909", "NeurIPS", k_neurips, "2023"),
      conference("conf/nips/BaykalCDGP023", "2301.13310", "NeurIPS", k_neurips, "2023"),
      workshop,
  };
  for (const FakeDblpRecord& r : records) {
    server.on("dblp.org", "/rec/" + r.key + ".bib", testing::Reply{200, testing::dblp_bib(r), "text/x-bibtex", {}, k_latency_ms});
  }
  server.on("dblp.org", "/search/publ/api",
            late(testing::dblp_search({{"backbones", records[6]}, {"alternating", records[7]}, {"deceive", records[8]}})));
  server.on("doi.org", "/10.1109/tpami.2024.3511593",
            testing::Reply{200, R"json({"type":"article-journal","title":"JARVIS-1: Open-World Multi-Task Agents With Memory-Augmented Multimodal Language Models",
              "author":[{"family":"Wang","given":"Zihao"}],"container-title":"IEEE Transactions on Pattern Analysis and Machine Intelligence",
              "volume":"47","issue":"3","page":"1894-1907","DOI":"10.1109/TPAMI.2024.3511593","issued":{"date-parts":[[2025,3]]}})json",
                           "application/vnd.citationstyles.csl+json", {}, k_latency_ms});
}

struct Run {
  double seconds = 0;
  std::map<std::string, std::size_t> requests; ///< by host, and "dblp.org/rec"
  std::map<std::string, std::size_t> findings; ///< by status
};

Run find(store::Library& library, const Config& config, testing::FixtureServer& server) {
  const std::size_t before = server.log().size();
  const auto preprints = pipeline::library_preprints(library, {});
  Run run;
  const auto start = std::chrono::steady_clock::now();
  const pipeline::PublishedReport report = pipeline::find_published_versions(library, config, *preprints, nullptr);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  server.wait_idle();
  const auto log = server.log();
  for (std::size_t i = before; i < log.size(); ++i) {
    ++run.requests[log[i].host];
    run.requests["dblp.org/rec"] += log[i].path.starts_with("/rec/") ? 1 : 0;
  }
  for (const store::PublishedFinding& f : report.findings) {
    ++run.findings[f.status];
  }
  return run;
}

std::size_t count(const std::map<std::string, std::size_t>& counts, const std::string& key) {
  const auto it = counts.find(key);
  return it == counts.end() ? 0 : it->second;
}

} // namespace

int main(int argc, char** argv) {
  const std::string source = argc > 1 ? argv[1] : ".";
  testing::FixtureServer server;
  serve(server);
  testing::TempDir dir;
  Config config;
  config.now = config.clock = 1764201600;
  config.library = dir / "published.sqlite";
  config.http.connect_to = {server.connect_to()};
  config.http.cacert = server.cacert();
  config.archive = false; // the post's web pages are not served: their archived copies are another bench's
  auto library = store::Library::open(config.library, store::Access::read_write);
  pipeline::resolve_posts(library, config, {source + "/tests/data/ai-trends-2023-11.md"});
  const std::size_t resolved = server.log().size();
  const Run first = find(library, config, server);
  const Run kept = find(library, config, server);
  const std::size_t found = count(first.findings, "confirmed") + count(first.findings, "candidate");
  std::printf("published versions of the sample post's 16 preprints, %d ms per response, Semantic Scholar %lld ms and DBLP %lld ms "
              "apart: %.2f s, %zu Semantic Scholar request, %zu DBLP searches, %zu DBLP records, %zu doi.org; "
              "%zu confirmed, %zu candidates, %zu none found; kept: %.3f s, %zu requests (resolve made %zu)\n",
              k_latency_ms, static_cast<long long>(config.scholar_interval.count()),
              static_cast<long long>(config.dblp_interval.count()), first.seconds, count(first.requests, "api.semanticscholar.org"),
              count(first.requests, "dblp.org") - count(first.requests, "dblp.org/rec"), count(first.requests, "dblp.org/rec"),
              count(first.requests, "doi.org"), count(first.findings, "confirmed"), count(first.findings, "candidate"), count(first.findings, "none"),
              kept.seconds, kept.requests.size(), resolved);
  const bool targets = count(first.requests, "api.semanticscholar.org") <= 1 && count(first.requests, "dblp.org/rec") <= found &&
                       count(first.findings, "confirmed") == 7 && count(first.findings, "candidate") == 3 && count(first.findings, "none") == 6 &&
                       kept.requests.empty();
  if (!targets) {
    std::printf("published_latency_bench FAILED: more requests than versions found, or other findings than the world holds\n");
    return 1;
  }
  return 0;
}
