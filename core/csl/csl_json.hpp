#pragma once

#include "core/model/citation.hpp"

#include <span>
#include <string>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

namespace refs::csl {

/// A citation as one CSL-JSON item (CSL 1.0.2 data schema) in compact JSON
/// text: fields in a fixed order, empty fields left out, strings escaped as
/// nlohmann's dump() escapes them, bytes that are not UTF-8 written as
/// U+FFFD. Our own fields go in `custom`: `identifiers`, `sources`,
/// `key-fixed`, `created`, `updated` (described by
/// schemas/refs-custom.schema.json), so the item stays valid CSL-JSON. The
/// form the library stores and CSL-JSON exports indent.
std::string csl_json_text(const model::Citation& citation);

/// csl_json_text() read back as a tree, for callers that add to it.
nlohmann::ordered_json to_csl_json(const model::Citation& citation);

/// Reads a CSL-JSON item back. Unknown CSL fields are ignored; a missing or
/// non-string `id`/`type`, or a malformed name or date, fails with a
/// lower-case reason naming the field.
tl::expected<model::Citation, std::string> from_csl_json(const nlohmann::json& item);

/// The plain text fields of an item besides `type` and `title` that both
/// write and read, in the order csl_json_text() writes them.
std::span<const char* const> csl_text_fields();

} // namespace refs::csl
