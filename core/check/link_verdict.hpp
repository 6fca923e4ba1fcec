#pragma once

#include "core/http/response.hpp"

#include <string>
#include <string_view>

namespace refs::check {

/// What one check of a link saw, before the link's history is weighed.
enum class Seen {
  ok,        ///< the page answered
  moved,     ///< a permanent redirect to another article URL
  blocked,   ///< a wall answered for the page: it is there, not for robots
  throttled, ///< 429: asked to slow down
  soft_404,  ///< a 200 that is an error page, or a redirect to the home page
  failed,    ///< 404, 410, NXDOMAIN, a refused connection, a TLS failure
  unknown,   ///< timeouts, server errors: nothing can be said
};

/// The word for a Seen, as printed and stored: "ok", "soft-404", ...
std::string_view to_string(Seen seen);

/// What one check saw, and in a few words why ("HTTP 404", "Cloudflare
/// challenge", "redirected to https://new/url").
struct Observation {
  Seen seen = Seen::unknown;
  std::string detail;
  std::string moved_to; ///< for moved: the URL the link now leads to
};

/// Reads what a request for `url` came to. Walls are told from deaths by
/// what they send: Cloudflare's `cf-mitigated: challenge` on any status,
/// DataDome's `x-datadome` on an error, LinkedIn's 999, any 401 or 403, and
/// a page whose title is a bot, login or consent wall; a page whose title
/// is an error or a parked domain, or a redirect that ends on the home
/// page, is a soft 404. Only the start of the body is needed.
Observation observe(const std::string& url, const http::Result& result);

} // namespace refs::check
