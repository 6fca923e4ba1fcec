#pragma once

#include "core/model/citation.hpp"

#include <string>
#include <vector>

namespace refs::exporting {

/// Writes citations as a CSL-JSON array (pandoc's `--bibliography`,
/// citeproc-js, Zotero import), two-space indented, ending in a newline.
/// Bytes that are not valid UTF-8 become U+FFFD rather than failing.
std::string to_csl_json_array(const std::vector<model::Citation>& citations);

/// One item of that array as it stands there: indented by two spaces, with
/// no comma or newline after it.
std::string csl_json_item(const model::Citation& citation);

/// The same from the item's compact JSON text (as the library stores it,
/// without spaces between tokens): re-indented only, never parsed into a
/// tree, which makes exporting a large library cheap.
std::string indent_csl_item(std::string_view compact);

} // namespace refs::exporting
