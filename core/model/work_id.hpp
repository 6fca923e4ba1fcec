#pragma once

#include <string>

namespace refs::model {

/// What kind of identifier a WorkId holds. arxiv and doi are unique in the
/// library (one work each); the URL kinds and note texts are look-up keys only.
enum class IdKind { arxiv, doi, url, canonical_url, note };

/// A normalised identifier of a work: an arXiv id without version, a
/// lower-case DOI, a normalised URL, or the whitespace-collapsed text of a
/// footnote that cites no URL.
struct WorkId {
  IdKind kind = IdKind::url;
  std::string value;

  bool operator==(const WorkId&) const = default;
};

/// The stable spelling used in the database and in CSL `custom`.
const char* to_string(IdKind kind);

/// Parses a spelling produced by to_string; false when it is none of them.
bool parse_id_kind(const std::string& text, IdKind& kind);

} // namespace refs::model
