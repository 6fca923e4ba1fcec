// libFuzzer target: any bytes as a .bib file, read and turned into
// citations as `refs import` does, each written as the library stores it
// and read back as the library reads it: whatever an import stores must
// read again (an empty name once made a whole library unreadable). The
// same holds for the bytes read as a DBLP record: the published version it
// describes is kept in the library too.
#include "core/csl/csl_json.hpp"
#include "core/csl/csl_record_reader.hpp"
#include "core/import/bibtex_citation.hpp"
#include "core/import/bibtex_reader.hpp"
#include "core/resolve/dblp.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const refs::importing::BibFile file = refs::importing::read_bibtex(text);
  for (const refs::importing::BibEntry& entry : file.entries) {
    refs::model::Citation c = refs::importing::citation_from_entry(entry, "2025-11-27T00:00:00Z").citation;
    if (c.key.empty()) {
      c.key = "made"; // as the importer makes one
    }
    const std::string record = refs::csl::csl_json_text(c);
    if (refs::csl::read_csl_record(record)) {
      continue;
    }
    const auto json = nlohmann::json::parse(record, nullptr, false);
    if (json.is_discarded() || !refs::csl::from_csl_json(json)) {
      std::fprintf(stderr, "stored record does not read back: %s\n", record.c_str());
      std::abort();
    }
  }
  if (const auto version = refs::resolve::read_dblp_record(text)) {
    const auto json = nlohmann::json::parse(refs::csl::csl_json_text(*version), nullptr, false);
    if (json.is_discarded() || !refs::csl::from_csl_json(json)) {
      std::fprintf(stderr, "a DBLP version does not read back\n");
      std::abort();
    }
  }
  return 0;
}
