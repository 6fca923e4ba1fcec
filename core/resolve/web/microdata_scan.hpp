#pragma once

#include "core/resolve/web/body_findings.hpp"

#include <string_view>

namespace refs::resolve::web {

/// Schema.org microdata anywhere in the page, also past the parsed window
/// (page_body.hpp): the first element marked `itemprop="datePublished"`
/// and the first marked `itemprop="author"`, found by a plain search and
/// parsed alone with the 400 bytes after it. Added to the findings as
/// "microdata in the page", after the window's marked elements and before
/// its unmarked text, unless the window already found the same value.
void find_page_microdata(std::string_view html, BodyFindings& findings);

} // namespace refs::resolve::web
