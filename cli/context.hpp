#pragma once

#include "cli/messages.hpp"
#include "core/config.hpp"
#include "core/store/library.hpp"

#include <functional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace refs::cli {

/// Options every subcommand accepts, before or after its name.
struct GlobalOptions {
  std::string db;
  bool offline = false;
  bool refresh = false;
  bool quiet = false;
  std::vector<std::string> connect_to;
  std::string cacert;
  int jobs = 0;    ///< 0: from the environment, the config file, or 8
  int timeout = 0; ///< seconds; 0: likewise, or 20
  std::string mailto;
  std::string arxiv_api;
  bool allow_private = false;
  bool no_archive = false; ///< never ask the Wayback Machine
};

/// What a subcommand's run function gets: the settings and the messages.
struct Context {
  Config config;
  Messages messages{false, false};
  bool quiet = false;
};

/// A parsed subcommand, ready to run against the opened library; returns
/// the exit code.
using Action = std::function<int(Context&, store::Library&)>;

/// Settings from flags, then the environment (REFS_DB, REFS_MAILTO,
/// XDG_DATA_HOME, HOME, SOURCE_DATE_EPOCH, and the test hooks
/// REFS_ARXIV_INTERVAL_MS, REFS_ARCHIVE_INTERVAL_MS, REFS_ARCHIVE_PAUSE_MS,
/// REFS_SAVE_INTERVAL_MS, REFS_SCHOLAR_INTERVAL_MS, REFS_DBLP_INTERVAL_MS,
/// REFS_PUBLISHED_PAUSE_MS and REFS_RETRY_DELAY_MS; IA_ACCESS_KEY_ID and
/// IA_SECRET_ACCESS_KEY; REFS_CSL_STYLES, REFS_CSL_LOCALES, REFS_PANDOC), then the config file ($XDG_CONFIG_HOME/refs/config.toml:
/// db, mailto, jobs, timeout, arxiv_api, archive, archive_access_key,
/// archive_secret_key), then defaults. Fails with a one-line reason naming the
/// setting or the file.
tl::expected<Config, std::string> make_config(const GlobalOptions& options);

} // namespace refs::cli
