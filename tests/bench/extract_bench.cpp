// Prints how fast refs extracts metadata from real pages:
//   make bench   (or build/tests/bench/extract_bench CORPUS_DIR)
// Every page of the corpus (default tests/fixtures/corpus/html, the 201
// pages of the shared corpus) is read into memory first; then each round runs the whole
// extractor on every page, bytes in (charset detection and conversion
// included), citation out, on one core. Figures: pages/s and MiB/s.
// Then each page once more with the allocation meter: the most memory the
// extraction held at once, against the page's size (the target is 3x).
#include "core/resolve/web/page_metadata.hpp"
#include "core/util/file.hpp"
#include "tests/bench/allocation_meter.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  const std::filesystem::path dir = argc > 1 ? argv[1] : "tests/fixtures/corpus/html";
  std::vector<std::string> pages;
  std::vector<std::string> names;
  std::size_t bytes = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".html") {
      auto text = refs::util::read_file(entry.path());
      if (!text) {
        std::printf("extract_bench FAILED: %s\n", text.error().c_str());
        return 1;
      }
      bytes += text->size();
      pages.push_back(std::move(*text));
      names.push_back(entry.path().filename().string());
    }
  }
  if (pages.empty()) {
    std::fprintf(stderr, "extract_bench: no .html pages in %s\n", dir.c_str());
    return 1;
  }
  constexpr int k_rounds = 5;
  std::size_t titled = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int round = 0; round < k_rounds; ++round) {
    for (const std::string& page : pages) {
      titled += refs::resolve::web::extract_page(page, "text/html", "https://example.com/page", {2026, 12, 6}).citation.title.empty() ? 0 : 1;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double n = static_cast<double>(pages.size()) * k_rounds;
  std::printf("extract %zu pages (%.1f MiB) x %d rounds: %.0f pages/s, %.1f MiB/s, %.2f ms/page; %zu of %zu titled\n",
              pages.size(), static_cast<double>(bytes) / (1024 * 1024), k_rounds, n / seconds,
              static_cast<double>(bytes) * k_rounds / seconds / (1024 * 1024), seconds * 1000 / n, titled / k_rounds,
              pages.size());
  if (!refs::bench::allocation_meter_on()) {
    std::printf("peak memory: not measured in a sanitizer build\n");
    return 0;
  }
  std::vector<double> ratios;
  std::size_t over = 0;
  std::string over_names;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const std::string& page = pages[i];
    const std::size_t before = refs::bench::reset_allocation_peak();
    const auto extracted = refs::resolve::web::extract_page(page, "text/html", "https://example.com/page", {2026, 12, 6});
    const double ratio = static_cast<double>(refs::bench::allocation_peak() - before) / static_cast<double>(page.size());
    ratios.push_back(ratio);
    if (ratio > 3.0) {
      ++over;
      char line[200];
      std::snprintf(line, sizeof line, "  %s: %zu bytes, peak %.2fx\n", names[i].c_str(), page.size(), ratio);
      over_names += line;
    }
  }
  std::sort(ratios.begin(), ratios.end());
  std::printf("peak memory per page / page size: median %.2f, 90th percentile %.2f, max %.2f; %zu of %zu pages over 3x\n",
              ratios[ratios.size() / 2], ratios[ratios.size() * 9 / 10], ratios.back(), over, ratios.size());
  std::printf("%s", over_names.c_str());
  return 0;
}
