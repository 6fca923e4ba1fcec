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

} // namespace refs::resolve
