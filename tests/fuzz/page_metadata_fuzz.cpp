// libFuzzer target: any bytes as a fetched web page (charset detection,
// the head parse, JSON-LD, body hints).
#include "core/resolve/web/page_metadata.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  refs::resolve::web::extract_page(bytes, "text/html", "https://example.com/a/b", {2026, 12, 6});
  return 0;
}
