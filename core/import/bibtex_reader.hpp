#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace refs::importing {

/// One entry of a .bib file as BibTeX reads it: `@string` macros expanded,
/// `#` concatenations joined, the outer braces or quotes of each value gone,
/// LaTeX left as written (latex_decode.hpp reads it).
struct BibEntry {
  std::string type; ///< lower-case ("article", "misc")
  std::string key;
  std::vector<std::pair<std::string, std::string>> fields; ///< lower-case names, in order, each once
  int line = 0;                                            ///< of its `@`
};

/// Something wrong in a .bib file; the entry it is in was skipped.
struct BibProblem {
  int line = 0;
  std::string message; ///< lower-case, no final period
};

struct BibFile {
  std::vector<BibEntry> entries;
  std::vector<BibProblem> problems;
};

/// Reads BibTeX and BibLaTeX: entries in braces or parentheses,
/// `@string` macros and the month macros (jan … dec), `#` concatenation,
/// braced, quoted and numeric values with nested braces, `@comment`,
/// `@preamble` and text outside entries (ignored), and `crossref` (fields
/// the entry lacks come from the entry it names; a `booktitle` from its
/// title). A malformed entry is reported with its line and skipped; reading
/// goes on at the next `@`. Never fails.
BibFile read_bibtex(std::string_view text);

} // namespace refs::importing
