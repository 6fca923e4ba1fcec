// libFuzzer target: any bytes as a CSL-JSON item, read by the tree reader
// (what `refs import` and damaged records use) and by the record reader
// (what reads the library). Besides memory errors, it checks that the
// record reader never gives a citation the tree reader would not: the same
// one, or nothing; and that the record writer makes JSON of any bytes in
// any field (network text need not be UTF-8). The same bytes go to the
// other JSON answers refs reads: Semantic Scholar's batch and DBLP's search.
#include "core/csl/csl_json.hpp"
#include "core/csl/csl_record_reader.hpp"
#include "core/resolve/dblp.hpp"
#include "core/resolve/semantic_scholar.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto json = nlohmann::json::parse(text, nullptr, false);
  const auto tree = json.is_discarded() ? tl::expected<refs::model::Citation, std::string>(tl::unexpect, "")
                                        : refs::csl::from_csl_json(json);
  const auto record = refs::csl::read_csl_record(text);
  if (const auto papers = refs::resolve::read_scholar_batch(text, 2); papers && papers->size() != 2) {
    std::abort();
  }
  (void)refs::resolve::read_dblp_search(text);
  if (record && (!tree || *record != *tree)) {
    std::abort();
  }
  if (tree) {
    // What the library would store reads back the same both ways.
    const std::string stored = refs::csl::csl_json_text(*tree);
    const auto again = refs::csl::read_csl_record(stored);
    const auto again_tree = refs::csl::from_csl_json(nlohmann::json::parse(stored));
    if (!again_tree || (again && *again != *again_tree)) {
      std::abort();
    }
  }
  // The first 256 bytes hold any byte sequence worth trying; copied into
  // seven fields whole, long inputs cost most of the fuzzer's time.
  const std::string bytes(text.substr(0, 256));
  refs::model::Citation raw;
  raw.key = raw.type = raw.title = raw.journal_ref = bytes;
  raw.authors = {{bytes, bytes, ""}};
  raw.sources = {{bytes, bytes}};
  if (!nlohmann::json::accept(refs::csl::csl_json_text(raw))) {
    std::abort();
  }
  return 0;
}
