#pragma once

#include "core/pipeline/find_published.hpp"
#include "core/store/library.hpp"
#include "core/store/published_store.hpp"

#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace refs::pipeline {

/// A preprint of the library, and whether a published version was applied.
struct LibraryPreprint {
  Preprint preprint;
  bool applied = false; ///< a published version is in effect (refs published --undo KEY removes it)
};

/// The library's preprints, by key: citations with an arXiv id, except
/// published works imported with their eprint (a paper-conference,
/// article-journal or chapter with a container that no look-up made).
/// With `keys`, those citations (by key or former key) only: an unknown
/// key or a work without an arXiv id fails, naming it.
tl::expected<std::vector<LibraryPreprint>, std::string> library_preprints(store::Library& library,
                                                                           const std::vector<std::string>& keys);

/// The preprints among `citations` (a resolved post's) that have no
/// published version applied and are not published works themselves.
std::vector<LibraryPreprint> preprints_among(store::Library& library, const std::vector<model::Citation>& citations);

/// What applying a version did.
struct AppliedVersion {
  std::string key;
  std::string venue;
  /// The key of another citation that holds the version's DOI (a published
  /// record already in the library), which `refs dedupe` joins: "" if none.
  std::string holder;
};

/// Makes the citation `preprint` the published version `finding` found
/// (published::with_published_version), recording the change so that
/// undo_published_version can restore it, in one transaction. Fails when
/// the finding holds no version.
tl::expected<AppliedVersion, std::string> apply_published_version(store::Library& library, const Preprint& preprint,
                                                                  const store::PublishedFinding& finding,
                                                                  const std::string& now);

/// Applies the confirmed versions of `report` (found for `preprints`, in
/// order) to the preprints that have none applied: what `refs published
/// --apply` and `refs resolve --published` do. One result per version
/// applied, or why it could not be.
std::vector<tl::expected<AppliedVersion, std::string>> apply_confirmed_versions(store::Library& library,
                                                                                const std::vector<LibraryPreprint>& preprints,
                                                                                const PublishedReport& report,
                                                                                const std::string& now);

/// Records that the version `finding` proposes is another work than
/// `preprint`: never proposed again, and the preprint has no published
/// version known until it is looked up again (after the usual 30 days, or
/// --refresh). One transaction.
void reject_published_version(store::Library& library, const Preprint& preprint, const store::PublishedFinding& finding,
                              const std::string& now, std::int64_t clock);

/// Restores the citation as it was before its published version was
/// applied, in one transaction, and returns it. Fails when none is in
/// effect, or, unless `force`, when the citation changed since (the undo
/// would lose that change).
tl::expected<model::Citation, std::string> undo_published_version(store::Library& library, const Preprint& preprint,
                                                                  const std::string& now, bool force);

} // namespace refs::pipeline
