// Prints how well and how fast refs finds citations that are one work:
//   make bench            (or: build/tests/bench/dedupe_bench build/cli/refs)
// On synthetic libraries of 10,000 and 100,000 citations (dedupe_corpus.hpp:
// 5% planted near-duplicates in five classes, 1% planted look-alike traps,
// seed 2026 unless REFS_BENCH_SEED says otherwise), for each size:
// - the matcher over the whole corpus (what `refs dedupe` runs): precision
//   over every pair it joins, recall over the planted duplicates (per class),
//   traps joined, and its time;
// - the library built through the insert path of `resolve` and `import`
//   (store_incoming: indexed look-ups, merging on insert), with the same
//   figures from the merges it made, and the time per insert;
// - `refs dedupe --json` on that library through the binary: wall time and
//   peak memory (the child's maximum resident set), then again after a rules
//   change (all keys made again);
// - 200 more citations inserted one transaction each into the full library:
//   time per insert (mean, p99, max).
#include "tests/bench/child_run.hpp"
#include "tests/bench/dedupe_corpus.hpp"

#include "core/dedupe/work_groups.hpp"
#include "core/dedupe/work_profile.hpp"
#include "core/pipeline/join_works.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/library.hpp"
#include "core/store/match_key_store.hpp"

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;
using refs::bench::ChildRun;
namespace fs = std::filesystem;
using refs::bench::DedupeCorpus;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

/// Which citations a method put together: a group number per citation.
struct Quality {
  std::size_t joined_pairs = 0; ///< pairs of citations put together
  std::size_t true_pairs = 0;   ///< of those, pairs of one work
  std::map<std::string, std::pair<std::size_t, std::size_t>> recall; ///< class -> (found, planted)
  std::size_t traps_joined = 0;
  std::size_t traps = 0;
};

Quality measure(const DedupeCorpus& corpus, const std::vector<std::size_t>& group_of) {
  Quality q;
  std::map<std::size_t, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < group_of.size(); ++i) {
    groups[group_of[i]].push_back(i);
  }
  for (const auto& [g, members] : groups) {
    for (std::size_t x = 0; x < members.size(); ++x) {
      for (std::size_t y = x + 1; y < members.size(); ++y) {
        ++q.joined_pairs;
        q.true_pairs += corpus.work[members[x]] == corpus.work[members[y]] ? 1 : 0;
      }
    }
  }
  for (const auto& p : corpus.duplicates) {
    auto& [found, planted] = q.recall[p.kind];
    ++planted;
    found += group_of[p.a] == group_of[p.b] ? 1 : 0;
    if (std::getenv("REFS_BENCH_MISSES") != nullptr && group_of[p.a] != group_of[p.b]) {
      const auto& a = corpus.citations[p.a];
      const auto& b = corpus.citations[p.b];
      std::fprintf(stderr, "missed %s:\n  %s | %s | %d | %s | %s\n  %s | %s | %d | %s | %s\n", p.kind.c_str(), a.title.c_str(),
                   a.authors.empty() ? "-" : (a.authors[0].family + a.authors[0].literal).c_str(), a.issued.year, a.type.c_str(), a.url.c_str(),
                   b.title.c_str(), b.authors.empty() ? "-" : (b.authors[0].family + b.authors[0].literal).c_str(), b.issued.year, b.type.c_str(), b.url.c_str());
    }
  }
  for (const auto& p : corpus.traps) {
    ++q.traps;
    q.traps_joined += group_of[p.a] == group_of[p.b] ? 1 : 0;
  }
  return q;
}

void print_quality(const char* what, const Quality& q) {
  std::size_t found = 0;
  std::size_t planted = 0;
  std::string classes;
  for (const auto& [kind, counts] : q.recall) {
    found += counts.first;
    planted += counts.second;
    char part[64];
    std::snprintf(part, sizeof part, " %s %zu/%zu", kind.c_str(), counts.first, counts.second);
    classes += part;
  }
  std::printf("  %-8s precision %.4f (%zu of %zu joined pairs are one work), recall %.4f (%zu/%zu), traps joined %zu/%zu\n",
              what, q.joined_pairs == 0 ? 1.0 : static_cast<double>(q.true_pairs) / static_cast<double>(q.joined_pairs),
              q.true_pairs, q.joined_pairs, planted == 0 ? 1.0 : static_cast<double>(found) / static_cast<double>(planted),
              found, planted, q.traps_joined, q.traps);
  std::printf("           recall by class:%s\n", classes.c_str());
}

