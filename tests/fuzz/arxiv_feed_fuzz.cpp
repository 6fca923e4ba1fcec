// libFuzzer target: any bytes as an arXiv API response.
#include "core/resolve/arxiv_feed.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  refs::resolve::parse_arxiv_feed(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
