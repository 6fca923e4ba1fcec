#pragma once

#include "core/model/citation.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/library.hpp"
#include "core/store/published_store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace refs::pipeline {

/// A citation with where it is used.
struct CitationView {
  model::Citation citation;
  std::vector<std::string> aliases; ///< former keys that still work
  std::vector<std::string> posts;   ///< absolute paths of the posts citing it
  /// For an arXiv preprint: what the last look-up for its published
  /// version found, and whether that version is applied.
  std::optional<store::PublishedFinding> published{};
  bool published_applied = false;
};

struct CitationList {
  std::vector<CitationView> citations;
  std::vector<std::string> damaged; ///< records that do not read, left out: one line each, naming the key
};

/// A stored citation with its former keys and citing posts. Throws
/// refs::Error when the library fails.
CitationView view_of(store::Library& library, store::StoredCitation stored);

/// Every citation by key, or (orphans_only) those no post cites any more.
/// Throws refs::Error when the library fails.
CitationList list_citations(store::Library& library, bool orphans_only);

/// Every key (or, orphans_only, those of citations no post cites), in byte
/// order, without reading a record: fast enough for shell completion.
std::vector<std::string> citation_keys(store::Library& library, bool orphans_only);

/// The citation with this key or former key; nullopt when there is none.
std::optional<CitationView> show_citation(store::Library& library, const std::string& key);

} // namespace refs::pipeline
