#include "core/classify/url_identity.hpp"

#include "core/classify/site_name.hpp"
#include "core/classify/url.hpp"
#include "core/util/percent_encoding.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace refs::classify {

namespace {

// Query parameters that say how a reader came to a page, never which page
// it is. `utm_*` is matched as a prefix. Parameters named `ref` are kept:
// some sites select content with them (GitHub's `?ref=branch`).
constexpr std::array<std::string_view, 27> k_tracking_parameters = {
    "fbclid", "gclid",       "dclid",      "gbraid",     "wbraid",   "msclkid", "yclid",
    "twclid", "mc_cid",      "mc_eid",     "ref_src",    "ref_url",  "igshid",  "igsh",
    "spm",    "_hsenc",      "_hsmi",      "mkt_tok",    "oly_anon_id", "oly_enc_id", "vero_id",
    "smid",   "cmpid",       "sr_share",   "__twitter_impression", "ncid", "_ga",
};

// Share parameters that are tracking on these hosts only (elsewhere `si`
// may be content).
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> k_host_tracking_parameters = {{
    {"youtube.com", "si"},
    {"youtu.be", "si"},
    {"open.spotify.com", "si"},
}};

// Host prefixes of the same site's mobile, AMP and `www` editions.
constexpr std::array<std::string_view, 4> k_edition_prefixes = {"www.", "m.", "mobile.", "amp."};

// Hosts whose first path segments are people and projects (a repository
// may be named "amp"): AMP path forms are never stripped there, and
// author-less pages are told apart by their first segment.
constexpr std::array<std::string_view, 14> k_tenant_hosts = {
    "github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "huggingface.co", "sourceforge.net", "medium.com",
    "x.com",      "twitter.com", "linkedin.com", "reddit.com",   "youtube.com",    "facebook.com",    "instagram.com",
};

// Last path segments of index files: the page of the folder they are in.
constexpr std::array<std::string_view, 6> k_index_files = {"index.html", "index.htm", "index.php",
                                                           "index.asp",  "index.aspx", "default.aspx"};

// First path segments of list pages: tags, categories, authors, archives.
constexpr std::array<std::string_view, 16> k_section_segments = {
    "tag",     "tags",     "category", "categories", "topic",  "topics", "section", "sections",
    "author",  "authors",  "archive",  "archives",   "search", "label",  "labels",  "page",
};

/// One spelling for every way of writing the same bytes (RFC 3986 §6.2.2):
/// unreserved characters plain, everything else outside `keep` escaped, all
/// escapes in upper case.
std::string normalise_escapes(std::string_view text, std::string_view keep) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool escaped = false;
    if (c == '%' && i + 2 < text.size() && util::hex_digit_value(text[i + 1]) >= 0 &&
        util::hex_digit_value(text[i + 2]) >= 0) {
      c = static_cast<unsigned char>(util::hex_digit_value(text[i + 1]) * 16 + util::hex_digit_value(text[i + 2]));
      i += 2;
      escaped = true;
    }
    if (util::is_unreserved(c) || (!escaped && keep.find(static_cast<char>(c)) != std::string_view::npos)) {
      out += static_cast<char>(c);
    } else {
      util::append_percent_escaped(out, c);
    }
  }
  return out;
}

std::string strip_edition_prefixes(std::string host) {
  for (bool again = true; again;) {
    again = false;
    for (std::string_view prefix : k_edition_prefixes) {
      // Only while a site remains: `m.co.uk` stays (co.uk is no site).
      const std::string rest = host.substr(std::min(prefix.size(), host.size()));
      if (host.starts_with(prefix) && rest.find('.') != std::string::npos && !is_public_suffix(rest)) {
        host = rest;
        again = true;
      }
    }
  }
  return host;
}

bool is_tenant_host(std::string_view host) {
  return std::find(k_tenant_hosts.begin(), k_tenant_hosts.end(), host) != k_tenant_hosts.end();
}

/// Whether a path still names an article once an AMP part is cut: a
/// segment with a number or a hyphen (an id, a slug), not a bare name.
bool names_an_article(std::string_view path) {
  return path.find_first_of("0123456789-") != std::string_view::npos;
}

