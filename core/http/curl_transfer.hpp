#pragma once

#include "core/http/http_options.hpp"
#include "core/http/request.hpp"

#include <string>
#include <utility>
#include <vector>

#include <curl/curl.h>

namespace refs::http {

/// What one finished transfer (one hop, one try) brought back.
struct TransferResult {
  CURLcode code = CURLE_OK;
  std::string error; ///< libcurl's message, lower-case
  long status = 0;
  std::string body;
  bool over_cap = false;
  std::string content_type;
  std::string location;
  std::string retry_after;
  std::string etag;
  std::string last_modified;
  std::vector<std::pair<std::string, std::string>> headers; ///< names lower-case
};

/// One transfer: an easy handle set up for one URL of a request, owning its
/// header list and body buffer. The scheduler adds handle() to its multi
/// handle and calls finish() when libcurl reports it done.
class Transfer {
public:
  Transfer(const HttpOptions& options, const Request& request, const std::string& url,
           curl_slist* connect_to, std::size_t job);
  ~Transfer();
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  CURL* handle() { return m_handle; }
  /// The scheduler's job this transfer serves.
  std::size_t job() const { return m_job; }
  /// Collects status, headers and body once libcurl reported `code`.
  TransferResult finish(CURLcode code);

private:
  static size_t on_body(char* data, size_t size, size_t count, void* self);

  CURL* m_handle = nullptr;
  curl_slist* m_headers = nullptr;
  std::size_t m_cap = 0;
  std::size_t m_job = 0;
  char m_error[CURL_ERROR_SIZE] = {};
  TransferResult m_result;
};

} // namespace refs::http
