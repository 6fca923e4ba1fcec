// Prints the extractor's accuracy on hand-labelled pages, per field, per
// group of pages (the file name's prefix: ms-, msc-, msu-, traf-) and with
// every miss:
//   build/tests/bench/accuracy_bench tests/fixtures/corpus [LABELS]
// LABELS is a file of that folder: expected.json (default, the 40 pages the
// accuracy test pins) or labels-201.json (every page of html/). A field is
// right when it is the label or an alternative the label's note accepts
// ("also"); the count of the label itself follows in parentheses.
#include "tests/support/corpus_accuracy.hpp"

#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace {

using refs::testing::FieldOutcome;
using refs::testing::FieldScore;

void print_scores(const std::vector<FieldScore>& scores, bool misses) {
  for (const FieldScore& s : scores) {
    std::printf("  %-13s %3d/%3d  %3.0f%%   (the label itself: %3d, %3.0f%%)\n", s.field.c_str(), s.right, s.total,
                s.total ? 100.0 * s.right / s.total : 0.0, s.strict_right, s.total ? 100.0 * s.strict_right / s.total : 0.0);
    for (const std::string& miss : misses ? s.misses : std::vector<std::string>{}) {
      std::printf("      %s\n", miss.c_str());
    }
  }
}

} // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : "tests/fixtures/corpus";
  const std::string labels = argc > 2 ? argv[2] : "expected.json";
  const auto outcomes = refs::testing::score_pages(dir, labels);
  if (outcomes.empty()) {
    std::printf("accuracy_bench FAILED: no labelled pages in %s/%s\n", dir.c_str(), labels.c_str());
    return 1;
  }
  std::map<std::string, std::vector<FieldOutcome>> groups;
  for (const FieldOutcome& o : outcomes) {
    groups[o.file.substr(0, o.file.find('-'))].push_back(o);
  }
  for (const auto& [group, group_outcomes] : groups) {
    std::printf("%s- (%zu pages)\n", group.c_str(), group_outcomes.size() / 4);
    print_scores(refs::testing::score_fields(group_outcomes), false);
  }
  std::printf("all (%zu pages), with every miss\n", outcomes.size() / 4);
  print_scores(refs::testing::score_fields(outcomes), true);
  return 0;
}
