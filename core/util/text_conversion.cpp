#include "core/util/text_conversion.hpp"

#include <iconv.h>

#include <cerrno>

namespace refs::util {

namespace {

/// Runs iconv over all of `bytes`, a bad byte becoming U+FFFD, handing
/// each converted piece to `sink`.
template <typename Sink> void run_iconv(iconv_t cd, std::string_view bytes, Sink&& sink) {
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char buffer[16384];
  iconv(cd, nullptr, nullptr, nullptr, nullptr);
  while (in_left > 0) {
    char* dst = buffer;
    std::size_t out_left = sizeof buffer;
    const std::size_t rc = iconv(cd, &in, &in_left, &dst, &out_left);
    sink(std::string_view(buffer, static_cast<std::size_t>(dst - buffer)));
    if (rc == static_cast<std::size_t>(-1) && errno != E2BIG) {
      sink(std::string_view("\xEF\xBF\xBD")); // EILSEQ or EINVAL: one bad byte becomes U+FFFD
      ++in;
      --in_left;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
}

} // namespace

std::optional<std::string> convert_to_utf8(std::string_view bytes, const std::string& encoding) {
  iconv_t cd = iconv_open("UTF-8", encoding.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return std::nullopt;
  }
  // Measured first, then written once: a string grown by doubling would
  // hold up to twice the page.
  std::size_t size = 0;
  run_iconv(cd, bytes, [&](std::string_view piece) { size += piece.size(); });
  std::string out;
  out.reserve(size);
  run_iconv(cd, bytes, [&](std::string_view piece) { out += piece; });
  iconv_close(cd);
  return out;
}


} // namespace refs::util
