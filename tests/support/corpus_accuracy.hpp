#pragma once

#include <string>
#include <vector>

namespace refs::testing {

/// What the extractor found for one field of one labelled page.
struct FieldOutcome {
  std::string file;  ///< the page, under tests/fixtures/corpus/html
  std::string field; ///< "title", "first author", "published" or "site"
  std::string got;
  std::string expected;
  bool right = false;  ///< the label, or an alternative its note accepts ("also")
  bool strict = false; ///< the label itself
};

/// How the extractor did on one field over the labelled pages.
struct FieldScore {
  std::string field;
  int right = 0;
  int strict_right = 0; ///< matching the label itself, not an alternative
  int total = 0;
  std::vector<std::string> misses; ///< "file: got X, expected Y"
};

/// Runs the web-page extractor on every page labelled in `labels` (a file
/// of `corpus_dir`: expected.json, the 40 pinned pages, or labels-201.json,
/// every page of html/) and compares title, first author, published date
/// and site with the values written by hand there (titles and sites compared with
/// whitespace collapsed and case folded; authors by family name or
/// organisation; dates at the precision written). A label's "also" object
/// lists, per field, the alternatives its note accepts ("also": {"site":
/// ["WSJ"]}); a field matching one is right but not strictly right. Four
/// outcomes per page,
/// pages in the order of expected.json; a page that cannot be read misses
/// all four. Empty when the labels cannot be read.
std::vector<FieldOutcome> score_pages(const std::string& corpus_dir, const std::string& labels = "expected.json");

/// `outcomes` summed up per field, in the order title, first author,
/// published, site.
std::vector<FieldScore> score_fields(const std::vector<FieldOutcome>& outcomes);

/// score_fields of score_pages.
std::vector<FieldScore> score_corpus(const std::string& corpus_dir, const std::string& labels = "expected.json");

} // namespace refs::testing
