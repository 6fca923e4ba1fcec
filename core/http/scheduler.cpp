#include "core/http/scheduler.hpp"

#include "core/http/curl_transfer.hpp"
#include "core/http/host_policy.hpp"
#include "core/http/retry_policy.hpp"
#include "core/classify/url.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <memory>

namespace refs::http {

// Why our own scheduler and not libcurl's CURLMOPT_MAX_HOST_CONNECTIONS:
// libcurl counts connections by the host it connects to, so behind
// --connect-to or a proxy every host would share one limit. We count by the
// URL's host, hop by hop, and add what libcurl has no notion of: spacing
// between requests (arXiv asks for 3 s), Retry-After, and giving up on a
// host that keeps timing out.

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

CURLM* multi_of(void* m) { return static_cast<CURLM*>(m); }

bool is_redirect(long status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

Failure transfer_failure(const TransferResult& r, const HttpOptions& options) {
  switch (r.code) {
  case CURLE_OPERATION_TIMEDOUT:
    return failure(Failure::Kind::timeout, "timed out after " + std::to_string(options.timeout.count() / 1000) + " s");
  case CURLE_COULDNT_RESOLVE_HOST:
    return failure(Failure::Kind::dns, "host not found");
  case CURLE_COULDNT_CONNECT:
    return failure(Failure::Kind::connect, "cannot connect: " + r.error);
  case CURLE_PEER_FAILED_VERIFICATION:
  case CURLE_SSL_CONNECT_ERROR:
  case CURLE_SSL_CERTPROBLEM:
  case CURLE_SSL_CACERT_BADFILE:
    return failure(Failure::Kind::tls, "TLS: " + r.error);
  case CURLE_UNSUPPORTED_PROTOCOL:
    return failure(Failure::Kind::redirects, r.error);
  default:
    if (retryable_error(r.code)) {
      return failure(Failure::Kind::reset, r.error);
    }
    return failure(Failure::Kind::other, r.error);
  }
}

} // namespace

struct Scheduler::Job {
  std::size_t index = 0;
  const Request* request = nullptr;
  std::string url;
  std::string host;
  int tries = 0;     ///< in all, for reporting
  int hop_tries = 0; ///< on the current hop, for the retry limit
  std::vector<std::string> redirects;
  std::vector<long> redirect_statuses;
  Clock::time_point not_before{};
  std::unique_ptr<Transfer> transfer;
  bool finished = false;
};

Scheduler::Scheduler(HttpOptions options, Observer* observer)
    : m_options(std::move(options)), m_observer(observer), m_multi(curl_multi_init()),
      m_jitter(static_cast<unsigned>(Clock::now().time_since_epoch().count())) {
  for (const std::string& rule : m_options.connect_to) {
    m_connect_to = curl_slist_append(m_connect_to, rule.c_str());
  }
}

Scheduler::~Scheduler() {
  curl_multi_cleanup(multi_of(m_multi));
  curl_slist_free_all(m_connect_to);
}

const HostRule& Scheduler::rule(const std::string& host) const {
  const auto it = m_options.host_rules.find(host);
  return it == m_options.host_rules.end() ? m_options.default_host_rule : it->second;
}

void Scheduler::hold_host_until(const std::string& host, Clock::time_point when) {
  HostState& state = m_hosts[host];
  state.next_start = std::max(state.next_start, when);
}

void Scheduler::set_rule(const std::string& host, HostRule rule) { m_options.host_rules[host] = rule; }

int Scheduler::throttled(const std::string& host) const {
  const auto it = m_hosts.find(host);
  return it == m_hosts.end() ? 0 : it->second.throttled;
}

std::optional<std::chrono::system_clock::time_point> Scheduler::last_start(const std::string& host) const {
  const auto it = m_hosts.find(host);
  return it == m_hosts.end() ? std::nullopt : it->second.last_start;
}

std::vector<Result> Scheduler::run(const std::vector<Request>& requests) {
  std::vector<Result> results(requests.size(), tl::make_unexpected(Failure{}));
  run(requests, [&](std::size_t i, Result r) { results[i] = std::move(r); });
  return results;
}

void Scheduler::run(const std::vector<Request>& requests, const Deliver& deliver) {
  std::vector<Job> jobs(requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    jobs[i].index = i;
    jobs[i].request = &requests[i];
    jobs[i].url = requests[i].url;
  }
  std::size_t done = 0;
  if (m_observer != nullptr) {
    m_observer->planned(static_cast<int>(requests.size()));
  }
  while (done < jobs.size()) {
    start_ready(jobs, deliver, done);
    int running = 0;
    curl_multi_perform(multi_of(m_multi), &running);
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_of(m_multi), &queued)) {
      if (msg->msg != CURLMSG_DONE) {
        continue;
      }
      Transfer* transfer = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &transfer);
      const CURLcode code = msg->data.result;
      complete(jobs[transfer->job()], code, deliver, done);
    }
    if (done < jobs.size()) {
      curl_multi_poll(multi_of(m_multi), nullptr, 0, static_cast<int>(wait_time(jobs).count()), nullptr);
    }
  }
}

