#pragma once

#include "core/model/citation.hpp"

#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace refs::resolve {

/// One entry of an arXiv API feed.
struct FeedEntry {
  std::string id;      ///< versionless arXiv id
  int version = 0;     ///< from the entry's id (…/abs/IDvN), 0 when absent
  model::Citation citation;
};

/// What an arXiv API feed says: the papers it describes, and the error
/// entry arXiv sends for a request it refuses ("incorrect id format for X").
struct Feed {
  std::vector<FeedEntry> entries;
  std::vector<std::string> errors; ///< the summaries of error entries
};

/// Parses an arXiv API Atom feed of either generation (before November 2025:
/// hard-wrapped titles, http:// links, empty <entry>s for unknown ids; after:
/// unwrapped text, missing entries). Titles and abstracts have their
/// whitespace collapsed; authors keep their order and affiliations are
/// dropped; `published` (the first version's date) is the issued date.
/// Each citation is typed `article` with publisher arXiv, number arXiv:ID
/// and DataCite DOI 10.48550/arXiv.ID, as Zotero and pandoc write
/// preprints; a published version's DOI (arxiv:doi) becomes an extra
/// identifier. Every field's source is "arxiv". Fails (with a reason) only
/// when the body is not an Atom feed.
tl::expected<Feed, std::string> parse_arxiv_feed(std::string_view xml);

} // namespace refs::resolve
