#include "core/pipeline/shared_pace.hpp"

#include "core/classify/url.hpp"
#include "core/store/cache_store.hpp"

#include <algorithm>

namespace refs::pipeline {

namespace {

double unix_now() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

double seconds(std::chrono::milliseconds ms) { return static_cast<double>(ms.count()) / 1000.0; }

} // namespace

std::string host_of(const std::string& url) {
  const auto parsed = classify::parse_url(url);
  return parsed && parsed->is_web() ? parsed->host : "";
}

void reserve(store::Library& library, http::Scheduler& scheduler, const std::string& host,
             const std::vector<http::Request>& requests, std::chrono::milliseconds interval) {
  const int count = static_cast<int>(
      std::count_if(requests.begin(), requests.end(), [&](const http::Request& r) { return host_of(r.url) == host; }));
  if (host.empty() || count == 0) {
    return;
  }
  const double now = unix_now();
  store::WriteTransaction tx(library);
  // A slot far in the future (a clock that jumped, a huge test interval
  // stored earlier) is not waited for longer than the queue it stands for.
  const double start = std::min(store::reserve_host_slots(library, host, count, seconds(interval), now),
                                now + seconds(interval) * (count + 1) + 60);
  tx.commit();
  scheduler.hold_host_until(host, std::chrono::steady_clock::now() +
                                      std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                          std::chrono::duration<double>(start - now)));
}

void release(store::Library& library, const http::Scheduler& scheduler, const std::string& host,
             std::chrono::milliseconds interval, std::chrono::milliseconds pause) {
  if (host.empty() || !scheduler.last_start(host)) {
    return;
  }
  const double wait = scheduler.throttled(host) > 0 ? std::max(seconds(interval), seconds(pause)) : seconds(interval);
  store::WriteTransaction tx(library);
  store::hold_host(library, host, unix_now() + wait);
  tx.commit();
}

} // namespace refs::pipeline
