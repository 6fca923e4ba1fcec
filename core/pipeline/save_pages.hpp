#pragma once

#include "core/config.hpp"
#include "core/http/observer.hpp"
#include "core/store/library.hpp"

#include <string>
#include <vector>

namespace refs::pipeline {

/// What became of one page sent to Save Page Now.
struct SaveResult {
  std::string url;
  bool recent = false; ///< a capture from the last 30 days exists: not sent
  std::string job;     ///< Save Page Now's job id when it took the page
  std::string problem; ///< why not: a refusal, a failed request
};

/// What `refs check --save` did.
struct SaveReport {
  std::vector<SaveResult> pages; ///< one per URL, in order
  std::string gave_up; ///< the archive was given up for the run (429s), or ""
};

/// Asks the Wayback Machine to capture each page (live cited pages) that
/// has no capture from the last 30 days: a capture list per page (one at a
/// time, config.archive_interval apart), then Save Page Now, signed with
/// config.archive_access_key and archive_secret_key, one request at a time,
/// config.save_interval apart across processes; the archive's 429 rules
/// hold. A refusal is a problem of its page, never an error of the run.
/// Throws refs::Error when the library fails.
SaveReport save_pages(store::Library& library, const Config& config, const std::vector<std::string>& urls,
                      http::Observer* observer);

} // namespace refs::pipeline
