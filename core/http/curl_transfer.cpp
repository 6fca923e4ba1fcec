#include "core/http/curl_transfer.hpp"

#include "core/util/string.hpp"

namespace refs::http {

// libcurl easy-handle setup. Redirects are not followed here: the scheduler
// follows them itself, so each hop is checked (scheme, private hosts) and
// counted against its host's limits. Only http and https are enabled at all
// (CURLOPT_PROTOCOLS_STR), and compressed bodies are asked for and decoded
// by libcurl, so the body cap counts decoded bytes: a gzip bomb stops at the
// cap.

namespace {

std::string header(CURL* h, const char* name) {
  curl_header* value = nullptr;
  if (curl_easy_header(h, name, 0, CURLH_HEADER, -1, &value) != CURLHE_OK || value == nullptr) {
    return "";
  }
  return value->value;
}

/// Every header of the last response (not of earlier 1xx ones), names
/// lower-cased: callers look for a few by name.
std::vector<std::pair<std::string, std::string>> all_headers(CURL* h) {
  std::vector<std::pair<std::string, std::string>> out;
  curl_header* previous = nullptr;
  while (curl_header* next = curl_easy_nextheader(h, CURLH_HEADER, -1, previous)) {
    out.emplace_back(util::to_lower_ascii(next->name), next->value);
    previous = next;
  }
  return out;
}

} // namespace

Transfer::Transfer(const HttpOptions& options, const Request& request, const std::string& url,
                   curl_slist* connect_to, std::size_t job)
    : m_handle(curl_easy_init()), m_cap(options.max_body), m_job(job) {
  for (const std::string& h : request.headers) {
    m_headers = curl_slist_append(m_headers, h.c_str());
  }
  if (!request.etag.empty()) {
    m_headers = curl_slist_append(m_headers, ("If-None-Match: " + request.etag).c_str());
  }
  if (!request.last_modified.empty()) {
    m_headers = curl_slist_append(m_headers, ("If-Modified-Since: " + request.last_modified).c_str());
  }
  if (!request.body_type.empty() && url == request.url) {
    m_headers = curl_slist_append(m_headers, ("Content-Type: " + request.body_type).c_str());
  }
  curl_easy_setopt(m_handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(m_handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(m_handle, CURLOPT_FOLLOWLOCATION, 0L);
  if (request.head) {
    curl_easy_setopt(m_handle, CURLOPT_NOBODY, 1L);
  } else if (!request.body.empty() && url == request.url) {
    curl_easy_setopt(m_handle, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
    curl_easy_setopt(m_handle, CURLOPT_COPYPOSTFIELDS, request.body.c_str());
  }
  curl_easy_setopt(m_handle, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(m_handle, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(m_handle, CURLOPT_HTTPHEADER, m_headers);
  curl_easy_setopt(m_handle, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
  curl_easy_setopt(m_handle, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
  curl_easy_setopt(m_handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(m_handle, CURLOPT_ERRORBUFFER, m_error);
  curl_easy_setopt(m_handle, CURLOPT_WRITEFUNCTION, &Transfer::on_body);
  curl_easy_setopt(m_handle, CURLOPT_WRITEDATA, this);
  curl_easy_setopt(m_handle, CURLOPT_PRIVATE, this);
  if (connect_to != nullptr) {
    curl_easy_setopt(m_handle, CURLOPT_CONNECT_TO, connect_to);
  }
  if (!options.cacert.empty()) {
    curl_easy_setopt(m_handle, CURLOPT_CAINFO, options.cacert.c_str());
  }
}

Transfer::~Transfer() {
  curl_easy_cleanup(m_handle);
  curl_slist_free_all(m_headers);
}

size_t Transfer::on_body(char* data, size_t size, size_t count, void* self) {
  auto* t = static_cast<Transfer*>(self);
  const std::size_t n = size * count;
  if (t->m_result.body.size() + n > t->m_cap) {
    t->m_result.over_cap = true;
    t->m_result.body.append(data, t->m_cap - t->m_result.body.size());
    return 0; // stops the transfer with CURLE_WRITE_ERROR
  }
  t->m_result.body.append(data, n);
  return n;
}

TransferResult Transfer::finish(CURLcode code) {
  m_result.code = code;
  m_result.error = code == CURLE_OK ? "" : util::lower_first(m_error[0] != '\0' ? m_error : curl_easy_strerror(code));
  curl_easy_getinfo(m_handle, CURLINFO_RESPONSE_CODE, &m_result.status);
  char* type = nullptr;
  if (curl_easy_getinfo(m_handle, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type != nullptr) {
    m_result.content_type = type;
  }
  m_result.location = header(m_handle, "Location");
  m_result.retry_after = header(m_handle, "Retry-After");
  m_result.etag = header(m_handle, "ETag");
  m_result.last_modified = header(m_handle, "Last-Modified");
  m_result.headers = all_headers(m_handle);
  return std::move(m_result);
}

} // namespace refs::http
