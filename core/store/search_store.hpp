#pragma once

#include "core/store/library.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace refs::store {

/// One condition on the search index (schemas/migrations/0007_search.sql).
struct TextMatch {
  enum class Index {
    words, ///< an FTS5 expression for search_words (unicode61)
    grams, ///< an FTS5 expression for search_grams (trigrams)
    scan,  ///< text of one or two characters, read through search_grams' rows
  };
  Index index = Index::words;
  std::string expression; ///< the FTS5 expression, or the text to find (scan)
  std::string column;     ///< scan: the one column to read; "" for every column
  bool excluded = false;  ///< hits must not match
};

/// A search: every match must hold, and each filter that is set.
struct IndexQuery {
  std::vector<TextMatch> matches;
  int year_from = 0; ///< 0: open
  int year_to = 0;   ///< 0: open
  std::vector<std::string> types{}; ///< any of these CSL types; empty: any
  /// Cited by any of these posts; nullopt: no post filter (an empty list
  /// matches nothing).
  std::optional<std::vector<std::int64_t>> post_ids{};
  std::size_t limit = 0; ///< the hits to return; 0: all
};

/// One citation a search found, by row id.
struct IndexHit {
  std::int64_t id = 0;
  /// bm25 (title and people weighted up), higher is better; 0 when the
  /// query has no words to rank by (filters only).
  double score = 0;
};

/// What a search found.
struct IndexResult {
  std::vector<IndexHit> hits; ///< best first; unranked hits newest first, then by key
  std::size_t total = 0;      ///< every hit, beyond the limit too
};

/// Runs `query`. Throws refs::Error naming the library when SQLite fails
/// (an FTS5 expression it cannot read included: callers build them).
IndexResult search_index(Library& library, const IndexQuery& query);

} // namespace refs::store
