// libFuzzer target: any bytes as a post. The reader requires valid UTF-8
// (load_post refuses anything else), so invalid inputs stop there, as they
// do in refs itself.
#include "core/post/footnote_reader.hpp"
#include "core/resolve/offline.hpp"
#include "core/util/utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (refs::util::find_invalid_utf8(text) || text.find('\0') != std::string_view::npos) {
    return 0;
  }
  const refs::post::PostScan scan = refs::post::read_footnotes(text, "fuzz.md");
  static const refs::resolve::Registry registry;
  for (const refs::model::Reference& r : refs::post::to_references(scan.footnotes)) {
    refs::resolve::classify_reference(r, registry);
  }
  return 0;
}
