#pragma once

#include "core/resolve/resolver.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace refs::resolve {

/// The source for DOIs: claims doi.org, dx.doi.org and doi: URLs.
std::unique_ptr<Resolver> make_doi_resolver(const SourceSettings& settings);

/// Returns the DOI in lower case (DOIs are case-insensitive) when `text` is
/// one: "10." + a registrant code of digits and dots + "/" + a suffix. A
/// `doi:` prefix is accepted. nullopt otherwise.
std::optional<std::string> normalise_doi(std::string_view text);

/// Whether a DOI (lower case) is a preprint server's: arXiv (10.48550),
/// SSRN (10.2139, registered as articles of an "SSRN Electronic
/// Journal"), bioRxiv and medRxiv (10.1101), Research Square (10.21203),
/// OSF's servers (10.31219, 10.31234, 10.31235, 10.31222), Preprints.org
/// (10.20944), TechRxiv (10.36227), ChemRxiv (10.26434), Authorea
/// (10.22541), Zenodo (10.5281).
/// Such a DOI names a preprint, never its published version.
bool is_preprint_doi(std::string_view doi);

} // namespace refs::resolve
