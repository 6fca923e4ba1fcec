#pragma once

#include "core/model/citation.hpp"

#include <string>
#include <vector>

namespace refs::exporting {

/// Writes citations as a CSL-JSON array (pandoc's `--bibliography`,
/// citeproc-js, Zotero import), two-space indented, ending in a newline.
/// Bytes that are not valid UTF-8 become U+FFFD rather than failing.
std::string to_csl_json_array(const std::vector<model::Citation>& citations);

} // namespace refs::exporting
