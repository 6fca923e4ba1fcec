// Prints what `refs check` costs on a blog's worth of links, next to the
// most-used Markdown link checker from npm, markdown-link-check, on the
// same server:
//   make bench-check   (or build/tests/bench/check_bench build/cli/refs)
// 500 posts with 40 footnote links each (20,000 links, up to 8,000
// distinct URLs on 200 hosts), every response 300 ms late, answering as
// real sites answer robots: some hosts wall or throttle every page
// (Cloudflare, DataDome, LinkedIn's 999, 429s); on the others pages are
// live, moved, redirected for now, soft 404s or dead.
// Figures: refs's wall time, peak memory and requests per host over all
// posts; then, on the first 25 posts, refs and markdown-link-check side
// by side, with each one's false "dead" verdicts (a walled, throttled or
// live page called dead). markdown-link-check checks one file after the
// other, two links at a time, so its time on all 500 posts is given as
// 20 times its time on 25 (CHECK_BENCH_MLC_POSTS=500 measures it, about
// 50 minutes). Without markdown-link-check in PATH its side is skipped.
#include "tests/bench/child_run.hpp"
#include "tests/support/temp_dir.hpp"

#include <httplib.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int k_posts = 500;
constexpr int k_links_per_post = 40;
constexpr int k_urls = 8000;
constexpr int k_hosts = 200;
constexpr int k_latency_ms = 300;
constexpr int k_jobs = 64;

/// What a URL is, by its number: the truth the verdicts are held to.
enum class Kind { ok, moved, temporary, cloudflare, datadome, linkedin, throttled, soft_404, dead };

Kind kind_of(int id) {
  // Walls and throttling are a site's: every page of the host answers so.
  const int host = id % k_hosts;
  const int site = (host * 37) % 100;
  if (site < 18) {
    return site < 10 ? Kind::cloudflare : site < 14 ? Kind::datadome : site < 16 ? Kind::linkedin : Kind::throttled;
  }
  // Elsewhere each page has its own fate.
  const int page = ((id / k_hosts) * 53 + host) % 100;
  return page < 75 ? Kind::ok
       : page < 81 ? Kind::moved
       : page < 87 ? Kind::temporary
       : page < 91 ? Kind::soft_404
                   : Kind::dead;
}

/// The URL of URL number `id`: hosts are loopback addresses, so that both
/// checkers reach the one server without name tricks.
std::string url_of(int id, int port) {
  return "http://127.0.1." + std::to_string(1 + id % k_hosts) + ":" + std::to_string(port) + "/story/" + std::to_string(id);
}

std::string article(const std::string& title) {
  return "<!doctype html><html><head><title>" + title + "</title><meta property=\"og:title\" content=\"" + title +
         "\"></head><body><p>" + std::string(20000, 'x') + "</p></body></html>";
}

