#pragma once

#include "core/resolve/web/body_findings.hpp"

namespace refs::resolve::web {

/// The article's visible headline, best first: the element marked
/// `itemprop="headline"`, the first `<h1>` inside the article, the first
/// `<h1>` outside page furniture, an element whose class says it is the
/// entry's title ("entry-title", "post-title", "headline"). Sets
/// `scan.headline` to the element of the first. An `<h1>` that holds the
/// site's name (a link to "/", or named "site-title", "logo", "brand") is
/// rejected.
void find_headlines(BodyScan& scan, BodyFindings& findings);

} // namespace refs::resolve::web
