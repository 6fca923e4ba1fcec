#pragma once

#include "cli/context.hpp"

#include <span>

#include <CLI/CLI.hpp>

namespace refs::cli {

/// How a command uses the library: `list`, `show` never open it for
/// writing, `extract` does not open it at all.
enum class Needs { no_library, read_library, write_library };

/// One subcommand: its name, one line of help, what it needs, and the
/// function that adds its options to `sub` and returns how to run it.
struct Command {
  const char* name;
  const char* help;
  Needs needs;
  Action (*add)(CLI::App& sub);
};

/// Every subcommand, in the order `refs --help` lists them.
std::span<const Command> commands();

Action add_resolve(CLI::App& sub);
Action add_list(CLI::App& sub);
Action add_search(CLI::App& sub);
Action add_completion(CLI::App& sub);
Action add_show(CLI::App& sub);
Action add_set(CLI::App& sub);
Action add_rm(CLI::App& sub);
Action add_dedupe(CLI::App& sub);
Action add_export(CLI::App& sub);
Action add_import(CLI::App& sub);
Action add_cite(CLI::App& sub);
Action add_check(CLI::App& sub);
Action add_published(CLI::App& sub);
Action add_extract(CLI::App& sub);
Action add_cache(CLI::App& sub);

} // namespace refs::cli
