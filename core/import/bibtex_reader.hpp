#pragma once

#include <map>
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
  std::string key;  ///< "" for an entry written without one (`@article{,`)
  std::vector<std::pair<std::string, std::string>> fields; ///< lower-case names, in order, each once
  int line = 0;                                            ///< of its `@`
};

/// Something wrong in a .bib file, at a line.
struct BibProblem {
  int line = 0;
  std::string message; ///< lower-case, no final period
};

struct BibFile {
  std::vector<BibEntry> entries;
  std::vector<BibProblem> problems; ///< the entry at that line was skipped
  std::vector<BibProblem> warnings; ///< the entry was read, as BibTeX reads it
};

/// `@string` macros by lower-case name. BibTeX reads the files of
/// `\bibliography{defs,papers}` as one: macros defined in one file hold
/// in the files after it.
using BibMacros = std::map<std::string, std::string>;

/// Reads BibTeX and BibLaTeX as BibTeX and biber do: entries in braces or
/// parentheses, `@string` macros and the month macros (jan … dec, and the
/// full names), `#` concatenation, braced, quoted and numeric values with
/// nested braces, `@comment`, `@preamble` and text outside entries
/// (ignored), `%` comments between fields and commented-out entries, empty
/// fields between commas, entries without a key, and `crossref` (fields the
/// entry lacks come from the entry it names; a `booktitle` from its title).
/// An undefined macro is a warning and an empty value. A malformed entry is
/// reported with its line and skipped; reading goes on at the next `@`.
/// `macros` holds the macros of the files read before and gains this
/// file's. Never fails.
BibFile read_bibtex(std::string_view text, BibMacros& macros);

/// The same for a file read alone.
BibFile read_bibtex(std::string_view text);

} // namespace refs::importing
