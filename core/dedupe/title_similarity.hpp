#pragma once

#include <string_view>

namespace refs::dedupe {

/// Two folded titles (fold_letters) are alike at this similarity or above.
constexpr double k_title_threshold = 0.95;

/// The similarity of two folded titles: 1 − d / max(|a|, |b|), where d is
/// the Levenshtein distance in code points (one insertion, deletion or
/// substitution each). 1 for equal texts; 0 for two empty ones is not
/// asked (callers skip empty titles). Returns 0 as soon as the result is
/// known to be below `floor`, so comparing unlike titles costs
/// O(len × (1 − floor) × len) at most.
double title_similarity(std::u32string_view a, std::u32string_view b, double floor = k_title_threshold);

} // namespace refs::dedupe
