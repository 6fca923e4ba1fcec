// libFuzzer target: any valid UTF-8 as a post; every footnote after the
// first is joined into the first, and the diff of the rewrite is made.
// Besides memory errors, it checks that a rewrite without joins is the post
// byte for byte, and that the diff is empty exactly then.
#include "core/post/footnote_join.hpp"
#include "core/post/footnote_reader.hpp"
#include "core/post/unified_diff.hpp"
#include "core/util/utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (refs::util::find_invalid_utf8(text) || text.find('\0') != std::string_view::npos) {
    return 0;
  }
  const refs::post::PostScan scan = refs::post::read_footnotes(text, "fuzz.md");
  if (refs::post::join_footnotes(text, scan, {}) != text) {
    std::abort();
  }
  std::vector<refs::post::FootnoteJoin> joins;
  for (std::size_t i = 1; i < scan.footnotes.size(); ++i) {
    joins.push_back({scan.footnotes[0].label, scan.footnotes[i].label});
  }
  const std::string after = refs::post::join_footnotes(text, scan, joins);
  const std::string diff = refs::post::unified_diff(text, after, "fuzz.md");
  if (diff.empty() != (after == text)) {
    std::abort();
  }
  return 0;
}
