#pragma once

#include "core/model/citation.hpp"

#include <string_view>

namespace refs::dedupe {

/// How much a metadata source is trusted; a higher rank wins a field. The
/// writer's own corrections ("user") outrank everything, the post's own text
/// ("post") ranks lowest; an unknown source ranks just above "post".
int source_rank(std::string_view source);

/// Whether an incoming value may replace one from a source of equal rank.
enum class Ties { replace, keep };

/// Merges `incoming` into `existing`, field by field: a non-empty incoming
/// value replaces the existing one when its source ranks higher, or equal
/// with Ties::replace (so a re-read post refreshes its own data but never a
/// user's correction). Identifiers are united. Returns whether anything
/// changed; the key, key state and `created` of `existing` are kept.
bool merge_into(model::Citation& existing, const model::Citation& incoming, Ties ties = Ties::replace);

} // namespace refs::dedupe
