// libFuzzer target: any bytes as a cited URL, through the identity form and
// the home-page check. The identity of an identity must be itself: a URL
// that normalises to something that normalises again would let one page
// hold two keys.
#include "core/classify/url_identity.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto identity = refs::classify::identity_url(text);
  if (!identity) {
    return 0;
  }
  refs::classify::is_home_or_section(*identity);
  refs::classify::identity_path_head(*identity);
  const auto again = refs::classify::identity_url(*identity);
  if (!again || *again != *identity) {
    std::abort();
  }
  return 0;
}
