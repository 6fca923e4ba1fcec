#pragma once

#include "core/import/bibtex_reader.hpp"

#include <vector>

namespace refs::importing {

/// Gives each entry with a `crossref` the fields it lacks that a paper
/// shares with the volume it is in (booktitle from the volume's title,
/// year, publisher, editor, ...), as BibTeX does; the volume's DOI, URL,
/// abstract or notes are its own and stay there. A crossref to a key the
/// file lacks changes nothing.
void resolve_crossrefs(std::vector<BibEntry>& entries);

} // namespace refs::importing
