#pragma once

#include "core/import/bibtex_reader.hpp"
#include "core/model/citation.hpp"

#include <string>
#include <vector>

namespace refs::importing {

/// The citation a BibTeX or BibLaTeX entry describes, every field from the
/// source "import": the CSL type from the entry type (an `@misc` with an
/// arXiv eprint is a preprint, with a URL a web page), LaTeX decoded to
/// UTF-8, names split ("Family, Given", "Given Family", `{Corporate}`),
/// `date` or `year`/`month`, journal, journaltitle or booktitle as the
/// container, page ranges with one hyphen, `urldate` as the access date
/// (and our own "Accessed: ..." note dropped), the arXiv id, DOI and URL as
/// identifiers. The entry's key is the citation's key, fixed.
struct EntryCitation {
  model::Citation citation;
  /// What was left out, lower-case: "author: no family name in '{, }'; name left out".
  std::vector<std::string> warnings;
};
EntryCitation citation_from_entry(const BibEntry& entry, const std::string& now);

} // namespace refs::importing
