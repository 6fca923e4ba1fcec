// Import and export at scale, through the refs binary: a generated .bib of N
// varied entries (tests/bench/bench_bib.cpp) is imported, then the library
// is exported to BibTeX and to CSL-JSON. Prints wall time and peak memory of each run, and checks
// that every entry and every name made it through.
//
// Usage: export_bench REFS [N...]   (default 10000 100000)
// REFS_BENCH_KEEP=1 keeps the generated .bib and libraries, for profiling.

#include "tests/bench/bench_bib.hpp"
#include "tests/bench/child_run.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace fs = std::filesystem;
using refs::bench::ChildRun;
using refs::bench::repeated;
using refs::bench::run_measured;
using refs::bench::Runs;

namespace {

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

constexpr int k_runs = 3;

/// The page in headless Chromium (tests/browser/page_check.py), when it is
/// installed: load time, first paint, and the time a search takes to
/// filter the list (the first includes indexing what the reader has not
/// let the page index while idle) and to show it all again.
void in_browser(const fs::path& page) {
  if (std::system("command -v chromium >/dev/null 2>&1") != 0) {
    std::printf("  in Chromium: not installed, not measured\n");
    return;
  }
  const std::string report = (page.parent_path() / "browser.json").string();
  std::string command = REFS_SOURCE_DIR;
  command.insert(0, "python3 ");
  command += "/tests/browser/page_check.py chromium " + page.string() + " " +
             (page.parent_path() / "page.png").string() + " --query müller --query 'müller klaus' --query '' > " +
             report;
  if (std::system(command.c_str()) != 0) {
    std::printf("  in Chromium: FAILED (%s)\n", command.c_str());
    return;
  }
  const std::string json = slurp(report);
  const auto number = [&](const std::string& name, std::size_t from = 0) {
    const std::size_t at = json.find("\"" + name + "\": ", from);
    return at == std::string::npos ? -1.0 : std::strtod(json.c_str() + at + name.size() + 4, nullptr);
  };
  std::printf("  in Chromium: first paint %.0f ms, loaded in %.2f s\n", number("first_paint_ms"),
              number("load_seconds"));
  std::size_t at = json.find("\"queries\"");
  for (const char* query : {"müller", "müller klaus", "(cleared)"}) {
    at = json.find("\"seconds\": ", at + 1);
    std::printf("    search %-14s %.2f s\n", query, number("seconds", at - 1));
  }
}

/// One line of figures, or of failure: a failed run measured nothing.
void report(const char* what, std::size_t size, const Runs& runs) {
  if (runs.failed > 0) {
    std::printf("  %-22s FAILED: %d of %d runs did not exit 0\n", what, runs.failed, k_runs);
    return;
  }
  const ChildRun& run = runs.median;
  std::printf("  %-22s %7.3f s (best %.3f)  %8.0f entries/s  peak %6.1f MB\n", what, run.seconds, runs.best,
              static_cast<double>(size) / run.seconds, static_cast<double>(run.max_rss_kib) / 1024.0);
}

int bench_size(const std::string& refs, const fs::path& dir, std::size_t size) {
  const fs::path bib = dir / ("bench-" + std::to_string(size) + ".bib");
  refs::bench::write_bench_bib(bib, size);
  const std::string db = (dir / ("bench-" + std::to_string(size) + ".sqlite")).string();
  std::printf("%zu entries (%.1f MB of .bib), median of %d runs\n", size,
              static_cast<double>(fs::file_size(bib)) / 1e6, k_runs);
  const Runs imported = repeated(
      [&] {
        for (const char* suffix : {"", "-wal", "-shm"}) {
          fs::remove(db + suffix); // each import into a new library
        }
        return run_measured(refs, {"--db", db, "--offline", "--quiet", "import", bib.string()});
      },
      k_runs);
  report("import .bib", size, imported);
  const auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--offline"});
    return repeated([&] { return run_measured(refs, args); }, k_runs);
  };
  const fs::path bibtex = dir / "out.bib";
  const fs::path csl = dir / "out.json";
  int failures = 0;
  // To stdout (thrown away: the work of refs alone), then to a file with
  // -o (written whole, flushed to disk and renamed into place).
  const Runs bibtex_out = run({"export", "--bibtex"});
  report("export --bibtex", size, bibtex_out);
  const Runs to_bibtex = run({"export", "--bibtex", "-o", bibtex.string()});
  report("export --bibtex -o", size, to_bibtex);
  const Runs csl_out_runs = run({"export", "--csl-json"});
  report("export --csl-json", size, csl_out_runs);
  const Runs to_csl = run({"export", "--csl-json", "-o", csl.string()});
  report("export --csl-json -o", size, to_csl);
  const fs::path html = dir / "page.html";
  const Runs to_html = run({"export", "--html", "-o", html.string()});
  report("export --html -o", size, to_html);
  const std::string page = slurp(html);
  std::printf("  page: %.1f MB, %zu entries\n", static_cast<double>(page.size()) / 1e6,
              count_of(page, "<li class=\"refs-entry\""));
  if (count_of(page, "<li class=\"refs-entry\"") != size) {
    std::printf("  MISSING: the page has not every entry\n");
    ++failures;
  }
  in_browser(html);

  // Nothing dropped: every entry, and every Cyrillic, CJK and Korean name.
  const std::string bib_out = slurp(bibtex);
  const std::string csl_out = slurp(csl);
  const std::size_t entries = count_of(bib_out, "\n@") + (bib_out.starts_with("@") ? 1 : 0);
  const std::size_t ids = count_of(csl_out, "\n    \"id\": ");
  if (entries != size || ids != size) {
    std::printf("  MISSING: %zu BibTeX entries, %zu CSL-JSON items of %zu\n", entries, ids, size);
    ++failures;
  }
  for (const char* name : {"Иванов, Сергей", "王, 小明", "김, 민준", "田中, 太郎", "Müller, Klaus-Robert"}) {
    if (bib_out.find(name) == std::string::npos) {
      std::printf("  MISSING name in BibTeX: %s\n", name);
      ++failures;
    }
  }
  std::printf("  every entry and name exported: %s\n", failures == 0 ? "yes" : "NO");
  for (const Runs* runs : {&imported, &bibtex_out, &to_bibtex, &csl_out_runs, &to_csl, &to_html}) {
    failures += runs->failed > 0 ? 1 : 0;
  }
  fs::remove(bibtex);
  fs::remove(csl);
  return failures;
}

} // namespace

int main(int argc, char** argv) {
  if (argc > 2 && std::string(argv[1]) == "--measure") {
    return refs::bench::measure_child(argv + 2);
  }
  if (argc < 2) {
    std::fprintf(stderr, "usage: export_bench REFS [N...]\n");
    return 2;
  }
  std::vector<std::size_t> sizes;
  for (int i = 2; i < argc; ++i) {
    sizes.push_back(std::strtoull(argv[i], nullptr, 10));
  }
  if (sizes.empty()) {
    sizes = {10000, 100000};
  }
  const fs::path dir = fs::temp_directory_path() / ("refs-export-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  int failures = 0;
  for (std::size_t size : sizes) {
    failures += bench_size(argv[1], dir, size);
  }
  if (std::getenv("REFS_BENCH_KEEP") != nullptr) {
    std::printf("kept %s\n", dir.c_str());
  } else {
    fs::remove_all(dir);
  }
  if (failures != 0) {
    std::printf("export_bench FAILED: %d checks or runs failed; the figures above are not all valid\n", failures);
    return 1;
  }
  return 0;
}
