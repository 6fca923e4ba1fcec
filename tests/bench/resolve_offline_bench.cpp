// Prints how fast refs reads posts and resolves them offline into a library:
//   make bench
// Figures: footnote scanning of the sample post (MB/s, posts/s), of a
// synthetic 10,000-footnote post, and the whole offline `resolve` of that
// post into a fresh library, then again into the same library (references/s).
#include "core/config.hpp"
#include "core/pipeline/resolve_posts.hpp"
#include "core/post/footnote_reader.hpp"
#include "core/store/library.hpp"
#include "core/util/file.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string synthetic_post(int footnotes) {
  std::string text = "---\ntitle: bench\n---\n";
  for (int i = 0; i < footnotes; ++i) {
    text += "Paragraph " + std::to_string(i) + " cites a source.[^r" + std::to_string(i) + "]\n\n";
  }
  for (int i = 0; i < footnotes; ++i) {
    const std::string n = std::to_string(i);
    // Distinct first title words, as real titles have; clashes are
    // measured separately.
    text += i % 3 == 0 ? "[^r" + n + "]: [Model" + n + ": a paper](https://arxiv.org/abs/2309." + std::to_string(10000 + i) + ")\n"
                       : "[^r" + n + "]: [Topic" + n + " explained](https://blog" + std::to_string(i % 97) + ".example.com/2023/11/p" + n + ")\n";
  }
  return text;
}

void bench_scan(const std::string& name, const std::string& text, int rounds) {
  std::size_t footnotes = 0;
  const auto start = Clock::now();
  for (int r = 0; r < rounds; ++r) {
    footnotes += refs::post::read_footnotes(text, name).footnotes.size();
  }
  const double s = seconds_since(start);
  std::printf("scan %-24s %8.1f MB/s %10.0f posts/s %10.0f footnotes/s\n", name.c_str(),
              static_cast<double>(text.size()) * rounds / s / 1e6, rounds / s, static_cast<double>(footnotes) / s);
}

/// Prints the figures of both passes; false, with a line saying why, when a
/// pass did not store every reference (its speed would mean nothing).
bool bench_resolve(const std::filesystem::path& dir, const std::string& text, int footnotes) {
  const std::filesystem::path post = dir / "bench.md";
  std::ofstream(post) << text;
  refs::Config config;
  config.library = dir / "bench.sqlite";
  config.now = 1764201600;
  config.offline = true; // this bench measures the post reader and the library, not the network
  for (const char* pass : {"resolve into a new library", "resolve again (all known)"}) {
    auto library = refs::store::Library::open(config.library, refs::store::Access::read_write);
    const auto start = Clock::now();
    const auto outcome = refs::pipeline::resolve_posts(library, config, {post.string()});
    const double s = seconds_since(start);
    const std::size_t references = outcome.posts.empty() ? 0 : outcome.posts[0].references.size();
    if (outcome.failed || references != static_cast<std::size_t>(footnotes) || outcome.citations.size() != references) {
      std::printf("%-30s FAILED: %zu references and %zu citations of %d footnotes%s\n", pass, references,
                  outcome.citations.size(), footnotes, outcome.failed ? "; the post could not be read" : "");
      return false;
    }
    std::printf("%-30s %6d references %8.2f s %10.0f references/s\n", pass, footnotes, s, footnotes / s);
  }
  return true;
}

} // namespace

int main(int argc, char** argv) {
  const std::string source = argc > 1 ? argv[1] : ".";
  auto sample = refs::util::read_file(source + "/tests/data/ai-trends-2023-11.md");
  if (!sample) {
    std::fprintf(stderr, "%s\n", sample.error().c_str());
    return 1;
  }
  constexpr int k_footnotes = 10000;
  const std::string big = synthetic_post(k_footnotes);
  bench_scan("sample post (38 notes)", *sample, 2000);
  bench_scan("synthetic (10000 notes)", big, 20);
  const auto dir = std::filesystem::temp_directory_path() / ("refs-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const bool ok = bench_resolve(dir, big, k_footnotes);
  std::filesystem::remove_all(dir);
  return ok ? 0 : 1;
}
