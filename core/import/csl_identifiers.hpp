#pragma once

#include "core/model/citation.hpp"
#include "core/resolve/registry.hpp"

namespace refs::importing {

/// Gives an item of another tool's CSL-JSON (Zotero, pandoc, citation.js:
/// no `custom.identifiers` of ours) the identifiers refs finds works by:
/// its DOI, and what its URL names (an arXiv id for an arXiv link, a DOI
/// for a doi.org link) beside the URL itself. Without them a post citing
/// the same paper would not find the imported entry. `registry` reads the URL.
void add_csl_identifiers(model::Citation& citation, const resolve::Registry& registry);

} // namespace refs::importing
