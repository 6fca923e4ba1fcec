#pragma once

#include "core/config.hpp"
#include "core/http/observer.hpp"
#include "core/model/citation.hpp"
#include "core/model/date.hpp"
#include "core/model/work_id.hpp"
#include "core/store/library.hpp"

#include <optional>
#include <string>
#include <vector>

namespace refs::pipeline {

/// A page that could not describe itself, and when it was cited: the
/// capture nearest that date describes it best.
struct LostPage {
  model::WorkId id;
  model::Date cited_on; ///< unknown: the capture nearest today
};

/// What the Wayback Machine said of one lost page.
struct ArchivedCopy {
  model::WorkId id;
  std::optional<model::Citation> citation; ///< from the capture, sources "archive"
  std::string problem; ///< why not: no capture, an archived wall, a failed request
  bool cached = false; ///< known from an earlier run, no request made
};

/// What the archive gave, and one warning when it was given up for the run.
struct ArchiveReport {
  std::vector<ArchivedCopy> copies; ///< one per lost page, in order
  std::string gave_up; ///< "web.archive.org asked us 2 times to slow down ...", or ""
};

/// Looks each page up in the Wayback Machine, politely: the capture lists
/// one at a time, config.archive_interval apart across every process
/// sharing the library; replays at most 2 at a time; after a 429 no
/// archive request for config.archive_pause, after a second none for the
/// rest of the run. Captures and their descriptions are cached for good,
/// "no capture" for config.archive_miss_ttl. With config.offline only the
/// cache answers. Throws refs::Error when the library fails.
ArchiveReport find_archived_copies(store::Library& library, const Config& config, const std::vector<LostPage>& pages,
                                   http::Observer* observer);

} // namespace refs::pipeline
