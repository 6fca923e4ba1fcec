#pragma once

#include "core/resolve/web/evidence_merge.hpp"
#include "core/resolve/web/page_metadata.hpp"

#include <string>
#include <vector>

namespace refs::resolve::web {

/// Why the head alone may not give the citation a reader would write, one
/// reason per field: a field missing; a title only from <title>, Twitter
/// or Dublin Core, with a separator in it, or where JSON-LD and OpenGraph
/// disagree; an author of one word, from `<meta name="author">`, or a
/// desk; a date without its day, on January 1, or with a UTC time within
/// six hours of midnight (another time zone's day); a site name that is a
/// domain or has more than a name. Empty when the head is enough, and the
/// page's body need not be read (a third of the cost of a page).
std::vector<std::string> head_doubts(const PageMetadata& page, const HeadEvidence& head);

} // namespace refs::resolve::web
