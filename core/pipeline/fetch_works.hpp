#pragma once

#include "core/config.hpp"
#include "core/http/observer.hpp"
#include "core/key/citation_key.hpp"
#include "core/pipeline/join_works.hpp"
#include "core/model/date.hpp"
#include "core/model/work_id.hpp"
#include "core/resolve/registry.hpp"
#include "core/store/library.hpp"

#include <map>
#include <string>
#include <vector>

namespace refs::pipeline {

/// A work whose citation is in the library and that its source may describe.
struct WorkToFetch {
  model::WorkId id;
  std::string source;    ///< the resolver that claimed it
  std::size_t batch = 0; ///< asked in requests of at most this many works (0: as its source plans)
  model::Date cited_on{}; ///< when the post that cites it was written: its archived copy is the one nearest
};

/// What became of one work.
struct FetchOutcome {
  /// The source that described it now, "cached", "archive" (a page gone or
  /// walled, described by an archived copy), or "" when nothing did.
  std::string via;
  std::string problem; ///< why not, when a source tried and failed (with "archive": why the page itself did not)
  bool attempted = false; ///< a source has a way to describe it (false: nothing to fetch yet)
};

/// What fetch_works did: each work's outcome, keyed by cache_key(), and the
/// citations it joined because the sources showed them to be one work.
struct FetchReport {
  std::map<std::string, FetchOutcome> works;
  std::vector<Joined> merges;
  std::string archive_warning{}; ///< the Wayback Machine was given up for the run (429s): why
};

/// The key a work's fetch is cached under: its canonical URL.
std::string cache_key(const model::WorkId& id);

/// Describes the works from their sources and merges what the sources say
/// into the library (each work in its own transaction; a better source
/// wins field by field; a provisional key is replaced by one made from the
/// real data and then fixed, the old key kept as an alias). A citation that
/// the new data shows to be the same work as another stored one is joined
/// with it (join_works.hpp). Uses the cache
/// unless config.refresh: a work fetched before is merged from the cache, a
/// failure younger than config.failure_ttl is not retried. Requests go
/// through one http::Scheduler, arXiv's spaced by config.arxiv_interval
/// across every process sharing the library. A web page that is gone or
/// walled is then looked up in the Wayback Machine unless config.archive
/// is off (archive_copies.hpp). Throws refs::Error when the library fails.
FetchReport fetch_works(store::Library& library, const Config& config,
                        const resolve::Registry& registry, const key::KeyMaker& keys,
                        const std::vector<WorkToFetch>& works, http::Observer* observer);

} // namespace refs::pipeline
