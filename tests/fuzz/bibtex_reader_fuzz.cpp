// libFuzzer target: any bytes as a .bib file, read and turned into
// citations as `refs import` does.
#include "core/import/bibtex_citation.hpp"
#include "core/import/bibtex_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const refs::importing::BibFile file = refs::importing::read_bibtex(text);
  for (const refs::importing::BibEntry& entry : file.entries) {
    (void)refs::importing::citation_from_entry(entry, "2025-11-27T00:00:00Z");
  }
  return 0;
}
