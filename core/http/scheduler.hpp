#pragma once

#include "core/http/http_options.hpp"
#include "core/http/observer.hpp"
#include "core/http/request.hpp"
#include "core/http/response.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <curl/curl.h>
#include <tl/expected.hpp>

namespace refs::http {

struct TransferResult;

/// Makes many GET requests at once from one thread, through one libcurl
/// multi handle, politely: at most `jobs` transfers in all and each host's
/// HostRule (transfers at once, spacing between starts), redirects followed
/// hop by hop (http/https only, no private hosts unless allowed), retries
/// for 429/503/resets/timeouts with Retry-After or backoff, and a host that
/// keeps timing out is given up for the rest of the run.
class Scheduler {
public:
  explicit Scheduler(HttpOptions options, Observer* observer = nullptr);
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  /// Makes every request; the i-th result answers the i-th request. Network
  /// trouble is a Failure in the result, never an exception.
  std::vector<Result> run(const std::vector<Request>& requests);

  /// What a request came to, handed over the moment it is known.
  using Deliver = std::function<void(std::size_t index, Result result)>;

  /// Makes every request and hands each result to `deliver` as it comes,
  /// keeping none: a caller that reads each response and lets it go holds
  /// only the transfers in flight.
  void run(const std::vector<Request>& requests, const Deliver& deliver);

  /// No request to `host` starts before `when` (another refs process asked
  /// it recently).
  void hold_host_until(const std::string& host, std::chrono::steady_clock::time_point when);

  /// Treats `host` by `rule` from now on (a later run() may ask the same
  /// host for something that needs other pacing).
  void set_rule(const std::string& host, HostRule rule);

  /// How many 429s `host` sent in this scheduler's runs.
  int throttled(const std::string& host) const;

  /// When the last request to `host` started in this scheduler, if any.
  std::optional<std::chrono::system_clock::time_point> last_start(const std::string& host) const;

private:
  struct Job;
  struct HostState {
    int active = 0;
    int failures = 0; ///< timeouts and connect failures
    bool down = false;
    std::string down_why; ///< why it was given up, when not for failing to answer
    int throttled = 0;    ///< 429s from it so far
    std::chrono::steady_clock::time_point next_start{};
    std::optional<std::chrono::system_clock::time_point> last_start;
  };

  const HostRule& rule(const std::string& host) const;
  void start_ready(std::vector<Job>& jobs, const Deliver& deliver, std::size_t& done);
  bool start(Job& job);
  void complete(Job& job, CURLcode code, const Deliver& deliver, std::size_t& done);
  void retry_later(Job& job, std::chrono::milliseconds delay);
  bool throttled(Job& job, const TransferResult& r, const Deliver& deliver, std::size_t& done);
  void fail(Job& job, Failure why, const Deliver& deliver, std::size_t& done);
  std::chrono::milliseconds wait_time(const std::vector<Job>& jobs) const;

  HttpOptions m_options;
  Observer* m_observer = nullptr;
  void* m_multi = nullptr;
  curl_slist* m_connect_to = nullptr;
  std::map<std::string, HostState> m_hosts;
  int m_active = 0;
  std::minstd_rand m_jitter;
};

} // namespace refs::http
