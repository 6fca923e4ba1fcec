#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace refs::classify {

/// A URL taken apart by libcurl's URL API. For a scheme libcurl cannot parse
/// as a hierarchical URL (`doi:`, `mailto:`, `javascript:`) only `scheme`
/// and `opaque` are set.
struct Url {
  std::string text;       ///< as written in the post
  std::string scheme;     ///< lower-case, without ':'
  std::string host;       ///< lower-case, no trailing dot
  std::string path;       ///< percent-decoded, "/" at least
  std::string raw_path;   ///< as libcurl holds it (escapes kept), "/" at least
  std::string port;       ///< only when not the scheme's default
  std::string query;      ///< as written, without '?'
  std::string fragment;   ///< as written, without '#'
  std::string normalised; ///< libcurl's form with host lower-cased and no fragment
  std::string opaque;     ///< what follows "scheme:" for non-hierarchical URLs

  bool is_web() const { return scheme == "http" || scheme == "https"; }
};

/// Parses an absolute URL. Spaces (from `<url with spaces>` destinations) are
/// percent-encoded. Fails with a lower-case reason ("not an absolute URL",
/// "bad host name", ...) that the caller prefixes with the URL.
tl::expected<Url, std::string> parse_url(std::string_view text);

/// A URL reference (a Location header, a canonical link) resolved against
/// the absolute URL it was found on (RFC 3986 §5: it may be relative).
/// nullopt when either cannot be parsed.
std::optional<std::string> resolve_url(const std::string& base, const std::string& reference);

/// `base` with `params` appended to its query, each value percent-encoded
/// by libcurl ("url=https%3a%2f%2f..."); nullopt when `base` is no URL.
std::optional<std::string> with_query(const std::string& base,
                                      const std::vector<std::pair<std::string, std::string>>& params);

} // namespace refs::classify
