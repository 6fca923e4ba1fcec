#pragma once

#include "core/model/citation.hpp"
#include "core/resolve/registry.hpp"

namespace refs::importing {

/// Gives an item of another tool's CSL-JSON (Zotero, pandoc, citation.js:
/// no `custom.identifiers` of ours) the identifiers refs finds works by:
/// its DOI, and what its URL names (an arXiv id for an arXiv link, a DOI
/// for a doi.org link) beside the URL itself. Without them a post citing
/// the same paper would not find the imported entry. The DOI field is
/// cleaned as a .bib file's is ("https://doi.org/10.1/x" is 10.1/x), and
/// arXiv's own DOI of an arXiv paper is not a second identifier. `registry`
/// reads the URL.
void add_csl_identifiers(model::Citation& citation, const resolve::Registry& registry);

} // namespace refs::importing