bool is_tracking(std::string_view name, std::string_view host) {
  const std::string lowered = util::to_lower_ascii(name);
  if (lowered.starts_with("utm_")) {
    return true;
  }
  if (std::find(k_tracking_parameters.begin(), k_tracking_parameters.end(), lowered) != k_tracking_parameters.end()) {
    return true;
  }
  return std::any_of(k_host_tracking_parameters.begin(), k_host_tracking_parameters.end(),
                     [&](const auto& entry) { return entry.first == host && entry.second == lowered; });
}

bool is_amp_switch(std::string_view name, std::string_view value) {
  const std::string n = util::to_lower_ascii(name);
  const std::string v = util::to_lower_ascii(value);
  return (n == "amp" && (v.empty() || v == "1" || v == "true")) || (n == "outputtype" && v == "amp");
}

std::string normalise_query(std::string_view query, std::string_view host) {
  std::vector<std::string> kept;
  for (std::string_view parameter : util::split(query, '&')) {
    if (parameter.empty()) {
      continue;
    }
    const std::size_t eq = parameter.find('=');
    const std::string_view name = parameter.substr(0, eq);
    const std::string_view value = eq == std::string_view::npos ? std::string_view() : parameter.substr(eq + 1);
    if (is_tracking(name, host) || is_amp_switch(name, value)) {
      continue;
    }
    std::string normal = normalise_escapes(name, "!$'()*+,;:@/?");
    if (eq != std::string_view::npos) {
      normal += '=';
      normal += normalise_escapes(value, "!$'()*+,;=:@/?");
    }
    kept.push_back(std::move(normal));
  }
  // The order of parameters never selects another page.
  std::sort(kept.begin(), kept.end());
  std::string out;
  for (const std::string& p : kept) {
    out += out.empty() ? "" : "&";
    out += p;
  }
  return out;
}

/// `selected`: the query picks the page (`?v=ID`), so the path need not.
std::string normalise_path(std::string_view raw, std::string_view host, bool selected) {
  std::string path = normalise_escapes(raw, "/!$&'()*+,;=:@");
  const bool amp_forms = !is_tenant_host(host);
  const auto article = [&](std::string_view rest) { return selected || names_an_article(rest); };
  for (std::string before; before != path;) { // "/amp/amp" has two to cut
    before = path;
    if (amp_forms && path.starts_with("/amp/") && article(path.substr(4))) {
      path.erase(0, 4);
    }
    while (path.ends_with('/')) {
      path.pop_back();
    }
    if (amp_forms && path.ends_with("/amp") && article(path.substr(0, path.size() - 4))) {
      path.erase(path.size() - 4);
    }
  }
  return path;
}

/// The page a Google AMP cache or viewer URL shows, or "" when it is none.
std::string amp_cache_target(std::string_view host, std::string_view path, std::string_view query) {
  std::string_view rest;
  if (host.ends_with(".cdn.ampproject.org")) {
    for (std::string_view prefix : {"/c/s/", "/v/s/", "/c/", "/v/"}) {
      if (path.starts_with(prefix)) {
        rest = path.substr(prefix.size());
        break;
      }
    }
  } else if (registrable_domain(host).starts_with("google.") && path.starts_with("/amp/s/")) {
    rest = path.substr(7);
  }
  if (rest.empty() || rest.find('/') == 0) {
    return "";
  }
  std::string target = "https://" + std::string(rest);
  if (!query.empty()) {
    target += '?';
    target += query;
  }
  return target;
}

