#pragma once

#include <optional>
#include <string>

namespace refs::http {

/// The scheme (lower-case) and host (lower-case) of an absolute URL; nullopt
/// when libcurl cannot parse it.
struct SchemeHost {
  std::string scheme;
  std::string host;
};
std::optional<SchemeHost> scheme_and_host(const std::string& url);

/// A Location header resolved against the URL that sent it (RFC 9110
/// §10.2.2: it may be relative); nullopt when it cannot be resolved.
std::optional<std::string> resolve_location(const std::string& base, const std::string& location);

} // namespace refs::http
