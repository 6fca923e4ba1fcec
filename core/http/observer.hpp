#pragma once

#include <string>

namespace refs::http {

/// Hears what the scheduler does, for a progress line. Called on the
/// scheduler's thread; must not throw.
class Observer {
public:
  virtual ~Observer() = default;
  /// A run of `count` requests begins.
  virtual void planned(int count) = 0;
  /// A request was sent to `host` (also for retries and redirects).
  virtual void sent(const std::string& host) = 0;
  /// One of the requests is finished for good; `ok` when it got a response.
  virtual void finished(bool ok) = 0;
};

} // namespace refs::http
