#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace refs::http {

/// A response with a status below 400 (or 304 to a conditional request).
struct Response {
  long status = 0;
  std::string body;
  std::string content_type; ///< as sent, e.g. "text/html; charset=euc-kr"
  std::string final_url;    ///< after redirects
  std::vector<std::string> redirects; ///< every URL that redirected, in order
  std::string etag;
  std::string last_modified;
  bool truncated = false; ///< the body stopped at the cap (allowed for HTML heads)
  int tries = 1;
  std::vector<long> redirect_statuses{}; ///< the status of each redirect, in order (301, 302, ...)
  /// The final response's headers, names lower-case, in the order sent:
  /// walls and archives are told apart by them (cf-mitigated, memento-datetime).
  std::vector<std::pair<std::string, std::string>> headers{};
};

/// The first value of header `name` (lower-case) in `headers`, or "".
std::string header_value(const std::vector<std::pair<std::string, std::string>>& headers, std::string_view name);

/// Why a request gave no usable response; the caller branches on the kind.
struct Failure {
  enum class Kind {
    timeout,     ///< connect or transfer took longer than allowed
    dns,         ///< the host name does not resolve
    connect,     ///< refused or unreachable
    tls,         ///< certificate or handshake failure
    reset,       ///< the connection broke mid-transfer
    http_status, ///< 4xx/5xx after retries; `status` holds it
    too_large,   ///< the body exceeded the cap
    redirects,   ///< too many, or to a scheme or host we do not follow
    refused,     ///< a private or loopback host without --allow-private
    host_down,   ///< the host failed repeatedly earlier in this run
    other,
  };
  Kind kind = Kind::other;
  std::string detail; ///< lower-case, one line: "HTTP 404", "timed out after 20 s"
  long status = 0;
  int tries = 1;
  std::string body; ///< for http_status: what the server said (an API's error document)
  std::vector<std::pair<std::string, std::string>> headers{}; ///< for http_status: as Response::headers
};

/// What a request came to: a response, or why there is none.
using Result = tl::expected<Response, Failure>;

/// A Failure of `kind` with its one-line detail.
inline Failure failure(Failure::Kind kind, std::string detail, long status = 0) {
  Failure f;
  f.kind = kind;
  f.detail = std::move(detail);
  f.status = status;
  return f;
}

/// The stable name of a failure kind ("timeout", "http_status", ...).
const char* to_string(Failure::Kind kind);

} // namespace refs::http
