#include "core/classify/url.hpp"

#include "core/util/string.hpp"

#include <curl/curl.h>

#include <memory>

namespace refs::classify {

namespace {

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

std::string get_part(CURLU* u, CURLUPart part, unsigned flags = 0) {
  char* value = nullptr;
  if (curl_url_get(u, part, &value, flags) != CURLUE_OK || value == nullptr) {
    return "";
  }
  std::string out(value);
  curl_free(value);
  return out;
}

/// The scheme of an absolute URL (RFC 3986 §3.1), or "" when there is none.
std::string scheme_of(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    return "";
  }
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = text[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alpha && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) {
      return "";
    }
  }
  return util::to_lower_ascii(text.substr(0, colon));
}

std::string describe(CURLUcode code) {
  switch (code) {
  case CURLUE_BAD_HOSTNAME:
  case CURLUE_NO_HOST:
    return "bad host name";
  case CURLUE_BAD_PORT_NUMBER:
    return "bad port number";
  case CURLUE_MALFORMED_INPUT:
    return "malformed URL";
  default:
    return curl_url_strerror(code);
  }
}

} // namespace

std::optional<std::string> resolve_url(const std::string& base, const std::string& reference) {
  UrlHandle handle(curl_url());
  if (!handle || curl_url_set(handle.get(), CURLUPART_URL, base.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK ||
      curl_url_set(handle.get(), CURLUPART_URL, reference.c_str(), CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE) !=
          CURLUE_OK) {
    return std::nullopt;
  }
  std::string out = get_part(handle.get(), CURLUPART_URL);
  return out.empty() ? std::nullopt : std::optional<std::string>(std::move(out));
}

std::optional<std::string> with_query(const std::string& base,
                                      const std::vector<std::pair<std::string, std::string>>& params) {
  UrlHandle handle(curl_url());
  if (!handle || curl_url_set(handle.get(), CURLUPART_URL, base.c_str(), 0) != CURLUE_OK) {
    return std::nullopt;
  }
  for (const auto& [name, value] : params) {
    const std::string pair = name + "=" + value;
    if (curl_url_set(handle.get(), CURLUPART_QUERY, pair.c_str(), CURLU_APPENDQUERY | CURLU_URLENCODE) != CURLUE_OK) {
      return std::nullopt;
    }
  }
  return get_part(handle.get(), CURLUPART_URL);
}

tl::expected<Url, std::string> parse_url(std::string_view text) {
  Url url;
  url.text = std::string(text);
  url.scheme = scheme_of(text);
  if (url.scheme.empty()) {
    return tl::make_unexpected("not an absolute URL");
  }
  if (!url.is_web()) {
    url.opaque = std::string(text.substr(url.scheme.size() + 1));
    return url;
  }
  UrlHandle handle(curl_url());
  if (!handle) {
    return tl::make_unexpected("out of memory");
  }
  const CURLUcode rc = curl_url_set(handle.get(), CURLUPART_URL, url.text.c_str(), CURLU_URLENCODE);
  if (rc != CURLUE_OK) {
    return tl::make_unexpected(describe(rc));
  }
  url.host = util::to_lower_ascii(get_part(handle.get(), CURLUPART_HOST));
  while (url.host.ends_with('.')) {
    url.host.pop_back();
  }
  url.path = get_part(handle.get(), CURLUPART_PATH, CURLU_URLDECODE);
  if (url.path.empty()) {
    // libcurl refuses to decode some paths (a %00 in them); keep them whole.
    url.path = get_part(handle.get(), CURLUPART_PATH);
  }
  if (url.path.empty()) {
    url.path.assign(1, '/'); // assign(), not = "/": g++ 12 warns falsely (-Wrestrict) on the latter
  }
  url.raw_path = get_part(handle.get(), CURLUPART_PATH);
  if (url.raw_path.empty()) {
    url.raw_path.assign(1, '/');
  }
  url.port = get_part(handle.get(), CURLUPART_PORT, CURLU_NO_DEFAULT_PORT);
  url.query = get_part(handle.get(), CURLUPART_QUERY);
  url.fragment = get_part(handle.get(), CURLUPART_FRAGMENT);
  curl_url_set(handle.get(), CURLUPART_FRAGMENT, nullptr, 0);
  curl_url_set(handle.get(), CURLUPART_HOST, url.host.c_str(), 0);
  url.normalised = get_part(handle.get(), CURLUPART_URL);
  return url;
}

} // namespace refs::classify
