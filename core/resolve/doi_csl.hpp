#pragma once

#include "core/model/citation.hpp"

#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace refs::resolve {

/// Reads the CSL-JSON that DOI content negotiation returns (Crossref,
/// DataCite, mEDRA) into a citation whose fields all have the source "doi".
/// Crossref's flavour is mapped to clean CSL: its types (journal-article ->
/// article-journal, proceedings-article -> paper-conference, ...), titles
/// and container titles sent as arrays, organisations sent as `name`, JATS
/// XML in abstracts. Fails when the body is not a JSON object with a title.
tl::expected<model::Citation, std::string> parse_doi_csl(std::string_view json, const std::string& doi);

} // namespace refs::resolve
