#pragma once

#include <string>
#include <vector>

namespace refs::testing {

/// How the extractor did on one field over the labelled pages.
struct FieldScore {
  std::string field;
  int right = 0;
  int total = 0;
  std::vector<std::string> misses; ///< "file: got X, expected Y"
};

/// Runs the web-page extractor on every page of tests/fixtures/corpus and
/// compares title, first author, published date and site with the values
/// written by hand in expected.json (titles and sites compared with
/// whitespace collapsed and case folded; authors by family name or
/// organisation; dates at the precision written).
std::vector<FieldScore> score_corpus(const std::string& corpus_dir);

} // namespace refs::testing
