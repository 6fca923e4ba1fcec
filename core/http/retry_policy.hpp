#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include <curl/curl.h>

namespace refs::http {

/// Whether a status is worth another try: 429 and 503 (and 502/504, which
/// proxies send for the same overload).
bool retryable_status(long status);

/// Whether a transfer error is worth another try: timeouts and connections
/// that broke or were reset.
bool retryable_error(CURLcode code);

/// The delay a Retry-After header asks for: delta-seconds or an HTTP-date
/// (RFC 9110 §10.2.3), relative to `now`. nullopt when absent or unreadable.
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now);

/// Exponential backoff: `base` * 2^(try-1), plus up to half of it again as
/// jitter drawn from `jitter` (0..1), so clients that failed together do not
/// come back together.
std::chrono::milliseconds backoff_delay(std::chrono::milliseconds base, int tries_so_far, double jitter);

} // namespace refs::http
