#include "core/post/front_matter.hpp"

#include "core/util/string.hpp"

namespace refs::post {

std::size_t front_matter_lines(const std::vector<std::string_view>& lines) {
  if (lines.empty()) {
    return 0;
  }
  const std::string_view open = util::trim(lines[0]);
  if (open != "---" && open != "+++") {
    return 0;
  }
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string_view line = util::trim(lines[i]);
    if (line == open || (open == "---" && line == "...")) {
      return i + 1;
    }
  }
  return 0;
}

} // namespace refs::post
