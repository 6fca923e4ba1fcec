// libFuzzer target: any valid UTF-8 as a post; each footnote's primary
// link gets an archived copy, as `refs check --write` adds them. Besides
// memory errors, it checks that the rewrite only inserts (deleting the
// inserted text gives the post back byte for byte), that a second rewrite
// changes nothing, and that the CDX reader and the page signals take the
// same bytes without harm.
#include "core/check/page_signals.hpp"
#include "core/model/reference.hpp"
#include "core/post/archive_links.hpp"
#include "core/post/footnote_reader.hpp"
#include "core/resolve/wayback.hpp"
#include "core/util/utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)refs::resolve::pick_capture(text, {2023, 11, 20});
  (void)refs::check::page_signals(text);
  if (refs::util::find_invalid_utf8(text) || text.find('\0') != std::string_view::npos) {
    return 0;
  }
  const refs::post::PostScan scan = refs::post::read_footnotes(text, "fuzz.md");
  std::vector<refs::post::ArchiveLink> links;
  for (const refs::model::Reference& r : refs::post::to_references(scan.footnotes)) {
    if (!r.url.empty() && r.link_index == 0) {
      links.push_back({r.line, r.url, "https://web.archive.org/web/20231101000000/" + r.url});
    }
  }
  const std::string once = refs::post::add_archive_links(text, links);
  if (refs::post::add_archive_links(once, links) != once) {
    std::abort();
  }
  // Only insertions: walking both, each difference is one whole piece.
  std::size_t i = 0;
  std::size_t j = 0;
  while (j < once.size()) {
    if (i < text.size() && text[i] == once[j] && once.compare(j, 13, " ([archived](") != 0) {
      ++i;
      ++j;
      continue;
    }
    bool piece = false;
    for (const refs::post::ArchiveLink& link : links) {
      for (const std::string& form : {link.capture, "<" + link.capture + ">"}) {
        const std::string inserted = " ([archived](" + form + "))";
        if (!piece && once.compare(j, inserted.size(), inserted) == 0) {
          j += inserted.size();
          piece = true;
        }
      }
    }
    if (!piece) {
      if (i < text.size() && text[i] == once[j]) { // the post itself holds " ([archived]("
        ++i;
        ++j;
        continue;
      }
      std::abort();
    }
  }
  if (i != text.size()) {
    std::abort();
  }
  return 0;
}
