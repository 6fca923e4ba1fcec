// Import and export at scale, through the refs binary: a generated .bib of N
// varied entries (journal papers, proceedings, arXiv preprints, books with
// editors, web pages; Latin, Cyrillic, CJK and Korean names; LaTeX
// specials in titles) is imported, then the library is exported to BibTeX
// and to CSL-JSON. Prints wall time and peak memory of each run, and checks
// that every entry and every name made it through.
//
// Usage: export_bench REFS [N...]   (default 10000 100000)
// REFS_BENCH_KEEP=1 keeps the generated .bib and libraries, for profiling.

#include "tests/bench/child_run.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace fs = std::filesystem;
using refs::bench::ChildRun;
using refs::bench::repeated;
using refs::bench::run_measured;
using refs::bench::Runs;

namespace {

struct Name {
  const char* family;
  const char* given;
};

// Names from the scripts citation.js' ASCII mode drops, and LaTeX-accented
// ones; most authors get a made-up name, so that, as in a real library, a
// family name is shared by a few hundred works at most.
constexpr Name k_names[] = {
    {"Peng", "Bowen"},       {"M{\\\"u}ller", "Klaus-Robert"}, {"Иванов", "Сергей"}, {"Смирнова", "Анна"},
    {"王", "小明"},          {"李", "华"},                     {"김", "민준"},       {"박", "서연"},
    {"Schr{\\\"o}dinger", "Erwin"}, {"Garc{\\'\\i}a", "Mar{\\'\\i}a"}, {"Nguyễn", "Văn An"}, {"Dvořák", "Antonín"},
    {"田中", "太郎"},        {"Øksendal", "Bernt"},            {"Łukasiewicz", "Jan"}, {"O'Neil", "Cathy"},
};

constexpr const char* k_syllables[] = {"ka", "lo", "mi", "ren", "sa", "to", "vi", "no", "bel", "dra", "ge", "hu",
                                       "jo", "kri", "lu", "ma", "ne", "pa", "ro", "sto", "ta", "ve", "zu", "an"};

/// A made-up word of 2 to 4 syllables; `n` picks it, so each is reused.
std::string made_up(std::size_t n, bool capital) {
  std::string out;
  const std::size_t count = 2 + n % 3;
  for (std::size_t i = 0; i < count; ++i) {
    out += k_syllables[n % std::size(k_syllables)];
    n /= std::size(k_syllables);
  }
  if (capital) {
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  }
  return out;
}

std::string people(std::mt19937_64& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += i == 0 ? "" : " and ";
    if (rng() % 16 == 0) {
      const Name& n = k_names[rng() % std::size(k_names)];
      out += std::string(n.family) + ", " + n.given;
    } else {
      out += made_up(rng() % 20000, true) + ", " + made_up(rng() % 3000, true);
    }
  }
  return out;
}

constexpr const char* k_words[] = {"Efficient", "Scaling", "Attention", "Retrieval", "Sparse", "Neural",
                                   "{LLM}",     "{GPT-4}",  "for",      "of",        "with",   "in"};

std::string title(std::mt19937_64& rng, std::size_t i) {
  std::string out;
  const int words = 4 + static_cast<int>(rng() % 6);
  for (int w = 0; w < words; ++w) {
    out += w == 0 ? "" : " ";
    out += rng() % 3 == 0 ? std::string(k_words[rng() % std::size(k_words)]) : made_up(rng() % 30000, w == 0);
  }
  // Every title unique, some with the specials an export must escape.
  out += ' ';
  out += std::to_string(i);
  if (i % 7 == 0) {
    out += " at 50\\% \\& \\$5 \\#1 with\\_underscores";
  }
  return out;
}

std::string entry(std::mt19937_64& rng, std::size_t i) {
  std::ostringstream e;
  const int year = 1990 + static_cast<int>(rng() % 36);
  const std::string key = 'w' + std::to_string(i);
  switch (i % 5) {
  case 0:
    e << "@article{" << key << ",\n  author = {" << people(rng, 1 + static_cast<int>(rng() % 6)) << "},\n  title = {"
      << title(rng, i) << "},\n  journal = {Journal of Things " << i % 50 << "},\n  volume = {" << rng() % 90
      << "},\n  number = {" << 1 + rng() % 12 << "},\n  pages = {" << i % 900 << "--" << i % 900 + 12
      << "},\n  year = {" << year << "},\n  month = may,\n  doi = {10.5555/bench." << i << "},\n}\n";
    break;
  case 1:
    e << "@inproceedings{" << key << ",\n  author = {" << people(rng, 2 + static_cast<int>(rng() % 4))
      << "},\n  title = {" << title(rng, i) << "},\n  booktitle = {Proceedings of Conference " << i % 40
      << "},\n  publisher = {ACL},\n  address = {Online},\n  pages = {1--9},\n  year = {" << year << "},\n}\n";
    break;
  case 2:
    e << "@misc{" << key << ",\n  author = {" << people(rng, 3) << "},\n  title = {" << title(rng, i)
      << "},\n  year = {" << year << "},\n  eprint = {" << 2000 + i % 500 << "." << 10000 + i
      << "},\n  archivePrefix = {arXiv},\n  primaryClass = {cs.CL},\n}\n";
    break;
  case 3:
    e << "@book{" << key << ",\n  editor = {" << people(rng, 2) << "},\n  title = {" << title(rng, i)
      << "},\n  series = {Lecture Notes " << i % 30 << "},\n  edition = {Second},\n  publisher = {Springer},\n"
      << "  address = {Berlin},\n  isbn = {978-3-16-148410-0},\n  year = {" << year << "},\n}\n";
    break;
  default:
    // Pages of 2,000 sites, as a library's pages come from many.
    e << "@online{" << key << ",\n  title = {" << title(rng, i) << "},\n  organization = {Blog " << i % 2000
      << "},\n  url = {https://blog" << i % 2000 << ".example.org/posts/" << i
      << "?utm_source=x},\n  urldate = {2025-11-27},\n"
      << "  date = {" << year << "-0" << 1 + i % 9 << "-1" << i % 10 << "},\n}\n";
    break;
  }
  return e.str();
}

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
  std::mt19937_64 rng(2026);
  const fs::path bib = dir / ("bench-" + std::to_string(size) + ".bib");
  {
    std::ofstream out(bib, std::ios::binary);
    for (std::size_t i = 0; i < size; ++i) {
      out << entry(rng, i) << "\n";
    }
  }
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

  // Nothing dropped: every entry, and every Cyrillic, CJK and Korean name.
  const std::string bib_out = slurp(bibtex);
  const std::string csl_out = slurp(csl);
  const std::size_t entries = count_of(bib_out, "\n@") + (bib_out.starts_with("@") ? 1 : 0);
  const std::size_t ids = count_of(csl_out, "\n    \"id\": ");
  int failures = 0;
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
  for (const Runs* runs : {&imported, &bibtex_out, &to_bibtex, &csl_out_runs, &to_csl}) {
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
