#pragma once

#include "core/http/http_options.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

namespace refs {

/// Settings the core reads; cli/ fills it from flags, the environment and
/// defaults. The core never looks at argv, the environment or the clock.
struct Config {
  std::filesystem::path library;
  bool offline = false; ///< make no request; use what is stored, else the post
  bool refresh = false; ///< fetch again what is cached, failures included
  /// Unix time of this run: stamps records and gives `accessed` dates
  /// (SOURCE_DATE_EPOCH makes it fixed, for reproducible output and tests).
  std::int64_t now = 0;
  /// The real Unix time, whatever SOURCE_DATE_EPOCH says: the cache ages by it.
  std::int64_t clock = 0;
  http::HttpOptions http;
  /// --jobs or the config file named http.jobs; else a command may choose
  /// its own (refs check asks many hosts, 2 at a time each, at once).
  bool jobs_given = false;
  std::string arxiv_api = "https://export.arxiv.org/api/query";
  /// arXiv's terms: one request every 3 seconds (shortened only in tests).
  std::chrono::milliseconds arxiv_interval{3000};
  /// How long a failed fetch is remembered and not retried.
  std::int64_t failure_ttl = 24 * 60 * 60;
  /// Ask the Wayback Machine for pages that are gone or walled.
  bool archive = true;
  /// Between two capture lists, across processes (shortened only in tests).
  std::chrono::milliseconds archive_interval{2000};
  /// No archive request this long after a 429 (the archive sends no
  /// Retry-After and blocks clients that keep asking).
  std::chrono::milliseconds archive_pause{60000};
  /// How long "no capture" is believed; a capture is kept for good.
  std::int64_t archive_miss_ttl = 7 * 24 * 60 * 60;
  /// The user's archive.org S3 keys, for Save Page Now.
  std::string archive_access_key;
  std::string archive_secret_key;
  /// Between two Save Page Now requests, across processes.
  std::chrono::milliseconds save_interval{15000};
  /// Semantic Scholar's keyless pace: one request at a time, 1 s apart.
  std::chrono::milliseconds scholar_interval{1000};
  /// DBLP asks robots for 2 s between requests.
  std::chrono::milliseconds dblp_interval{2000};
  /// No request to Semantic Scholar or DBLP this long after its 429 (sent
  /// without Retry-After); a second gives it up for the run.
  std::chrono::milliseconds published_pause{60000};
  /// How long "no published version found" is believed.
  std::int64_t published_miss_ttl = 30 * 24 * 60 * 60;
  /// CSL styles by name (Debian's citation-style-language-styles), CSL
  /// locales (citation-style-language-locales), and the pandoc that
  /// renders with them: for --csl.
  std::filesystem::path csl_styles = "/usr/share/citation-style-language/styles";
  std::filesystem::path csl_locales = "/usr/share/citation-style-language/locales";
  std::string pandoc = "pandoc";
};

} // namespace refs
