#pragma once

#include "core/model/citation.hpp"
#include "core/store/library.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace refs::store {

/// What a look-up found for one arXiv preprint.
struct PublishedFinding {
  std::string arxiv_id;
  std::int64_t checked_at = 0; ///< Unix time (the real clock)
  std::string status;          ///< "confirmed", "candidate" or "none"
  std::string identity;        ///< "dblp:KEY" or "doi:10.…"; "" for none
  std::string venue;           ///< "ICLR 2024"
  bool workshop = false;
  std::vector<std::string> evidence; ///< strongest first
  std::optional<model::Citation> record; ///< the published version; none for "none"
  std::string asked; ///< for none: what was asked
};

/// One application of a published version, as recorded.
struct PublishedChange {
  std::int64_t id = 0;
  std::int64_t citation_id = 0;
  std::string arxiv_id;
  std::string applied_at;
  model::Citation before;
  model::Citation after;
  std::string undone_at; ///< "" while in effect
};

// Every function throws refs::Error naming the library and the operation
// when SQLite fails or a stored record does not read. Writers must run
// inside a WriteTransaction.

/// The finding for `arxiv_id`, if it was ever looked up.
std::optional<PublishedFinding> published_finding(Library& library, const std::string& arxiv_id);

/// Records a look-up, replacing the one before.
void record_finding(Library& library, const PublishedFinding& finding);

/// Whether the user said `identity` is not `arxiv_id`'s published version.
bool is_rejected(Library& library, const std::string& arxiv_id, const std::string& identity);

/// Records that `identity` is another work than `arxiv_id`.
void record_rejection(Library& library, const std::string& arxiv_id, const std::string& identity, const std::string& now);

/// Records an application; returns its id.
std::int64_t record_change(Library& library, const PublishedChange& change);

/// The latest application to `citation_id` still in effect, if any.
std::optional<PublishedChange> change_in_effect(Library& library, std::int64_t citation_id);

/// Marks an application undone.
void mark_undone(Library& library, std::int64_t change_id, const std::string& now);

} // namespace refs::store
