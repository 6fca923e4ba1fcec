#pragma once

#include "core/config.hpp"
#include "core/post/footnote_reader.hpp"
#include "core/store/library.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace refs::pipeline {

/// The works one footnote of a post cites, as the library knows them.
struct FootnoteWorks {
  std::string label;
  int line = 0;
  /// Each link's work: "citation:ID" for the library's citation of it (found
  /// by the dedupe rules, so a post need not have been resolved since a
  /// merge), else its own first identifier, URL or text. Sorted, each once.
  std::vector<std::string> works;
  std::u32string extra; ///< what the footnote says beyond its links, folded; empty when only links
  bool linked = true;   ///< has links (else it is a note: "Ibid.")
  bool joinable = true; ///< linked, and its label is defined once
};

/// The works of every footnote of a post, in the post's order (`scan` is
/// read_footnotes of it). Reads the library; its dedupe keys must be up to
/// date (store::ensure_match_keys).
std::vector<FootnoteWorks> footnote_works(store::Library& library, const Config& config, const post::PostScan& scan);

/// The library citation a footnote cites when all its links are that one
/// citation.
std::optional<std::int64_t> only_citation(const FootnoteWorks& footnote);

} // namespace refs::pipeline