/// Starts every waiting job its host and the global limit allow, in order.
void Scheduler::start_ready(std::vector<Job>& jobs, const Deliver& deliver, std::size_t& done) {
  const auto now = Clock::now();
  for (Job& job : jobs) {
    if (m_active >= m_options.jobs) {
      break; // nothing can start before a transfer ends, which wakes the loop
    }
    if (job.finished || job.transfer || job.not_before > now) {
      continue;
    }
    if (job.host.empty()) { // parsed once per hop: thousands of jobs may wait
      const auto parts = classify::parse_url(job.url);
      if (!parts || !parts->is_web()) {
        fail(job, failure(Failure::Kind::redirects, "not an http(s) URL: " + job.url), deliver, done);
        continue;
      }
      job.host = parts->host;
    }
    if (!m_options.allow_private && is_private_host(job.host)) {
      fail(job, failure(Failure::Kind::refused, "refused: " + job.host + " is a private or loopback host (--allow-private)"), deliver, done);
      continue;
    }
    HostState& host = m_hosts[job.host];
    if (host.down) {
      fail(job, failure(Failure::Kind::host_down, host.down_why.empty() ? job.host + " did not answer earlier in this run" : host.down_why, host.down_why.empty() ? 0 : 429), deliver, done);
      continue;
    }
    if (host.active >= rule(job.host).max_concurrent || host.next_start > now) {
      continue;
    }
    start(job);
  }
}

bool Scheduler::start(Job& job) {
  HostState& host = m_hosts[job.host];
  job.transfer = std::make_unique<Transfer>(m_options, *job.request, job.url, m_connect_to, job.index);
  curl_multi_add_handle(multi_of(m_multi), job.transfer->handle());
  ++job.tries;
  ++job.hop_tries;
  ++host.active;
  ++m_active;
  host.next_start = Clock::now() + rule(job.host).min_interval;
  host.last_start = std::chrono::system_clock::now();
  if (m_observer != nullptr) {
    m_observer->sent(job.host);
  }
  return true;
}

void Scheduler::retry_later(Job& job, milliseconds delay) { job.not_before = Clock::now() + delay; }

void Scheduler::fail(Job& job, Failure why, const Deliver& deliver, std::size_t& done) {
  why.tries = std::max(job.tries, 1);
  deliver(job.index, tl::make_unexpected(std::move(why)));
  job.finished = true;
  ++done;
  if (m_observer != nullptr) {
    m_observer->finished(false);
  }
}

