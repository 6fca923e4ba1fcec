#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace refs::post {

/// The number of leading lines that are front matter: YAML between `---`
/// and `---` or `...` (Jekyll, Hugo, pandoc), or TOML between `+++` lines
/// (Hugo). 0 when the post has none or the block is never closed.
std::size_t front_matter_lines(const std::vector<std::string_view>& lines);

} // namespace refs::post
