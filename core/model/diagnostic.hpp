#pragma once

#include <string>

namespace refs::model {

/// How bad: a note informs, a warning reports what the run worked around,
/// an error reports what it could not do.
enum class Severity { note, warning, error };

/// A message about an input, for the CLI to print. `where` is a file, a
/// `file:line` or a URL; the message is lower-case and has no final period.
struct Diagnostic {
  Severity severity = Severity::warning;
  std::string where;
  std::string message;

  bool operator==(const Diagnostic&) const = default;
};

} // namespace refs::model
