#pragma once

#include "core/model/citation.hpp"

#include <string>
#include <vector>

namespace refs::resolve::web {

/// Clears the fields of a page's citation that no one would want cited:
/// text with U+FFFD (what the decoder leaves of bytes that were not the
/// page's encoding, and the HTML parser of NUL bytes) or other control
/// characters than whitespace, and text longer than any real value (a
/// title over 2,000 bytes, an abstract over 100,000, a name over 500).
/// Authors and editors are left out one by one; a DOI left out is not
/// fetched either. Returns "field: why" for each field touched, in field
/// order ("title: not valid text", "title: 524269 bytes long",
/// "author: 3 names, e.g. not valid text").
std::vector<std::string> drop_unusable_fields(model::Citation& citation);

} // namespace refs::resolve::web
