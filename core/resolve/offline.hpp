#pragma once

#include "core/classify/site_name.hpp"
#include "core/classify/url.hpp"
#include "core/model/citation.hpp"
#include "core/model/reference.hpp"
#include "core/resolve/registry.hpp"

#include <optional>
#include <string>

namespace refs::resolve {

/// What a reference was found to be before anything is fetched.
struct Classified {
  std::string kind; ///< a source name ("arxiv", "doi", "pdf", "web"), "note" or "unsupported"
  std::optional<classify::Url> url;
  std::optional<Recognition> recognition;
  std::string problem; ///< why the URL is not used ("unsupported URL scheme 'ftp'"), else ""
};

/// Parses and classifies a reference's URL. A reference without a URL is a
/// note; an unparsable URL or one no source claims is unsupported, with the
/// reason in `problem`.
Classified classify_reference(const model::Reference& reference, const Registry& registry);

/// The citation the post itself supports, with every field's source "post":
/// the title from the link text, the site from the host, arXiv id or DOI as
/// identifiers, and a date only where the URL or id states one. `accessed`
/// is `today` for anything with a URL; `now` (ISO 8601) stamps the record.
model::Citation offline_citation(const model::Reference& reference, const Classified& classified,
                                 const classify::SiteNamer& sites, const model::Date& today,
                                 const std::string& now);

} // namespace refs::resolve
