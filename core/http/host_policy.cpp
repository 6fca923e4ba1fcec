#include "core/http/host_policy.hpp"

#include <arpa/inet.h>

#include <cctype>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

namespace refs::http {

// A post can link anything, including http://192.168.1.1/ or a name that a
// hostile page redirects to; refs must not become a way to probe the
// writer's own network. Only literals are judged here; DNS answers are not
// (libcurl resolves them), which keeps the rule predictable and testable.

namespace {

bool private_v4(const std::array<std::uint8_t, 4>& a) {
  return a[0] == 10 || a[0] == 127 || a[0] == 0 || (a[0] == 172 && (a[1] & 0xF0) == 16) ||
         (a[0] == 192 && a[1] == 168) || (a[0] == 169 && a[1] == 254) || (a[0] == 100 && (a[1] & 0xC0) == 64);
}

bool private_v6(const std::array<std::uint8_t, 16>& a) {
  bool zero_prefix = true;
  for (int i = 0; i < 15; ++i) {
    zero_prefix = zero_prefix && a[static_cast<std::size_t>(i)] == 0;
  }
  if (zero_prefix && (a[15] == 0 || a[15] == 1)) {
    return true; // :: and ::1
  }
  const bool mapped_v4 = a[10] == 0xFF && a[11] == 0xFF && std::all_of(a.begin(), a.begin() + 10, [](auto b) { return b == 0; });
  if (mapped_v4) {
    return private_v4({a[12], a[13], a[14], a[15]});
  }
  return (a[0] & 0xFE) == 0xFC || (a[0] == 0xFE && (a[1] & 0xC0) == 0x80); // fc00::/7, fe80::/10
}

} // namespace

bool is_private_host(std::string_view host_in) {
  std::string host(host_in);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  while (host.ends_with('.')) { // "localhost." and "127.0.0.1." reach the same place
    host.pop_back();
  }
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (host == "localhost" || host.ends_with(".localhost")) {
    return true;
  }
  std::array<std::uint8_t, 4> v4{};
  if (inet_pton(AF_INET, host.c_str(), v4.data()) == 1) {
    return private_v4(v4);
  }
  std::array<std::uint8_t, 16> v6{};
  if (inet_pton(AF_INET6, host.c_str(), v6.data()) == 1) {
    return private_v6(v6);
  }
  return false;
}

} // namespace refs::http