/// The matcher over the whole corpus, as `refs dedupe` runs it.
void bench_matcher(const DedupeCorpus& corpus) {
  auto start = Clock::now();
  std::vector<refs::dedupe::WorkProfile> profiles;
  profiles.reserve(corpus.citations.size());
  for (const auto& c : corpus.citations) {
    profiles.push_back(refs::dedupe::profile_of(c));
  }
  const double profile_s = seconds_since(start);
  start = Clock::now();
  const auto groups = refs::dedupe::group_works(profiles);
  const double group_s = seconds_since(start);
  std::vector<std::size_t> group_of(corpus.citations.size());
  for (std::size_t i = 0; i < group_of.size(); ++i) {
    group_of[i] = i;
  }
  for (const auto& g : groups) {
    for (std::size_t m : g.members) {
      group_of[m] = g.members.front();
    }
  }
  std::printf("  matcher  profiles %.3f s, grouping %.3f s (%zu groups)\n", profile_s, group_s, groups.size());
  print_quality("matcher", measure(corpus, group_of));
}

/// Builds the library through the insert path; returns per-citation row ids.
std::vector<std::int64_t> build_library(refs::store::Library& library, const DedupeCorpus& corpus) {
  const auto keep = [](std::int64_t) { return refs::dedupe::Ties::keep; };
  std::vector<std::int64_t> row(corpus.citations.size());
  std::vector<std::vector<std::size_t>> absorbed_into; // not needed: rows are followed through merges below
  const auto start = Clock::now();
  constexpr std::size_t batch = 1000;
  for (std::size_t i = 0; i < corpus.citations.size(); i += batch) {
    refs::store::WriteTransaction tx(library);
    for (std::size_t j = i; j < std::min(i + batch, corpus.citations.size()); ++j) {
      auto incoming = refs::store::prepare_citation(corpus.citations[j]);
      const auto stored = refs::pipeline::store_incoming(library, incoming, keep, corpus.citations[j].created);
      row[j] = stored.id;
    }
    tx.commit();
  }
  const double s = seconds_since(start);
  std::printf("  insert   %zu citations through the insert path in %.2f s (%.0f/s, %.3f ms each)\n",
              corpus.citations.size(), s, static_cast<double>(corpus.citations.size()) / s,
              s * 1000 / static_cast<double>(corpus.citations.size()));
  return row;
}

/// Where each citation ended up after every merge: its row, or the row
/// that absorbed it (found through its key, which stays as a former key).
std::vector<std::size_t> final_rows(refs::store::Library& library, const DedupeCorpus& corpus,
                                    const std::vector<std::int64_t>& rows) {
  std::vector<std::size_t> out(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto now = refs::store::find_by_row_id(library, rows[i]);
    if (now) {
      out[i] = static_cast<std::size_t>(now->id);
      continue;
    }
    const auto by_key = refs::store::find_by_key(library, corpus.citations[i].key);
    out[i] = by_key ? static_cast<std::size_t>(by_key->id) : 0;
  }
  return out;
}

ChildRun run_dedupe(const std::string& refs, const fs::path& db) {
  return refs::bench::run_measured(refs, {"--db", db.string(), "--offline", "dedupe", "--json"});
}

/// One line of figures for `what`; false, and a line saying so, when a run failed.
bool report_runs(const char* what, const refs::bench::Runs& runs) {
  if (runs.failed > 0) {
    std::printf("  %s: FAILED: %d runs did not exit 0\n", what, runs.failed);
    return false;
  }
  std::printf("  %s: %.3f s (best %.3f), peak memory %.1f MB\n", what, runs.median.seconds, runs.best,
              static_cast<double>(runs.median.max_rss_kib) / 1024.0);
  return true;
}

