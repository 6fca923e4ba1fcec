#pragma once

#include "core/export/bib_entry.hpp"
#include "core/model/citation.hpp"

#include <string>
#include <vector>

namespace refs::exporting {

/// Writes citations as BibLaTeX (for biber), in the given order, one blank
/// line between entries: `@article` (journaltitle, volume, number, pages),
/// `@inproceedings` and `@incollection` (booktitle), `@book`, `@report`
/// (`type = {techreport}`, institution), `@thesis`, arXiv preprints as
/// `@online` with `eprinttype = {arxiv}`, `eprint` and `eprintclass`, and web
/// pages as `@online` with `url` and `urldate`. Dates as `date =
/// {YYYY[-MM[-DD]]}`. UTF-8; text fields escaped as for BibTeX.
std::string to_biblatex(const std::vector<model::Citation>& citations, const BibText& text = {});

/// One entry of that, ending in a newline.
std::string biblatex_entry(const model::Citation& citation, const BibText& text = {});

} // namespace refs::exporting
