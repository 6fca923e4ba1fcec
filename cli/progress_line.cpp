#include "cli/progress_line.hpp"

#include <cstdio>

namespace refs::cli {

void ProgressLine::sent(const std::string& host) {
  ++m_sent;
  m_host = host;
  draw();
}

void ProgressLine::finished(bool ok) {
  ++m_done;
  m_failed += ok ? 0 : 1;
  draw();
}

void ProgressLine::draw() {
  if (!m_enabled) {
    return;
  }
  std::fprintf(stderr, "\r\033[Kfetching: %d/%d done, %d failed; waiting on %s", m_done, m_total, m_failed,
               m_host.c_str());
  std::fflush(stderr);
  m_drawn = true;
}

void ProgressLine::finish() {
  if (m_drawn) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    m_drawn = false;
  }
}

} // namespace refs::cli
