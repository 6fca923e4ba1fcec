#pragma once

#include "core/model/citation.hpp"

#include <optional>
#include <string_view>

namespace refs::csl {

/// Reads a citation from the compact CSL-JSON text to_csl_json() writes (as
/// the library stores it) without building a JSON tree: the same citation
/// from_csl_json() gives, in half the time. nullopt for anything else
/// (another layout, a field it does not know, a value it would reject):
/// then read the text with from_csl_json(), which says what is wrong.
std::optional<model::Citation> read_csl_record(std::string_view compact);

} // namespace refs::csl
