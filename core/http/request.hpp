#pragma once

#include <string>
#include <vector>

namespace refs::http {

/// One GET to make. The scheduler follows redirects itself, so `url` is only
/// the first hop.
struct Request {
  std::string url;
  std::vector<std::string> headers; ///< "Name: value" lines, e.g. an Accept header
  /// What the request asks about (an arXiv id, a DOI, a page URL), so the
  /// caller can match answers to questions; the scheduler ignores it.
  std::vector<std::string> subjects;
  std::string etag;          ///< from a cached response: sent as If-None-Match
  std::string last_modified; ///< sent as If-Modified-Since
  bool head = false;         ///< HEAD instead of GET: status and headers only
  /// POST this body instead of a GET; redirects are then followed with GETs.
  std::string body{};
  /// The body's Content-Type: a form (application/x-www-form-urlencoded,
  /// libcurl's default) when empty; an API may want application/json.
  std::string body_type{};

  bool operator==(const Request&) const = default;
};

} // namespace refs::http