std::optional<std::string> identity_of(std::string_view text, int depth) {
  const auto url = parse_url(text);
  if (!url || !url->is_web()) {
    return std::nullopt;
  }
  if (url->host.empty()) {
    return std::nullopt; // "http://." names no site
  }
  std::string host = strip_edition_prefixes(url->host);
  const std::string& port = url->port;
  const std::string& raw_path = url->raw_path;
  const std::string& raw_query = url->query;
  if (depth == 0) {
    const std::string target = amp_cache_target(host, raw_path, raw_query);
    if (!target.empty()) {
      return identity_of(target, depth + 1);
    }
  }
  std::string query = normalise_query(raw_query, host);
  std::string path = normalise_path(raw_path, host, !query.empty());
  if (host == "youtu.be" && path.size() > 1 && path.find('/', 1) == std::string::npos) {
    query = normalise_query("v=" + path.substr(1) + (raw_query.empty() ? "" : "&" + raw_query), "youtube.com");
    host = "youtube.com";
    path = "/watch";
  }
  std::string out = "https://" + host;
  if (!port.empty() && port != "80" && port != "443") {
    out += ":" + port;
  }
  out += path;
  if (!query.empty()) {
    out += "?" + query;
  }
  // A fragment is a place in a page, except in pages that route by it
  // (`#/post/1`, `#!/user`): there it names the page.
  if (url->fragment.starts_with('/') || url->fragment.starts_with('!')) {
    out += '#';
    out += normalise_escapes(url->fragment, "/!$&'()*+,;=:@?");
  }
  return out;
}

} // namespace

std::optional<std::string> identity_url(std::string_view url) {
  // libcurl reads some hosts differently once our changes are made (a
  // trailing dot gone, "9." becomes the address 0.0.0.9): the identity is
  // the form that a second reading leaves as it is. A URL with no such
  // form (its host reads as ".0t.example" once a %7F is gone, which
  // libcurl refuses) has no identity.
  std::optional<std::string> identity = identity_of(url, 0);
  for (int pass = 0; identity && pass < 3; ++pass) {
    std::optional<std::string> again = identity_of(*identity, 1);
    if (again && *again == *identity) {
      return identity;
    }
    identity = std::move(again);
  }
  return std::nullopt;
}

std::string_view identity_host(std::string_view identity) {
  std::string_view rest = identity.substr(identity.find("://") == std::string_view::npos ? 0 : identity.find("://") + 3);
  rest = rest.substr(0, rest.find_first_of("/?"));
  return rest.substr(0, rest.find(':'));
}

bool is_home_or_section(std::string_view identity) {
  std::string_view rest = identity.substr(identity.find("://") == std::string_view::npos ? 0 : identity.find("://") + 3);
  const std::size_t slash = rest.find_first_of("/?#");
  if (slash == std::string_view::npos) {
    return true;
  }
  if (rest[slash] == '#') { // a routed page: `#/` is the home route
    const std::string_view route = rest.substr(slash + 1);
    return route == "/" || route == "!" || route == "!/";
  }
  if (rest[slash] == '?') {
    return false; // a query on the root may select content
  }
  const std::string_view path = rest.substr(slash + 1);
  if (path.find_first_of("?#") != std::string_view::npos) {
    return false;
  }
  std::vector<std::string> segments;
  for (std::string_view segment : util::split(path, '/')) {
    segments.push_back(util::to_lower_ascii(segment));
  }
  if (std::find(k_index_files.begin(), k_index_files.end(), segments.back()) != k_index_files.end()) {
    return true;
  }
  if (segments.size() <= 2 && std::find(k_section_segments.begin(), k_section_segments.end(), segments.front()) !=
                                  k_section_segments.end()) {
    return true;
  }
  const auto letters = [](const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  const auto digits = [](const std::string& s) { return util::all_digits(s); };
  const auto locale = [](const std::string& s) { // en, en-us, zh-hant
    return s.size() >= 2 && s.size() <= 7 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z' &&
           (s.size() == 2 || s[2] == '-');
  };
  // Sections (`/news`, `/blog/ai`), locale roots (`/en-us`), date
  // archives (`/2024/05`): an article's path has a slug or an id.
  return (segments.size() <= 2 && std::all_of(segments.begin(), segments.end(), letters)) ||
         (segments.size() == 1 && locale(segments[0])) ||
         (segments.size() <= 3 && std::all_of(segments.begin(), segments.end(), digits));
}

std::string_view identity_path_head(std::string_view identity) {
  std::string_view rest = identity.substr(identity.find("://") == std::string_view::npos ? 0 : identity.find("://") + 3);
  const std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) {
    return "";
  }
  rest = rest.substr(slash + 1);
  return rest.substr(0, rest.find_first_of("/?#"));
}

bool is_tenant_site(std::string_view host) { return is_tenant_host(host); }

} // namespace refs::classify