/// Answers every URL as its kind says, after the latency; counts requests per host.
class Sites {
public:
  Sites() {
    // A thread per kept-alive connection: refs holds up to two per host open.
    m_server.new_task_queue = [] { return new httplib::ThreadPool(1024); };
    const auto answer = [this](const httplib::Request& request, httplib::Response& response) {
      {
        std::lock_guard lock(m_mutex);
        ++m_per_host[request.get_header_value("Host")];
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(k_latency_ms));
      reply(request, response);
    };
    m_server.Get(".*", answer);
    // Loopback addresses beyond 127.0.0.1 need the wildcard address; the
    // server lives for the bench only.
    m_port = m_server.bind_to_any_port("0.0.0.0");
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    while (!m_server.is_running()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  ~Sites() {
    m_server.stop();
    m_thread.join();
  }
  int port() const { return m_port; }
  std::map<std::string, int> per_host() {
    std::lock_guard lock(m_mutex);
    return m_per_host;
  }

private:
  static void reply(const httplib::Request& request, httplib::Response& response) {
    const std::string path = request.path;
    if (path.starts_with("/new/")) {
      response.set_content(article("Moved story"), "text/html");
      return;
    }
    const int id = std::atoi(path.substr(path.rfind('/') + 1).c_str());
    switch (kind_of(id)) {
    case Kind::ok:
      return response.set_content(article("Story " + std::to_string(id)), "text/html");
    case Kind::moved:
      response.status = 301;
      return response.set_header("Location", "/new/" + std::to_string(id));
    case Kind::temporary:
      response.status = 302;
      return response.set_header("Location", "/new/" + std::to_string(id));
    case Kind::cloudflare:
      response.status = 403;
      response.set_header("cf-mitigated", "challenge");
      return response.set_content("<html><head><title>Just a moment...</title></head></html>", "text/html");
    case Kind::datadome:
      response.status = 401;
      response.set_header("x-datadome", "protected");
      return response.set_content("", "text/html");
    case Kind::linkedin:
      response.status = 999;
      return response.set_content("", "text/html");
    case Kind::throttled:
      response.status = 429;
      return response.set_content("", "text/plain");
    case Kind::soft_404:
      return response.set_content("<html><head><title>Page not found</title></head></html>", "text/html");
    case Kind::dead:
      response.status = 404;
      return response.set_content("<html><head><title>Not found</title></head></html>", "text/html");
    }
  }

  httplib::Server m_server;
  std::thread m_thread;
  int m_port = 0;
  std::mutex m_mutex;
  std::map<std::string, int> m_per_host;
};

/// Writes `count` posts below `dir`; returns how many distinct URLs they cite.
int write_posts(const std::filesystem::path& dir, int count, int port) {
  std::set<int> cited;
  std::filesystem::create_directories(dir);
  for (int p = 0; p < count; ++p) {
    std::string text = "---\ndate: 2023-11-20\n---\n# Post " + std::to_string(p) + "\n\nText";
    std::string notes;
    for (int l = 0; l < k_links_per_post; ++l) {
      const int id = (p * 1009 + l * 211) % k_urls; // popular pages recur across posts
      cited.insert(id);
      text += "[^n" + std::to_string(l) + "]";
      notes += "[^n" + std::to_string(l) + "]: [Story " + std::to_string(id) + "](" + url_of(id, port) + ")\n";
    }
    std::FILE* f = std::fopen((dir / ("post-" + std::to_string(p) + ".md")).c_str(), "w");
    std::fprintf(f, "%s.\n\n%s", text.c_str(), notes.c_str());
    std::fclose(f);
  }
  return static_cast<int>(cited.size());
}

int id_of(const std::string& url) { return std::atoi(url.substr(url.rfind('/') + 1).c_str()); }

/// refs's verdicts from the library it wrote: false deaths and the spread.
struct RefsVerdicts {
  int urls = 0;
  int false_dead = 0; ///< a page that is there (walled, throttled, live) called failed
  std::map<std::string, int> seen;
};

RefsVerdicts refs_verdicts(const std::filesystem::path& db) {
  RefsVerdicts out;
  SQLite::Database library(db.string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(library, "SELECT url, verdict FROM link_checks");
  while (q.executeStep()) {
    const std::string verdict = q.getColumn(1).getString();
    ++out.urls;
    ++out.seen[verdict];
    if (verdict == "failed" && kind_of(id_of(q.getColumn(0).getString())) != Kind::dead) {
      ++out.false_dead;
    }
  }
  return out;
}

std::string spread(const std::map<std::string, int>& seen) {
  std::string out;
  for (const auto& [verdict, n] : seen) {
    out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + verdict;
  }
  return out;
}

/// markdown-link-check over a folder: its time and the URLs it called dead.
struct MlcRun {
  double seconds = 0;
  std::set<std::string> dead;
};

MlcRun run_mlc(const std::filesystem::path& dir) {
  MlcRun out;
  const auto start = std::chrono::steady_clock::now();
  std::FILE* pipe = ::popen(("markdown-link-check -q " + dir.string() + " 2>&1").c_str(), "r");
  char line[4096];
  while (pipe != nullptr && std::fgets(line, sizeof line, pipe) != nullptr) {
    const std::string text = line;
    const std::size_t mark = text.find("[✖] ");
    if (mark != std::string::npos) {
      const std::size_t from = mark + std::string("[✖] ").size();
      out.dead.insert(text.substr(from, text.find(' ', from) - from));
    }
  }
  if (pipe != nullptr) {
    ::pclose(pipe);
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

bool have_mlc() { return std::system("markdown-link-check --version > /dev/null 2>&1") == 0; }

} // namespace

int main(int argc, char** argv) {
  if (argc > 2 && std::string(argv[1]) == "--measure") {
    return refs::bench::measure_child(argv + 2);
  }
  if (argc < 2) {
    std::fprintf(stderr, "usage: check_bench REFS_BINARY\n");
    return 2;
  }
  const std::string refs = argv[1];
  const int mlc_posts = std::getenv("CHECK_BENCH_MLC_POSTS") != nullptr ? std::atoi(std::getenv("CHECK_BENCH_MLC_POSTS")) : 25;
  Sites sites;
  refs::testing::TempDir dir;
  const int distinct = write_posts(dir / "all", k_posts, sites.port());
  write_posts(dir / "some", mlc_posts, sites.port());

  const refs::bench::ChildRun all = refs::bench::run_measured(
      refs, {"--db", (dir / "all.sqlite").string(), "--allow-private", "--jobs", std::to_string(k_jobs), "check", (dir / "all").string()});
  const auto hosts = sites.per_host();
  int most = 0;
  int requests = 0;
  for (const auto& [host, n] : hosts) {
    most = std::max(most, n);
    requests += n;
  }
  const RefsVerdicts verdicts = refs_verdicts(dir / "all.sqlite");
  std::printf("refs check, %d posts, %d links, %d URLs on %zu hosts, %d ms per response, --jobs %d: %.1f s, peak %.1f MiB, "
              "%d requests (at most %d to one host); seen: %s; pages that are there called failed: %d\n",
              k_posts, k_posts * k_links_per_post, verdicts.urls, hosts.size(), k_latency_ms, k_jobs, all.seconds,
              static_cast<double>(all.max_rss_kib) / 1024, requests, most, spread(verdicts.seen).c_str(), verdicts.false_dead);
  bool ok = all.status <= 1 && verdicts.urls == distinct && verdicts.false_dead == 0;

  const refs::bench::ChildRun some = refs::bench::run_measured(
      refs, {"--db", (dir / "some.sqlite").string(), "--allow-private", "check", (dir / "some").string()});
  const RefsVerdicts some_verdicts = refs_verdicts(dir / "some.sqlite");
  std::printf("on the first %d posts (%d links): refs check (its default --jobs 32) %.1f s, %d called failed falsely\n", mlc_posts,
              mlc_posts * k_links_per_post, some.seconds, some_verdicts.false_dead);
  ok = ok && some.status <= 1 && some_verdicts.false_dead == 0;
  if (!have_mlc()) {
    std::printf("markdown-link-check is not installed (npm install -g markdown-link-check): its side is skipped\n");
  } else {
    const MlcRun mlc = run_mlc(dir / "some");
    int false_dead = 0;
    for (const std::string& url : mlc.dead) {
      false_dead += kind_of(id_of(url)) != Kind::dead ? 1 : 0;
    }
    std::printf("markdown-link-check %.1f s on the same posts (%.1fx refs's time), called %zu URLs dead, %d of them falsely "
                "(walled, throttled or live); on all %d posts about %.0f s (%.0fx refs's time with --jobs %d)\n",
                mlc.seconds, mlc.seconds / some.seconds, mlc.dead.size(), false_dead, k_posts,
                mlc.seconds * k_posts / mlc_posts, mlc.seconds * k_posts / mlc_posts / all.seconds, k_jobs);
  }
  if (!ok) {
    std::printf("check_bench FAILED: refs did not check every URL, exited with an error, or called a live page failed\n");
    return 1;
  }
  return 0;
}
