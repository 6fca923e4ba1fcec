#pragma once

#include "cli/completion_spec.hpp"

#include <string>

namespace refs::cli {

/// A bash completion script for refs (`complete -F _refs refs`): commands,
/// options, option values (files, choices), the library's keys for show,
/// set, rm, export and published and after `@` or `[@`, posts for resolve,
/// cite and check. Keys come from `refs list --keys` at completion time,
/// from the library the command line names with --db.
std::string bash_completion(const CompletionSpec& spec);

/// The same for zsh, with each command's and option's help beside it.
std::string zsh_completion(const CompletionSpec& spec);

} // namespace refs::cli
