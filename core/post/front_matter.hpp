#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace refs::post {

/// The number of leading lines that are front matter: YAML between `---`
/// and `---` or `...` (Jekyll, Hugo, pandoc), or TOML between `+++` lines
/// (Hugo). 0 when the post has none or the block is never closed.
std::size_t front_matter_lines(const std::vector<std::string_view>& lines);

/// A top-level field of the front matter (`lang: ko-KR` in YAML, `lang =
/// "ko"` in TOML), its quotes taken off; "" when it has none.
std::string front_matter_field(const std::vector<std::string_view>& lines, std::string_view name);

} // namespace refs::post