void Scheduler::complete(Job& job, CURLcode code, const Deliver& deliver, std::size_t& done) {
  curl_multi_remove_handle(multi_of(m_multi), job.transfer->handle());
  TransferResult r = job.transfer->finish(code);
  job.transfer.reset();
  --m_active;
  HostState& host = m_hosts[job.host];
  --host.active;
  // Spacing also counts from the end of a response: the server must see its
  // requests that far apart, and a slow first handshake must not eat the gap.
  host.next_start = std::max(host.next_start, Clock::now() + rule(job.host).min_interval);
  const bool can_retry = job.hop_tries < m_options.max_tries;
  if (r.code != CURLE_OK && !(r.over_cap && r.code == CURLE_WRITE_ERROR)) {
    if (r.code == CURLE_OPERATION_TIMEDOUT || r.code == CURLE_COULDNT_CONNECT) {
      host.down = ++host.failures >= m_options.host_down_after;
    }
    if (retryable_error(r.code) && can_retry && !host.down) {
      retry_later(job, backoff_delay(m_options.backoff, job.hop_tries, std::uniform_real_distribution<>(0, 1)(m_jitter)));
      return;
    }
    return fail(job, transfer_failure(r, m_options), deliver, done);
  }
  host.failures = 0; // the host answers: only failures in a row mark it down
  if (r.over_cap && !m_options.partial_ok && r.content_type.find("html") == std::string::npos &&
      r.content_type.find("pdf") == std::string::npos) {
    return fail(job, failure(Failure::Kind::too_large, "body larger than " + std::to_string(m_options.max_body) + " bytes"), deliver, done);
  }
  if (is_redirect(r.status) && !r.location.empty()) {
    const auto next = classify::resolve_url(job.url, r.location);
    if (!next || static_cast<int>(job.redirects.size()) >= m_options.max_redirects) {
      return fail(job, failure(Failure::Kind::redirects, next ? "more than " + std::to_string(m_options.max_redirects) + " redirects" : "bad redirect to " + r.location), deliver, done);
    }
    job.redirects.push_back(job.url);
    job.redirect_statuses.push_back(r.status);
    job.url = *next;
    job.host.clear(); // the next hop's host is parsed when it starts
    job.not_before = {};
    job.hop_tries = 0; // each hop gets its own tries
    return;
  }
  if (r.status == 429 && throttled(job, r, deliver, done)) {
    return;
  }
  if (r.status >= 400) {
    if (retryable_status(r.status) && can_retry) {
      const auto asked = parse_retry_after(r.retry_after, std::chrono::system_clock::now());
      if (asked && *asked > m_options.max_retry_after) {
        return fail(job, failure(Failure::Kind::http_status, "HTTP " + std::to_string(r.status) + " (asked to wait " + std::to_string(asked->count() / 1000) + " s)", r.status), deliver, done);
      }
      const auto delay = asked ? *asked : backoff_delay(m_options.backoff, job.tries, std::uniform_real_distribution<>(0, 1)(m_jitter));
      retry_later(job, delay);
      // The host asked everyone to wait, not only this request.
      host.next_start = std::max(host.next_start, Clock::now() + delay);
      return;
    }
    Failure refused = failure(Failure::Kind::http_status, "HTTP " + std::to_string(r.status), r.status);
    refused.body = std::move(r.body);
    refused.headers = std::move(r.headers);
    return fail(job, std::move(refused), deliver, done);
  }
  Response response{r.status, std::move(r.body), r.content_type, job.url, job.redirects, r.etag, r.last_modified, r.over_cap, job.tries,
                    job.redirect_statuses, std::move(r.headers)};
  deliver(job.index, std::move(response));
  job.finished = true;
  ++done;
  if (m_observer != nullptr) {
    m_observer->finished(true);
  }
}

/// A 429, counted against its host: after the host rule's limit the host
/// is given up (every waiting request to it fails at its turn), and a host
/// that punishes quick retries rests for its pause. False when the usual
/// Retry-After or backoff handles it.
bool Scheduler::throttled(Job& job, const TransferResult& r, const Deliver& deliver, std::size_t& done) {
  HostState& host = m_hosts[job.host];
  const HostRule& host_rule = rule(job.host);
  ++host.throttled;
  if (host_rule.give_up_after_429 > 0 && host.throttled >= host_rule.give_up_after_429) {
    host.down = true;
    host.down_why = job.host + " asked us to slow down (HTTP 429) " + std::to_string(host.throttled) +
                    " times; not asked again in this run";
    fail(job, failure(Failure::Kind::http_status, "HTTP 429 (" + host.down_why + ")", r.status), deliver, done);
    return true;
  }
  if (host_rule.pause_after_429.count() == 0) {
    return false;
  }
  host.next_start = std::max(host.next_start, Clock::now() + host_rule.pause_after_429);
  if (job.hop_tries >= m_options.max_tries) {
    fail(job, failure(Failure::Kind::http_status, "HTTP 429", r.status), deliver, done);
  } else {
    retry_later(job, host_rule.pause_after_429);
  }
  return true;
}

/// How long to wait for network activity before looking at the queue again:
/// until the earliest waiting job may start, at most a second.
milliseconds Scheduler::wait_time(const std::vector<Job>& jobs) const {
  auto wait = milliseconds(1000);
  if (m_active >= m_options.jobs) {
    return wait; // a transfer must end first, and its end wakes the poll
  }
  const auto now = Clock::now();
  for (const Job& job : jobs) {
    if (job.finished || job.transfer) {
      continue;
    }
    auto when = job.not_before;
    if (const auto it = m_hosts.find(job.host); it != m_hosts.end()) {
      if (it->second.active >= rule(job.host).max_concurrent) {
        continue; // waits for a transfer to finish, which wakes the poll
      }
      when = std::max(when, it->second.next_start);
    }
    if (m_active >= m_options.jobs) {
      continue;
    }
    wait = std::min(wait, std::chrono::duration_cast<milliseconds>(std::max(when - now, Clock::duration::zero())) + milliseconds(1));
  }
  return wait;
}

} // namespace refs::http
