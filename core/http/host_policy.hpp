#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace refs::http {

/// How a host wants to be treated: how many transfers at once, and how long
/// between the starts of two requests.
struct HostRule {
  int max_concurrent = 2;
  std::chrono::milliseconds min_interval{0};
  /// For a host that sends no Retry-After and punishes quick retries (the
  /// Wayback Machine): after a 429, no request to it for this long (0: the
  /// usual Retry-After or backoff).
  std::chrono::milliseconds pause_after_429{0};
  /// After this many 429s a host is given up for the run (0: never): its
  /// waiting requests fail as throttled instead of asking again.
  int give_up_after_429 = 0;
};

/// Whether a URL host is loopback, private, link-local or unspecified: the
/// literal "localhost" (and *.localhost), or an IPv4/IPv6 literal in those
/// ranges. Names are not resolved: only what the URL says is judged.
bool is_private_host(std::string_view host);

} // namespace refs::http
