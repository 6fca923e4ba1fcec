#pragma once

#include "core/model/diagnostic.hpp"

#include <string>
#include <vector>

namespace refs::cli {

/// "1 citation", "2 citations": a count and its noun.
std::string plural(std::size_t n, const char* one, const char* many);

/// How messages reach stderr: `refs: error: ...`, `refs: warning: ...`,
/// `refs: note: ...`, `hint: ...`. Colour only on a terminal and only when
/// NO_COLOR is unset; --quiet keeps errors and drops the rest.
class Messages {
public:
  Messages(bool colour, bool quiet) : m_colour(colour), m_quiet(quiet) {}

  void error(const std::string& text) const;
  void warning(const std::string& text) const;
  void note(const std::string& text) const;
  void hint(const std::string& text) const;
  /// Prints one diagnostic as "WHERE: MESSAGE" (or the message alone).
  void print(const model::Diagnostic& diagnostic) const;
  void print(const std::vector<model::Diagnostic>& diagnostics) const;

private:
  void line(const char* colour, const char* label, const std::string& text) const;

  bool m_colour = false;
  bool m_quiet = false;
};

} // namespace refs::cli
