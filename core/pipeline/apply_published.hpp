#pragma once

#include "core/config.hpp"
#include "core/http/observer.hpp"
#include "core/pipeline/find_published.hpp"
#include "core/store/library.hpp"
#include "core/store/published_store.hpp"

#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace refs::pipeline {

/// What citing a published version did.
struct AppliedVersion {
  std::string key;
  std::string venue;
  /// The key of another citation that holds the version's DOI (a published
  /// record already in the library), which `refs dedupe` joins: "" if none.
  std::string holder;
};

/// Cites `preprint` as the published version `finding` found
/// (published::with_published_version), recording the change so that
/// undo_published_version can restore it, in one transaction. Fails when
/// the finding holds no version or one is cited already.
tl::expected<AppliedVersion, std::string> apply_published_version(store::Library& library, const Preprint& preprint,
                                                                  const store::PublishedFinding& finding,
                                                                  const std::string& now);

/// Cites the confirmed versions of `report` (found for `preprints`, in
/// order) for the preprints that cite none yet: `refs published --apply`.
/// One result per version cited, or why it could not be.
std::vector<tl::expected<AppliedVersion, std::string>> apply_confirmed_versions(store::Library& library,
                                                                                const std::vector<Preprint>& preprints,
                                                                                const PublishedReport& report,
                                                                                const std::string& now);

/// `refs published --accept KEY`: cites the version found for the preprint
/// `key` (kept, else looked up now), confirmed or candidate.
tl::expected<AppliedVersion, std::string> accept_published_version(store::Library& library, const Config& config,
                                                                   const std::string& key, http::Observer* observer);

/// `refs published --reject KEY`: records that the version found for the
/// preprint `key` is another work, under each identifier it has (its DBLP
/// key and its DOI), so that no route proposes it again; the preprint has
/// no version known until it is looked up again (after 30 days, or
/// --refresh). Returns the finding rejected. Fails when no version is
/// proposed or one is cited (undo it first). One transaction.
tl::expected<store::PublishedFinding, std::string> reject_published_version(store::Library& library, const Config& config,
                                                                            const std::string& key, http::Observer* observer);

/// `refs published --undo KEY`: restores the fields the version changed,
/// in one transaction, and returns the citation. Fails when none is cited,
/// or, unless `force`, when one of those fields changed since (the undo
/// would lose that change).
tl::expected<model::Citation, std::string> undo_published_version(store::Library& library, const std::string& key,
                                                                  const std::string& now, bool force);

/// What `refs resolve --published` did.
struct CitedVersions {
  PublishedReport report;
  std::vector<tl::expected<AppliedVersion, std::string>> applied;
};

/// `refs resolve --published`: the preprints among `citations` (a
/// resolved post's) cited as their confirmed published versions;
/// `citations` updated to what is stored then.
CitedVersions cite_published_versions(store::Library& library, const Config& config,
                                      std::vector<model::Citation>& citations, http::Observer* observer);

} // namespace refs::pipeline
