#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace refs::classify {

/// The form two citations of one web page share, for telling that they are
/// one work; never shown or fetched. From libcurl's parse:
/// - `https` for `http`, the default port dropped, the fragment dropped;
/// - the host lower-case without `www.`, `m.`, `mobile.` or `amp.`;
///   Google AMP cache and viewer URLs (`*.cdn.ampproject.org/c/s/HOST/…`,
///   `google.com/amp/s/HOST/…`) and `youtu.be/ID` become the page they show;
/// - the path with percent-escapes of unreserved characters decoded, every
///   other escape in upper case, other bytes outside RFC 3986 escaped, a
///   trailing slash, a trailing `/amp` and a leading `/amp/` removed;
/// - the query without tracking parameters (k_tracking_parameters in the
///   .cpp, plus every `utm_*`) and AMP switches (`amp`, `amp=1`,
///   `outputType=amp`), the rest sorted. Parameters that select content
///   (`?id=`, `?v=`, `?p=`) are kept.
/// nullopt for what is not an http(s) URL.
std::optional<std::string> identity_url(std::string_view url);

/// Whether the page at `identity` (an identity_url) is a site's home page
/// or one of its section pages (`/news`, `/tag/ai`): many sites name such a
/// page as every article's canonical URL, so it never joins two citations.
bool is_home_or_section(std::string_view identity);

/// The host of an identity_url ("example.com").
std::string_view identity_host(std::string_view identity);

} // namespace refs::classify
