#include "core/check/link_verdict.hpp"

#include "core/check/page_signals.hpp"
#include "core/classify/url.hpp"
#include "core/classify/url_identity.hpp"
#include "core/resolve/web/wall_titles.hpp"
#include "core/util/string.hpp"

#include <algorithm>

namespace refs::check {

// A link checker's worst mistake is calling a page dead that a robot merely
// may not see: Reuters, openai.com and LinkedIn answer every robot with an
// error status. So every 401 and 403 is a wall, never a death, and a death
// needs a status or a failure that says the page or host is gone.

namespace {

using Kind = http::Failure::Kind;

std::string status_text(long status) { return "HTTP " + std::to_string(status); }

/// The wall a response's headers name, or "".
std::string wall_header(const std::vector<std::pair<std::string, std::string>>& headers, long status) {
  if (util::to_lower_ascii(http::header_value(headers, "cf-mitigated")) == "challenge") {
    return "Cloudflare challenge";
  }
  if (status >= 400 && std::any_of(headers.begin(), headers.end(), [](const auto& h) { return h.first.starts_with("x-datadome"); })) {
    return "DataDome";
  }
  return "";
}

Observation from_failure(const http::Failure& f) {
  switch (f.kind) {
  case Kind::http_status: {
    const std::string wall = wall_header(f.headers, f.status);
    const std::string text = status_text(f.status);
    if (!wall.empty()) {
      return {Seen::blocked, text + ", " + wall, ""};
    }
    if (f.status == 429) {
      return {Seen::throttled, f.detail, ""}; // says when the site was given up
    }
    if (f.status == 401 || f.status == 403 || f.status == 999 || f.status == 451) {
      const PageSignals page = page_signals(f.body);
      const auto wall_title = resolve::web::wall_of_title(page.title);
      return {Seen::blocked, wall_title == resolve::web::Wall::none ? text : text + ", \"" + page.title + "\"", ""};
    }
    if (f.status >= 500) {
      return {Seen::unknown, text, ""};
    }
    return {Seen::failed, text, ""};
  }
  case Kind::dns:
  case Kind::connect:
  case Kind::tls:
  case Kind::redirects:
    return {Seen::failed, f.detail, ""};
  case Kind::host_down:
    return {f.status == 429 ? Seen::throttled : Seen::unknown, f.detail, ""};
  default:
    return {Seen::unknown, f.detail, ""};
  }
}

/// A site's front page: where a site sends the links it no longer serves.
bool is_home(const std::string& url) {
  const auto parsed = classify::parse_url(url);
  return parsed && parsed->is_web() && (parsed->path == "/" || parsed->path == "/index.html");
}

/// A chain that ends elsewhere: moved when a permanent redirect led there
/// and it is not merely the same page (https, www, a trailing slash).
std::optional<Observation> from_redirects(const std::string& url, const http::Response& r) {
  if (r.redirects.empty()) {
    return std::nullopt;
  }
  if (is_home(r.final_url) && !is_home(url)) {
    return Observation{Seen::soft_404, "redirected to the home page " + r.final_url, ""};
  }
  const bool permanent = std::any_of(r.redirect_statuses.begin(), r.redirect_statuses.end(),
                                     [](long s) { return s == 301 || s == 308; });
  if (permanent && classify::identity_url(url) != classify::identity_url(r.final_url)) {
    return Observation{Seen::moved, "permanently redirected", r.final_url};
  }
  return std::nullopt;
}

} // namespace

std::string_view to_string(Seen seen) {
  switch (seen) {
  case Seen::ok:
    return "ok";
  case Seen::moved:
    return "moved";
  case Seen::blocked:
    return "blocked";
  case Seen::throttled:
    return "throttled";
  case Seen::soft_404:
    return "soft-404";
  case Seen::failed:
    return "failed";
  case Seen::unknown:
    return "unknown";
  }
  return "unknown";
}

Observation observe(const std::string& url, const http::Result& result) {
  if (!result) {
    return from_failure(result.error());
  }
  const http::Response& r = *result;
  if (const std::string wall = wall_header(r.headers, r.status); !wall.empty()) {
    return {Seen::blocked, status_text(r.status) + ", " + wall, ""};
  }
  if (auto redirected = from_redirects(url, r)) {
    return *redirected;
  }
  const PageSignals page = page_signals(r.body);
  if (!page.article_metadata) {
    const resolve::web::Wall wall = resolve::web::wall_of_title(page.title);
    if (resolve::web::hides_a_page(wall)) {
      return {Seen::blocked, "a wall: \"" + page.title + "\"", ""};
    }
    if (wall != resolve::web::Wall::none) {
      return {Seen::soft_404, "an error page: \"" + page.title + "\"", ""};
    }
  }
  return {Seen::ok, status_text(r.status), ""};
}

} // namespace refs::check
