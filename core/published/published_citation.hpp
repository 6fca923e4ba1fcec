#pragma once

#include "core/model/citation.hpp"

#include <string>
#include <vector>

namespace refs::published {

/// The source of fields taken from a published version: ranked above the
/// registries (arXiv describes the preprint, so a later arXiv answer must
/// not turn the paper back into one) and below the user.
inline constexpr const char* k_published_source = "published";

/// `preprint` as its published `version` describes it. From the version:
/// the type (paper-conference or article-journal), container title and
/// short name, issued date, volume, issue, pages, DOI and publisher, each
/// with the source "published" (a field the version lacks is cleared the
/// same way, so the preprint's "arXiv" publisher and 10.48550 DOI go);
/// the arXiv number is cleared (exports write the id as an eprint). The
/// title and authors stay unless the version's differ from them only in
/// case or punctuation. Every identifier stays, so each arXiv URL still
/// finds the work; the version's DOI is added (the caller drops it when
/// another citation holds it: a DOI names one work in the library).
model::Citation with_published_version(const model::Citation& preprint, const model::Citation& version);

/// The CSL fields (by name) whose value or source differ between `before`
/// and `after` applying a version.
std::vector<std::string> changed_fields(const model::Citation& before, const model::Citation& after);

/// Of the fields applying a version changed (`before` to `after`), those
/// that `current` no longer holds as applied (a correction, a newer
/// source since): undoing would lose them.
std::vector<std::string> changed_since(const model::Citation& current, const model::Citation& before,
                                       const model::Citation& after);

/// `current` (the citation as stored now) with the fields applying a
/// version changed (`before` to `after`) as they were before, and the
/// identifiers it added removed: what was learned since (new URLs, a
/// settled key) stays.
model::Citation without_published_version(const model::Citation& current, const model::Citation& before,
                                          const model::Citation& after);

} // namespace refs::published
