#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace refs::cli {

/// What completes the value of an option or a command's operands.
enum class Completes {
  nothing, ///< a free value (a number, a URL): nothing to offer
  words,   ///< one of `words` (choices, `bash zsh`, search fields)
  keys,    ///< the library's citation keys
  posts,   ///< Markdown files
  files,   ///< any file
};

/// An option as completion offers it: its names, and what its value is.
struct OptionWords {
  std::vector<std::string> names; ///< "--json", "-o", "--output"
  std::string help;
  bool takes_value = false;
  Completes value = Completes::nothing;
  std::vector<std::string> words{}; ///< for Completes::words
};

/// A command as completion offers it: its options, and what its operands are.
struct CommandWords {
  std::string name;
  std::string help;
  std::vector<OptionWords> options;
  Completes operands = Completes::nothing;
  std::vector<std::string> words{}; ///< for Completes::words
  /// For `set`: what follows the key (FIELD=), so fields complete there.
  std::vector<std::string> after_key{};
};

/// Everything a shell completes on a refs command line, read from the
/// command-line parser itself, so completion never lists an option refs
/// does not have.
struct CompletionSpec {
  std::vector<OptionWords> global; ///< without -h/--help, which each command has
  std::vector<CommandWords> commands;
};

/// Reads `app`: the global options, and each subcommand's options and what
/// its operands are (keys for show, set, rm, export and published; posts
/// for resolve, cite and check; files for import and extract).
CompletionSpec completion_spec(const CLI::App& app);

/// How a shell offers words of a kind: one command of its script.
using Reply = std::function<std::string(Completes kind, const std::vector<std::string>& words)>;

/// The arms of `case "$cmd $prev" in`, which bash and zsh write alike: for
/// each option that takes a value, its reply, then `return`. A command's
/// own options come before the global ones, which match after any command.
std::string value_arms(const CompletionSpec& spec, const Reply& reply);

/// Every option that takes a value, as one case pattern ("--db|--jobs|…"):
/// the word after it is a value, never the command or an operand.
std::string valued_pattern(const CompletionSpec& spec);

} // namespace refs::cli