void bench_inserts(refs::store::Library& library, std::size_t size, std::uint64_t seed) {
  // Other works, so inserts are new or duplicates of each other as planted.
  DedupeCorpus extra = refs::bench::make_dedupe_corpus(4000, seed + 1);
  std::vector<double> ms;
  const auto keep = [](std::int64_t) { return refs::dedupe::Ties::keep; };
  for (std::size_t i = 0; i < 200; ++i) {
    auto c = extra.citations[i];
    c.key = "x" + c.key;
    const auto start = Clock::now();
    refs::store::WriteTransaction tx(library);
    auto incoming = refs::store::prepare_citation(c);
    refs::pipeline::store_incoming(library, incoming, keep, c.created);
    tx.commit();
    ms.push_back(seconds_since(start) * 1000);
  }
  std::sort(ms.begin(), ms.end());
  double sum = 0;
  for (double m : ms) {
    sum += m;
  }
  std::printf("  one insert into the %zu-citation library, own transaction: mean %.3f ms, p50 %.3f, p99 %.3f, max %.3f (200 inserts)\n",
              size, sum / static_cast<double>(ms.size()), ms[ms.size() / 2], ms[ms.size() * 99 / 100], ms.back());
}

/// Prints the figures of one library size; false when a run of refs failed.
bool bench_size(const std::string& refs, const fs::path& dir, std::size_t size, std::uint64_t seed) {
  std::printf("%zu citations (seed %llu)\n", size, static_cast<unsigned long long>(seed));
  const auto start = Clock::now();
  const DedupeCorpus corpus = refs::bench::make_dedupe_corpus(size, seed);
  std::printf("  corpus   made in %.2f s: %zu planted duplicates, %zu traps\n", seconds_since(start),
              corpus.duplicates.size(), corpus.traps.size());
  bench_matcher(corpus);

  const fs::path db = dir / ("dedupe-" + std::to_string(size) + ".sqlite");
  fs::remove(db);
  {
    auto library = refs::store::Library::open(db, refs::store::Access::read_write);
    refs::store::ensure_match_keys(library); // as resolve does first
    const auto rows = build_library(library, corpus);
    print_quality("insert", measure(corpus, final_rows(library, corpus, rows)));
  }
  bool ok = report_runs("refs dedupe --json, median of 3", refs::bench::repeated([&] { return run_dedupe(refs, db); }));
  const auto after_rules_change = [&] {
    {
      SQLite::Database raw(db.string(), SQLite::OPEN_READWRITE);
      raw.exec("UPDATE match_rules SET version = 0");
    }
    return run_dedupe(refs, db);
  };
  ok = report_runs("refs dedupe --json after a rules change (every key made again), median of 3",
                   refs::bench::repeated(after_rules_change)) && ok;
  auto library = refs::store::Library::open(db, refs::store::Access::read_write);
  bench_inserts(library, size, seed);
  if (std::getenv("REFS_BENCH_KEEP") != nullptr) {
    const fs::path kept = fs::temp_directory_path() / db.filename();
    fs::copy_file(db, kept, fs::copy_options::overwrite_existing);
    std::printf("  (library kept as %s)\n", kept.c_str());
  }
  fs::remove(db);
  fs::remove(db.string() + "-wal");
  fs::remove(db.string() + "-shm");
  return ok;
}

} // namespace

int main(int argc, char** argv) {
  if (argc > 2 && std::string(argv[1]) == "--measure") {
    return refs::bench::measure_child(argv + 2);
  }
  if (argc < 2) {
    std::fprintf(stderr, "usage: dedupe_bench REFS_BINARY [SIZE...]\n");
    return 2;
  }
  const char* seed_text = std::getenv("REFS_BENCH_SEED");
  const std::uint64_t seed = seed_text != nullptr ? std::strtoull(seed_text, nullptr, 10) : 2026;
  std::vector<std::size_t> sizes;
  for (int i = 2; i < argc; ++i) {
    sizes.push_back(std::strtoull(argv[i], nullptr, 10));
  }
  if (sizes.empty()) {
    sizes = {10000, 100000};
  }
  const fs::path dir = fs::temp_directory_path() / ("refs-dedupe-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  bool ok = true;
  for (std::size_t size : sizes) {
    ok = bench_size(argv[1], dir, size, seed) && ok;
  }
  fs::remove_all(dir);
  if (!ok) {
    std::printf("dedupe_bench FAILED: a run of refs did not exit 0; its figures are left out\n");
    return 1;
  }
  return 0;
}
