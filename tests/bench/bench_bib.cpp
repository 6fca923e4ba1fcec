#include "tests/bench/bench_bib.hpp"

#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace refs::bench {

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

} // namespace

void write_bench_bib(const std::filesystem::path& path, std::size_t size) {
  std::mt19937_64 rng(2026);
  std::ofstream out(path, std::ios::binary);
  for (std::size_t i = 0; i < size; ++i) {
    out << entry(rng, i) << "\n";
  }
}

} // namespace refs::bench
