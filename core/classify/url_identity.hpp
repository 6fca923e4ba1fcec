#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace refs::classify {

/// The form two citations of one web page share, for telling that they are
/// one work; never shown or fetched. From libcurl's parse:
/// - `https` for `http`, the default port dropped, the fragment dropped;
/// - the host lower-case without `www.`, `m.`, `mobile.` or `amp.` (while
///   what remains is no public suffix);
///   Google AMP cache and viewer URLs (`*.cdn.ampproject.org/c/s/HOST/…`,
///   `google.com/amp/s/HOST/…`) and `youtu.be/ID` become the page they show;
/// - the path with percent-escapes of unreserved characters decoded, every
///   other escape in upper case, other bytes outside RFC 3986 escaped, a
///   trailing slash removed, and a trailing `/amp` or leading `/amp/` when
///   the rest still has a slug or id (never on hosts of people and
///   projects such as github.com, where a repository may be named amp);
/// - the fragment dropped, unless it routes a single-page site (`#/post/1`,
///   `#!/user`);
/// - the query without tracking parameters (k_tracking_parameters in the
///   .cpp, plus every `utm_*`) and AMP switches (`amp`, `amp=1`,
///   `outputType=amp`), the rest sorted. Parameters that select content
///   (`?id=`, `?v=`, `?p=`) are kept.
/// nullopt for what is not an http(s) URL.
std::optional<std::string> identity_url(std::string_view url);

/// Whether the page at `identity` (an identity_url) is a site's home page
/// or a list of pages: a section (`/news`, `/blog/ai`, `/tag/ai`), a locale
/// root (`/en-us`), a date archive (`/2024/05`), an index file
/// (`/index.html`). Many sites name such a page as every article's
/// canonical URL, so it never joins two citations.
bool is_home_or_section(std::string_view identity);

/// The host of an identity_url ("example.com").
std::string_view identity_host(std::string_view identity);

/// The first path segment of an identity_url ("user" of github.com/user/repo).
std::string_view identity_path_head(std::string_view identity);

/// Whether a site's first path segment names a tenant (a person, a
/// project: github.com/user): its pages are not one site's pages.
bool is_tenant_site(std::string_view host);

} // namespace refs::classify
