#pragma once

#include "core/store/library.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace refs::store {

/// One reference of a post as stored.
struct ReferenceRow {
  int ordinal = 0; ///< position in the post, from 0
  std::string label;
  int line = 0;
  int link_index = 0;
  std::string text;
  std::string url;
  std::string kind;
  std::optional<std::int64_t> citation_id; ///< none once the citation was removed
  std::string key;                         ///< the citation's key, filled by post_references()

  bool operator==(const ReferenceRow&) const = default;
};

// Every function throws refs::Error naming the library and the operation
// when SQLite fails. Writers must run inside a WriteTransaction.

/// The id of the post stored under `path`, if any.
std::optional<std::int64_t> find_post(Library& library, const std::string& path);

/// Every stored post's path, in byte order.
std::vector<std::string> post_paths(Library& library);

/// Records a post (by its absolute path) and returns its id.
std::int64_t upsert_post(Library& library, const std::string& path, const std::string& content_hash,
                         const std::string& now);

/// Stores the reference at its ordinal, replacing what was there.
void put_reference(Library& library, std::int64_t post_id, const ReferenceRow& row);

/// Forgets the post's references from `first_ordinal` on (footnotes that are
/// gone); their citations stay in the library.
void drop_references_from(Library& library, std::int64_t post_id, int first_ordinal);

/// The post's references in order, with their citations' keys.
std::vector<ReferenceRow> post_references(Library& library, std::int64_t post_id);

/// How many post references point at the citation.
int reference_count(Library& library, std::int64_t citation_id);

/// A citation and a post that cites it.
struct CitingPost {
  std::int64_t citation_id = 0;
  std::string path;
};

/// Every pair of a citation and a post citing it, each once, by post path.
std::vector<CitingPost> citing_posts(Library& library);

} // namespace refs::store
