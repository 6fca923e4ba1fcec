// Prints the extractor's accuracy on the hand-labelled pages of
// tests/fixtures/corpus, per field, with every miss:
//   build/tests/bench/accuracy_bench tests/fixtures/corpus
#include "tests/support/corpus_accuracy.hpp"

#include <cstdio>

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : "tests/fixtures/corpus";
  const auto scores = refs::testing::score_corpus(dir);
  if (scores.empty() || scores[0].total == 0) {
    std::printf("accuracy_bench FAILED: no labelled pages in %s (expected.json and html/)\n", dir.c_str());
    return 1;
  }
  for (const refs::testing::FieldScore& s : scores) {
    std::printf("%-13s %2d/%2d  %.0f%%\n", s.field.c_str(), s.right, s.total, s.total ? 100.0 * s.right / s.total : 0.0);
    for (const std::string& miss : s.misses) {
      std::printf("    %s\n", miss.c_str());
    }
  }
  return 0;
}
