#include "core/http/response.hpp"

namespace refs::http {

std::string header_value(const std::vector<std::pair<std::string, std::string>>& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (key == name) {
      return value;
    }
  }
  return "";
}

const char* to_string(Failure::Kind kind) {
  switch (kind) {
  case Failure::Kind::timeout:
    return "timeout";
  case Failure::Kind::dns:
    return "dns";
  case Failure::Kind::connect:
    return "connect";
  case Failure::Kind::tls:
    return "tls";
  case Failure::Kind::reset:
    return "reset";
  case Failure::Kind::http_status:
    return "http_status";
  case Failure::Kind::too_large:
    return "too_large";
  case Failure::Kind::redirects:
    return "redirects";
  case Failure::Kind::refused:
    return "refused";
  case Failure::Kind::host_down:
    return "host_down";
  case Failure::Kind::other:
    return "other";
  }
  return "other";
}

} // namespace refs::http
