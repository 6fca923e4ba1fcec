#pragma once

#include "core/export/bib_entry.hpp"
#include "core/model/citation.hpp"

#include <string>
#include <vector>

namespace refs::exporting {

/// Writes citations as BibTeX, in the given order, one blank line between
/// entries. The entry type follows the work: `@article` (journal, volume,
/// number, pages), `@inproceedings` and `@incollection` (booktitle),
/// `@book`, `@techreport` (institution), `@phdthesis`; arXiv preprints are
/// `@misc` in arXiv's own export style (`eprint`, `archivePrefix = {arXiv}`,
/// `primaryClass`); web pages and everything else are `@misc` with `url`,
/// `urldate`, `howpublished = {\url{...}}` and `note = {Accessed: ...}`, so
/// both classic styles and natbib/biblatex print the link. UTF-8, or ASCII
/// with LaTeX accents (BibText); all text fields escaped; page ranges "--".
std::string to_bibtex(const std::vector<model::Citation>& citations, const BibText& text = {});

/// One entry of that, ending in a newline.
std::string bibtex_entry(const model::Citation& citation, const BibText& text = {});

} // namespace refs::exporting
