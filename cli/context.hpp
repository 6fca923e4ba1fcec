#pragma once

#include "cli/messages.hpp"
#include "core/config.hpp"
#include "core/store/library.hpp"

#include <functional>
#include <string>

#include <tl/expected.hpp>

namespace refs::cli {

/// Options every subcommand accepts, before or after its name.
struct GlobalOptions {
  std::string db;
  bool offline = false;
  bool quiet = false;
};

/// What a subcommand's run function gets: the settings and the messages.
struct Context {
  Config config;
  Messages messages{false, false};
};

/// A parsed subcommand, ready to run against the opened library; returns
/// the exit code.
using Action = std::function<int(Context&, store::Library&)>;

/// Settings from flags, then the environment (REFS_DB, XDG_DATA_HOME, HOME,
/// SOURCE_DATE_EPOCH), then defaults. Fails with a one-line reason.
tl::expected<Config, std::string> make_config(const GlobalOptions& options);

} // namespace refs::cli
