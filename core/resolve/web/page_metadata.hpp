#pragma once

#include "core/model/citation.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace refs::resolve::web {

/// What a web page says about itself.
struct PageMetadata {
  /// The citation, each field's source set to the metadata family that gave
  /// it: highwire, json-ld, opengraph, twitter, dublin-core, or title.
  model::Citation citation;
  /// Each field's exact origin, e.g. "title" -> "opengraph og:title",
  /// "author" -> "json-ld author"; for `refs extract` and `resolve -v`.
  std::map<std::string, std::string> provenance;
  std::string encoding; ///< the encoding the bytes were read as
  /// Why the page is not the work: a bot challenge, a login or consent
  /// wall, a parked domain; empty when it is.
  std::string problem;
  /// Fields left out as unusable (usable_fields.hpp), "field: why".
  std::vector<std::string> dropped;
  /// What the visible page offered and was not taken, "field: \"value\"
  /// from rule <element>: why"; for `refs extract -v`.
  std::vector<std::string> rejected;
};

/// Extracts a citation from a page: decodes the bytes (charset.hpp), reads
/// the head with gumbo (page_tags.hpp) and merges every metadata family
/// field by field, best first: Highwire `citation_*`, JSON-LD, OpenGraph,
/// Twitter cards, Dublin Core, `<meta name="author">`, `<title>`. Then the
/// visible article (body_pass.hpp) is read and joined with the head by
/// agreement (evidence_merge.hpp); dates after `today` are not taken. Titles
/// lose a trailing site name; authors are cleaned (author_names.hpp); the
/// published date, never the modified one, is the issued date; the
/// canonical URL (resolved against `url`) is recorded as an identifier, as
/// are `citation_doi` and `citation_arxiv_id`. Fields no one would cite
/// (broken text, absurd lengths) are left out and listed in `dropped`.
/// `url` is the page's final URL. Pure; never fails.
PageMetadata extract_page(std::string_view bytes, std::string_view content_type, const std::string& url,
                          const model::Date& today);

} // namespace refs::resolve::web
