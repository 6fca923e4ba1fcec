#pragma once

#include "core/http/observer.hpp"

#include <string>

namespace refs::cli {

/// The live status line of a run on a terminal: requests done, failed, and
/// the host last asked, rewritten in place on stderr. Erased by finish().
class ProgressLine final : public http::Observer {
public:
  explicit ProgressLine(bool enabled) : m_enabled(enabled) {}
  ~ProgressLine() override { finish(); }

  void planned(int count) override { m_total += count; }
  void sent(const std::string& host) override;
  void finished(bool ok) override;
  /// Erases the line, so what follows starts on a clean one.
  void finish();

private:
  void draw();

  bool m_enabled = false;
  bool m_drawn = false;
  int m_sent = 0;
  int m_total = 0;
  int m_done = 0;
  int m_failed = 0;
  std::string m_host;
};

} // namespace refs::cli
