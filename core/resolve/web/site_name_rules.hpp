#pragma once

#include "core/resolve/web/body_findings.hpp"

namespace refs::resolve::web {

/// The site's name as its header shows it, best first: the text of an
/// element named as the site's title or brand ("site-title", "site-name",
/// "blog-title", "logo", "brand"), or the `alt` of the logo image in it;
/// an <h1> or <h2> in the page's header before the headline. Elements
/// inside the article are not the site's name.
void find_site_names(const BodyScan& scan, BodyFindings& findings);

} // namespace refs::resolve::web
