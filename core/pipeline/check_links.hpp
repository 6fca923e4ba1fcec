#pragma once

#include "core/check/link_history.hpp"
#include "core/config.hpp"
#include "core/http/observer.hpp"
#include "core/model/diagnostic.hpp"
#include "core/store/library.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace refs::pipeline {

/// One cited link of a post, and what the check made of it.
struct LinkReport {
  std::string post;  ///< as named on the command line, or as the library stores it
  int line = 0;      ///< the footnote's line
  std::string label; ///< the footnote's label
  std::string url;   ///< as the post writes it
  check::Verdict verdict = check::Verdict::unknown;
  std::string detail{};             ///< "HTTP 404", "Cloudflare challenge", ...
  std::string moved_to{};           ///< for moved: where the link leads now
  std::int64_t failing_since = 0; ///< for dead and suspect: Unix time of the first failure in a row
  std::string archive_url{};        ///< with archive: the capture nearest the post's date
  std::string archive_date{};       ///< ISO 8601 UTC
  std::string archive_problem{};    ///< with archive: why there is no capture
};

/// What a run of `refs check` found.
struct CheckOutcome {
  std::vector<LinkReport> links; ///< post by post, each in its footnotes' order
  std::vector<model::Diagnostic> diagnostics;
  /// Each checked post's path and text as it was read: what a rewrite of
  /// its footnotes starts from (and finds unchanged, or refuses).
  std::vector<std::pair<std::string, std::string>> posts;
  bool failed = false;      ///< a post named could not be read: nothing was checked
  int urls = 0;             ///< distinct URLs checked
  std::string archive_warning; ///< the archive was given up for the run (429s)
};

/// Checks every http(s) link of the posts' footnotes (`arguments`: files and
/// folders; none: every post in the library, skipping with a warning those
/// that are gone), each distinct URL once, through
/// one scheduler (config.http: --jobs, else 32 at once; 2 per host), reading at most the first
/// 64 KiB, HEAD only where a site answers HEAD as it answers GET, with the
/// validators of an earlier fetch. Each check is recorded in the library, and
/// a failure is dead only when the link also failed a check at least three
/// days earlier (check/link_history.hpp). With `archive`, each dead,
/// soft-404 or suspect link gets the Wayback Machine's capture nearest its
/// post's date, also kept with the link's citation. Posts are not changed.
/// Throws refs::Error when the library fails.
CheckOutcome check_links(store::Library& library, const Config& config, const std::vector<std::string>& arguments,
                         bool archive, http::Observer* observer);

} // namespace refs::pipeline
