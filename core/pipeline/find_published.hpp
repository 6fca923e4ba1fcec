#pragma once

#include "core/config.hpp"
#include "core/http/observer.hpp"
#include "core/model/citation.hpp"
#include "core/store/library.hpp"
#include "core/store/published_store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace refs::pipeline {

/// A preprint of the library whose published version is looked for.
struct Preprint {
  std::int64_t id = 0; ///< its citation's row
  std::string arxiv_id;
  model::Citation citation;
  /// A published version is cited already (refs published --undo KEY
  /// removes it): what was found is shown, nothing is asked, since the
  /// citation's identifiers now include the version's own.
  bool applied = false;
};

/// What the look-ups found, one finding per preprint in order.
struct PublishedReport {
  std::vector<store::PublishedFinding> findings;
  std::vector<bool> cached; ///< known from an earlier look-up, nothing asked
  /// One line per service given up for the run ("api.semanticscholar.org
  /// asked us 2 times to slow down ...").
  std::vector<std::string> warnings;
};

/// Looks for each preprint's published version, strongest evidence first:
/// the DOI arXiv names; Semantic Scholar's batch answer (one request for
/// up to 500 preprints) for a DBLP, ACL or DOI id of a venue version;
/// DBLP's record of that key; DBLP's search by title and first author
/// where those know nothing; the DOI's registry for a DOI without a DBLP
/// record. Each version must pass published::pass_gates; a version the
/// user rejected is never proposed again. Politely: one request at a time
/// to each service, config.scholar_interval and config.dblp_interval
/// apart across processes, after a 429 none for config.published_pause
/// and after a second none for the run. A found version is kept until
/// config.refresh; "none found" for config.published_miss_ttl; a look-up
/// a failed request left unfinished is not kept (what was kept before is
/// reported instead, if anything). With config.offline only what is kept
/// answers. Throws refs::Error when the library fails.
PublishedReport find_published_versions(store::Library& library, const Config& config,
                                        const std::vector<Preprint>& preprints, http::Observer* observer);

} // namespace refs::pipeline
