#pragma once

#include "core/model/citation.hpp"

#include <string_view>

namespace refs::csl {

/// Splits a name written "Given Family" (as arXiv, bylines and meta tags
/// write it) into family and given: the last word is the family name, with
/// the particles before it (van, von, de, del, della, di, da, du, dos, le,
/// la, ten, ter, in any case: "Adrian Del Maestro" -> "Del Maestro") and
/// without a suffix after it (Jr., Sr., II, III, IV, a trailing initial:
/// `suffix`). "Family, Given" is read as written; a single word is a family
/// name; a name with a word that marks a body (Research, Team, Consortium,
/// University, a large lab's name, ...) is kept whole as a literal.
/// Whitespace is collapsed.
model::Person person_from_name(std::string_view name);

} // namespace refs::csl
