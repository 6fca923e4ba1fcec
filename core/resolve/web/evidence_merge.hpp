#pragma once

#include "core/resolve/web/body_findings.hpp"
#include "core/resolve/web/page_metadata.hpp"

#include <string>
#include <vector>

namespace refs::resolve::web {

/// What the head offered beyond the values it gave, for the merge.
struct HeadEvidence {
  /// Every title the head gives, best family first, as (origin, text):
  /// ("opengraph og:title", "…"), ("title <title>", "…").
  std::vector<std::pair<std::string, std::string>> titles;
  std::string issued_text; ///< the text the head's date was read from
  std::string host_label;  ///< "nytimes" for www.nytimes.com
  bool scholarly = false;  ///< the head has Highwire citation_* tags
};

/// Joins what the visible page says (body_pass.hpp) with what the head
/// said, field by field, by agreement rather than rank alone:
/// - title: a head title that is the visible headline, in the page's own
///   spelling; a head title that is the headline plus a site's name loses
///   the name (which becomes the site when it has none); a headline that
///   shares words with a disagreeing head title (a search-engine title)
///   wins; Highwire titles stay.
/// - author: the head's people stay where the byline names one of them or
///   says nothing; a byline replaces a head author that is no person's
///   name (a user name, the site, an organisation, a desk).
/// - issued: the head's date stays where the page shows the same day or
///   none; the page's day replaces a head date one day off with a time of
///   day (shifted through UTC), a date with less precision in the same
///   month or year, or January 1 of the same year (a year placeholder).
/// Each field taken from the body records its rule in `provenance`; each
/// body value not taken is listed in `rejected` with why.
void merge_body_evidence(PageMetadata& page, const HeadEvidence& head, const BodyFindings& body);

} // namespace refs::resolve::web
