#pragma once

#include "core/http/host_policy.hpp"

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace refs::http {

/// How the scheduler behaves; filled by the CLI from flags, environment and
/// the config file.
struct HttpOptions {
  int jobs = 8;                 ///< transfers at once, in all
  HostRule default_host_rule{}; ///< 2 at once, no spacing
  std::map<std::string, HostRule> host_rules; ///< by URL host, e.g. export.arxiv.org
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds timeout{20000}; ///< per try
  std::size_t max_body = 8 * 1024 * 1024;
  /// A body cut at max_body is a response whatever its type (a link check
  /// reads only the start of a page); else only HTML and PDF may be cut.
  bool partial_ok = false;
  std::string user_agent;
  std::vector<std::string> connect_to; ///< curl's HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT
  std::string cacert;
  bool allow_private = false;
  int max_tries = 3;
  std::chrono::milliseconds backoff{1000}; ///< first retry delay; doubles, with jitter
  std::chrono::milliseconds max_retry_after{60000}; ///< a longer Retry-After is a failure
  int max_redirects = 5;
  int host_down_after = 2; ///< timeouts or connect failures before a host is skipped
};

} // namespace refs::http
