#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace refs::cli {

/// The candidate closest to `word` by edit distance, when it is close
/// enough to be a likely typo (at most 2 edits); nullopt otherwise.
std::optional<std::string> closest_spelling(std::string_view word, std::span<const std::string_view> candidates);

} // namespace refs::cli
