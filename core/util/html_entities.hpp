#pragma once

#include <string>
#include <string_view>

namespace refs::util {

/// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#039;`, `&nbsp;`
/// and other numeric references in place of the text they stand for;
/// unknown named ones are kept as written.
std::string decode_entities(std::string_view text);

} // namespace refs::util
