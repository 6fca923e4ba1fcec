#include "core/http/retry_policy.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <string>

namespace refs::http {

bool retryable_status(long status) { return status == 429 || status == 502 || status == 503 || status == 504; }

bool retryable_error(CURLcode code) {
  switch (code) {
  case CURLE_OPERATION_TIMEDOUT:
  case CURLE_RECV_ERROR:
  case CURLE_SEND_ERROR:
  case CURLE_GOT_NOTHING:
  case CURLE_PARTIAL_FILE:
  case CURLE_HTTP2:
  case CURLE_HTTP2_STREAM:
    return true;
  default:
    return false;
  }
}

std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now) {
  const std::string text(value);
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos && text.size() < 10) {
    return std::chrono::seconds(std::stol(text));
  }
  // curl_getdate reads the IMF-fixdate and the two obsolete forms.
  const time_t when = curl_getdate(text.c_str(), nullptr);
  if (when < 0) {
    return std::nullopt;
  }
  const auto delta = std::chrono::system_clock::from_time_t(when) - now;
  return std::max(std::chrono::milliseconds(0), std::chrono::duration_cast<std::chrono::milliseconds>(delta));
}

std::chrono::milliseconds backoff_delay(std::chrono::milliseconds base, int tries_so_far, double jitter) {
  const auto exponential = base * (1LL << std::min(tries_so_far - 1, 10));
  return exponential + std::chrono::milliseconds(static_cast<long long>(static_cast<double>(exponential.count()) * 0.5 * jitter));
}

} // namespace refs::http
