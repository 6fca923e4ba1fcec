#pragma once

#include "core/pipeline/query_library.hpp"
#include "core/search/search_query.hpp"
#include "core/store/library.hpp"

#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace refs::pipeline {

/// A citation found, with where it is cited.
struct SearchHit {
  CitationView view;
  double score = 0; ///< bm25, higher is better; 0 for a query of filters only
};

/// What `refs search` found.
struct SearchResult {
  std::vector<SearchHit> hits; ///< best first, at most the limit
  std::size_t total = 0;       ///< every hit, beyond the limit too
  std::vector<std::string> damaged; ///< hits whose record does not read, left out: one line each
};

/// Runs a parsed query on the library's search index, keeping the first
/// `limit` hits (0: all). Fails, with one line, when `post:FILE` names a
/// post the library does not hold. Throws refs::Error when the library fails.
tl::expected<SearchResult, std::string> search_library(store::Library& library, const search::Query& query,
                                                       std::size_t limit);

} // namespace refs::pipeline
