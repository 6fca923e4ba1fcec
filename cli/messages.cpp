#include "cli/messages.hpp"

#include <cstdio>

namespace refs::cli {

void Messages::line(const char* colour, const char* label, const std::string& text) const {
  if (m_colour) {
    std::fprintf(stderr, "refs: %s%s:\033[0m %s\n", colour, label, text.c_str());
  } else {
    std::fprintf(stderr, "refs: %s: %s\n", label, text.c_str());
  }
}

void Messages::error(const std::string& text) const { line("\033[1;31m", "error", text); }

void Messages::warning(const std::string& text) const {
  if (!m_quiet) {
    line("\033[1;35m", "warning", text);
  }
}

void Messages::note(const std::string& text) const {
  if (!m_quiet) {
    line("\033[1;36m", "note", text);
  }
}

void Messages::hint(const std::string& text) const {
  if (!m_quiet) {
    std::fprintf(stderr, "hint: %s\n", text.c_str());
  }
}

void Messages::print(const model::Diagnostic& d) const {
  const std::string text = d.where.empty() ? d.message : d.where + ": " + d.message;
  switch (d.severity) {
  case model::Severity::error:
    error(text);
    break;
  case model::Severity::warning:
    warning(text);
    break;
  case model::Severity::note:
    note(text);
    break;
  }
}

void Messages::print(const std::vector<model::Diagnostic>& diagnostics) const {
  for (const model::Diagnostic& d : diagnostics) {
    print(d);
  }
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace refs::cli
