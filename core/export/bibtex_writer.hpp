#pragma once

#include "core/model/citation.hpp"

#include <string>
#include <vector>

namespace refs::exporting {

/// Writes citations as BibTeX, in the given order, one blank line between
/// entries. arXiv preprints are `@misc` in arXiv's own export style
/// (`eprint`, `archivePrefix = {arXiv}`); web pages and documents are
/// `@misc` with `url`, `urldate`, `howpublished = {\url{...}}` and
/// `note = {Accessed: YYYY-MM-DD}`, so both classic styles and
/// natbib/biblatex print the link. UTF-8; all text fields escaped.
std::string to_bibtex(const std::vector<model::Citation>& citations);

} // namespace refs::exporting
