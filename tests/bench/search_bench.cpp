// Search at scale: the export benchmark's library (tests/bench/bench_bib.cpp,
// 100,000 entries by default) is imported through the refs binary, then
// 1,000 queries drawn from its titles and authors (two title words, a
// phrase of two, a first author, a word's start) are run as `refs search`
// runs them: parsed, searched, the first 20 hits read. Prints their median,
// p99 and slowest time, what the index adds to the library file, and the
// wall time of `refs search` itself (a process: start, open, search, print).
//
// Usage: search_bench REFS [N]

#include "core/model/citation.hpp"
#include "core/pipeline/search_library.hpp"
#include "core/search/search_query.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/library.hpp"
#include "tests/bench/bench_bib.hpp"
#include "tests/bench/child_run.hpp"

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

namespace fs = std::filesystem;

namespace {

/// What the queries are drawn from: one title's words and its first author.
struct Sample {
  std::vector<std::string> words;
  std::string author;
};

/// A title's words as FTS5's unicode61 splits ASCII text: runs of letters
/// and digits.
std::vector<std::string> words_of(const std::string& title) {
  std::vector<std::string> out;
  std::string word;
  for (const char ch : title + " ") {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) {
      word += ch;
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  return out;
}

/// A word worth looking for alone: three letters at least, not a number.
bool telling(const std::string& word) { return word.size() >= 3 && !(word[0] >= '0' && word[0] <= '9'); }

std::vector<Sample> samples_of(refs::store::Library& library) {
  std::vector<Sample> out;
  refs::store::for_each_citation(library, [&](const refs::store::StoredCitation& s) {
    const auto& c = s.citation;
    Sample sample{words_of(c.title), c.authors.empty() ? "" : c.authors.front().family};
    if (sample.words.size() >= 2) {
      out.push_back(std::move(sample));
    }
  });
  return out;
}

std::vector<std::string> draw_queries(const std::vector<Sample>& samples, std::size_t count) {
  std::mt19937_64 rng(7);
  std::vector<std::string> out;
  while (out.size() < count) {
    const Sample& s = samples[rng() % samples.size()];
    const std::size_t at = rng() % (s.words.size() - 1);
    const std::string& other = s.words[rng() % s.words.size()];
    switch (out.size() % 4) {
    case 0:
      if (telling(s.words[at]) && telling(other)) {
        out.push_back(s.words[at] + " " + other);
      }
      break;
    case 1: out.push_back("\"" + s.words[at] + " " + s.words[at + 1] + "\""); break;
    case 2:
      if (!s.author.empty() && s.author.find_first_of(" {\\'") == std::string::npos) {
        out.push_back("author:" + s.author);
      }
      break;
    default:
      if (telling(s.words[at])) {
        out.push_back(s.words[at].substr(0, 4) + "*");
      }
      break;
    }
  }
  return out;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())))];
}

double megabytes(SQLite::Database& db, const std::string& where) {
  return db.execAndGet("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE " + where).getDouble() / 1e6;
}

int bench(const std::string& refs_binary, const fs::path& dir, std::size_t size) {
  const fs::path bib = dir / "bench.bib";
  refs::bench::write_bench_bib(bib, size);
  const std::string db = (dir / "bench.sqlite").string();
  const refs::bench::ChildRun imported =
      refs::bench::run_measured(refs_binary, {"--db", db, "--offline", "--quiet", "import", bib.string()});
  if (imported.status != 0) {
    std::printf("search_bench FAILED: the import exited %d\n", imported.status);
    return 1;
  }
  std::printf("%zu entries imported in %.2f s\n", size, imported.seconds);
  {
    SQLite::Database file(db, SQLite::OPEN_READONLY);
    const double all = megabytes(file, "1");
    const double index = megabytes(file, "name LIKE 'search%'");
    std::printf("  library %.1f MB, of which the search index %.1f MB (+%.0f%% on the %.1f MB without it)\n", all,
                index, 100.0 * index / (all - index), all - index);
  }
  auto library = refs::store::Library::open(db, refs::store::Access::read_only);
  const std::vector<std::string> queries = draw_queries(samples_of(library), 1000);
  std::vector<double> ms;
  std::vector<double> hits;
  for (const std::string& text : queries) {
    const auto start = std::chrono::steady_clock::now();
    const auto query = refs::search::parse_query(text);
    if (!query) {
      std::printf("search_bench FAILED: %s: %s\n", text.c_str(), query.error().c_str());
      return 1;
    }
    const auto result = refs::pipeline::search_library(library, *query, 20);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    if (!result || result->total == 0) {
      std::printf("search_bench FAILED: %s finds nothing\n", text.c_str());
      return 1;
    }
    hits.push_back(static_cast<double>(result->total));
  }
  const double p99 = percentile(ms, 0.99);
  std::vector<std::size_t> order(ms.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ms[a] > ms[b]; });
  std::string slowest;
  for (std::size_t i = 0; i < 3; ++i) {
    char line[200];
    std::snprintf(line, sizeof line, "%s%s %.1f ms (%.0f hits)", i == 0 ? "" : ", ", queries[order[i]].c_str(),
                  ms[order[i]], hits[order[i]]);
    slowest += line;
  }
  std::printf("  %zu queries (hits: median %.0f, p99 %.0f): median %.2f ms, p99 %.2f ms, slowest %.2f ms "
              "(target p99 < 20 ms: %s)\n",
              queries.size(), percentile(hits, 0.5), percentile(hits, 0.99), percentile(ms, 0.5), p99,
              percentile(ms, 1.0), p99 < 20 ? "met" : "MISSED");
  std::printf("  slowest: %s\n", slowest.c_str());
  // An author query: one word a shell takes as it is (run_measured uses one).
  const std::string& word = queries[2];
  const refs::bench::Runs runs = refs::bench::repeated(
      [&] { return refs::bench::run_measured(refs_binary, {"--db", db, "search", word}); }, 5);
  std::printf("  refs search %s: %.3f s (median of 5 runs, the whole process), peak %.1f MB\n", word.c_str(),
              runs.median.seconds, static_cast<double>(runs.median.max_rss_kib) / 1024.0);
  return p99 < 20 && runs.failed == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
  if (argc > 2 && std::string(argv[1]) == "--measure") {
    return refs::bench::measure_child(argv + 2);
  }
  if (argc < 2) {
    std::fprintf(stderr, "usage: search_bench REFS [N]\n");
    return 2;
  }
  const std::size_t size = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 100000;
  const fs::path dir = fs::temp_directory_path() / ("refs-search-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const int status = bench(argv[1], dir, size);
  fs::remove_all(dir);
  return status;
}
